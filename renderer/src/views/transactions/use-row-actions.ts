/**
 * What the row buttons do: edit opens the dialog, void asks first, restore and status changes go
 * straight to the engine (each click its own request id), history opens the drawer.
 */
import { useMemo } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../../shared/ledger-views';
import { errorText, unwrap, useApi } from '../../lib/api-context';
import { newRequestId } from '../../lib/money';
import { displayPayee } from '../../components/dialog-parts';
import type { RowActions } from './TransactionRow';

export function useRowActions(open: { edit(row: TransactionView): void; history(row: TransactionView): void }): RowActions {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();

  return useMemo(() => {
    const payeeOf = (row: TransactionView) => displayPayee(row, t);
    const attempt = async (action: Promise<unknown>, success: string) => {
      try {
        await action;
        void message.success(success);
      } catch (error) {
        void message.error(errorText(error, t));
        throw error;
      }
    };
    return {
      edit: open.edit,
      history: open.history,
      void(row) {
        const requestId = newRequestId(); // one per confirmation: pressing OK twice voids once
        modal.confirm({
          title: t('transactions.void.title', { payee: payeeOf(row) }),
          content: row.kind === 'transfer' ? t('transactions.void.bodyTransfer') : t('transactions.void.body'),
          okText: t('transactions.void.confirm'),
          okButtonProps: { danger: true },
          cancelText: t('transactions.dialog.cancel'),
          onOk: () =>
            attempt(unwrap(api.ledger.voidTransaction({ requestId, transactionId: row.id })), t('transactions.void.done')).catch(() => undefined),
        });
      },
      restore(row) {
        void attempt(
          unwrap(api.ledger.restoreTransaction({ requestId: newRequestId(), transactionId: row.id })),
          t('transactions.restore.done', { payee: payeeOf(row) }),
        ).catch(() => undefined);
      },
      setStatus(row, status) {
        void attempt(
          unwrap(api.ledger.setTransactionStatus({ requestId: newRequestId(), transactionId: row.id, status })),
          t('transactions.status.done', { status: t(`ledger.statuses.${status}`) }),
        ).catch(() => undefined);
      },
    };
  }, [api, message, modal, open.edit, open.history, t]);
}
