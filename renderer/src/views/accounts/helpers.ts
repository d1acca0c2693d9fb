/** Small pieces the overview views share: account kind order and icons, per-opening request ids, months. */
import { createElement, useRef, type ReactNode } from 'react';
import {
  BankOutlined,
  CreditCardOutlined,
  MobileOutlined,
  SafetyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { theme } from 'antd';
import dayjs from 'dayjs';
import type { AccountKind, AccountView } from '../../../../shared/ledger-views';
import { newRequestId } from '../../lib/money';

/** The order kinds are listed in: everyday money first, credit and savings after. */
export const KIND_ORDER: readonly AccountKind[] = ['bank', 'ewallet', 'cash', 'credit', 'savings'];

const KIND_ICONS: Record<AccountKind, typeof BankOutlined> = {
  bank: BankOutlined,
  ewallet: MobileOutlined,
  cash: WalletOutlined,
  credit: CreditCardOutlined,
  savings: SafetyOutlined,
};

export function kindIcon(kind: AccountKind): ReactNode {
  return createElement(KIND_ICONS[kind], { 'aria-hidden': true });
}

/** Kinds whose balance may go below zero by an agreed amount (credit limit, overdraft). */
export const KINDS_WITH_LIMIT: readonly AccountKind[] = ['credit', 'bank'];

export function groupByKind(accounts: readonly AccountView[]): { kind: AccountKind; accounts: AccountView[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, accounts: accounts.filter((a) => a.kind === kind) })).filter(
    (group) => group.accounts.length > 0,
  );
}

/**
 * One idempotency key per opening of a dialog: a double click or a retry after an error reuses it,
 * so the engine records the action once; the next opening is a new action with a new key.
 */
export function useRequestIdPerOpening(open: boolean): string {
  const state = useRef({ open: false, id: newRequestId() });
  if (open && !state.current.open) state.current = { open: true, id: newRequestId() };
  else if (!open && state.current.open) state.current = { open: false, id: state.current.id };
  return state.current.id;
}

export const thisMonth = (): string => dayjs().format('YYYY-MM');
export const today = (): string => dayjs().format('YYYY-MM-DD');

/** Whether antd's current theme is dark, read from its tokens (the views are not told the setting). */
export function useIsDark(): boolean {
  const { token } = theme.useToken();
  const hex = token.colorBgContainer.replace('#', '');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (r! + g! + b!) / 3 < 128;
}
