/**
 * One account's register: its live lines newest first with the balance after each, ending with the
 * opening balance as its own row (dated at the account's start, the balance the running balances
 * build on), below the inline new row for recording into this account. Pages of 200
 * are fetched as they scroll into view and rendered through a virtualizer, so an account with
 * 100k lines scrolls like one with ten. A ledger change refetches the pages on screen.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Tag, Tooltip, Typography, theme } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AccountView, TransactionView } from '../../../../shared/ledger-views';
import { ApiError, errorText, useApi } from '../../lib/api-context';
import { useFormat } from '../../lib/format';
import { useMoney } from '../../lib/money';
import { RegisterNewRow } from './RegisterNewRow';

const PAGE = 200;
const ROW_HEIGHT = 52;

interface LoadedPage {
  rows: TransactionView[];
  generation: number;
}

function useRegisterPages(accountId: string) {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [pages, setPages] = useState<Map<number, LoadedPage>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inflight = useRef(new Set<string>());
  const current = useRef({ accountId, generation });
  current.current = { accountId, generation };

  useEffect(() => api.on('ledger/changed', () => setGeneration((g) => g + 1)), [api]);
  useEffect(() => {
    setPages(new Map());
    setTotal(null);
    setError(null);
  }, [accountId]);

  const ensure = (page: number) => {
    const loaded = pages.get(page);
    const key = `${accountId}:${generation}:${page}`;
    if ((loaded && loaded.generation === generation) || inflight.current.has(key)) return;
    inflight.current.add(key);
    const asked = { accountId, generation };
    void api.ledger.register({ accountId, offset: page * PAGE, limit: PAGE }).then((result) => {
      inflight.current.delete(key);
      if (asked.accountId !== current.current.accountId) return;
      if (!result.ok) {
        setError(new ApiError(result));
        return;
      }
      setError(null);
      setPages((old) => {
        const existing = old.get(page);
        if (existing && existing.generation > asked.generation) return old;
        return new Map(old).set(page, { rows: result.value.rows, generation: asked.generation });
      });
      if (asked.generation === current.current.generation) setTotal(result.value.total);
    });
  };

  const row = (index: number): TransactionView | undefined => pages.get(Math.floor(index / PAGE))?.rows[index % PAGE];
  return { total, error, ensure, row, generation };
}

export function Register({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { format } = useMoney();
  const { token } = theme.useToken();
  const { total, error, ensure, row, generation } = useRegisterPages(account.id);
  const scroller = useRef<HTMLDivElement>(null);
  // One row more than the lines: the opening balance, always last (the oldest).
  const rowCount = total === null ? 0 : total + 1;
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const wanted = new Set<number>(total === null ? [0] : items.map((item) => Math.floor(item.index / PAGE)));
  const wantedKey = [...wanted].join(',');

  useEffect(() => {
    for (const page of wanted) ensure(page);
    // `wanted` is derived from wantedKey; ensure() skips pages already loaded for this generation.
  }, [wantedKey, generation, account.id, total === null]);

  if (error) return <Alert type="error" showIcon title={errorText(error, t)} />;
  const newRow = !account.closed && !account.frozen && <RegisterNewRow account={account} />;

  const columns = 'minmax(92px, 112px) minmax(120px, 1fr) 84px minmax(112px, 144px) minmax(112px, 144px)';
  const headerStyle = { display: 'grid', gridTemplateColumns: columns, gap: 12, padding: '8px 12px', fontWeight: 600, borderBottom: `1px solid ${token.colorBorderSecondary}` };

  return (
    <>
    {newRow}
    {total === 0 && <Typography.Paragraph type="secondary">{t('accounts.register.empty')}</Typography.Paragraph>}
    <div role="table" aria-label={t('accounts.register.title', { name: account.name })} aria-rowcount={rowCount + 1}>
      <div role="rowgroup">
        <div role="row" style={headerStyle}>
          <span role="columnheader">{t('accounts.register.date')}</span>
          <span role="columnheader">{t('accounts.register.description')}</span>
          <span role="columnheader">{t('accounts.register.status')}</span>
          <span role="columnheader" style={{ textAlign: 'right' }}>{t('accounts.register.amount')}</span>
          <span role="columnheader" style={{ textAlign: 'right' }}>{t('accounts.register.balance')}</span>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" tabIndex={0} style={{ height: `min(56vh, ${Math.max(1, rowCount) * ROW_HEIGHT}px)`, overflow: 'auto' }} data-testid="register-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const line = row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 12,
                  alignItems: 'center',
                  padding: '0 12px',
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                }}
              >
                {item.index === total ? (
                  <OpeningCells account={account} format={format} />
                ) : line ? (
                  <RegisterCells line={line} format={format} />
                ) : (
                  <span role="cell">{t('common.loading')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
    </>
  );
}

/** The opening balance as the register's oldest row: the balance every later row builds on. */
function OpeningCells({ account, format }: { account: AccountView; format: (minor: number, currency: string) => string }) {
  const { t } = useTranslation();
  const { day } = useFormat();
  return (
    <>
      <span role="cell" className="ow-date">{day(account.openedOn)}</span>
      <span role="cell">
        <Typography.Text strong>{t('accounts.register.opening')}</Typography.Text>
      </span>
      <span role="cell" />
      <span role="cell" className="ow-money" style={{ textAlign: 'right' }} data-testid="register-opening-amount">
        {format(account.openingBalanceMinor, account.currency)}
      </span>
      <span role="cell" className="ow-money" style={{ textAlign: 'right' }}>
        {format(account.openingBalanceMinor, account.currency)}
      </span>
    </>
  );
}

function RegisterCells({ line, format }: { line: TransactionView; format: (minor: number, currency: string) => string }) {
  const { t } = useTranslation();
  const { day } = useFormat();
  const { token } = theme.useToken();
  const category = line.categoryName
    ? line.parentCategoryName
      ? `${line.parentCategoryName} › ${line.categoryName}`
      : line.categoryName
    : null;
  const title =
    line.kind === 'transfer'
      ? t(line.amountMinor < 0 ? 'accounts.register.transferTo' : 'accounts.register.transferFrom', { account: line.counterAccountName ?? '' })
      : line.adjustment
        ? t('ledger.adjustment')
        : line.payee || category || t(`ledger.transactionKinds.${line.kind}`);
  const detail = [line.kind === 'transfer' ? line.payee : line.payee ? category : null, line.note].filter(Boolean).join(' · ');
  return (
    <>
      <span role="cell" className="ow-date">{day(line.date)}</span>
      <span role="cell" style={{ minWidth: 0 }}>
        <Typography.Text ellipsis={{ tooltip: title }} style={{ display: 'block' }}>
          {title}
        </Typography.Text>
        {detail && (
          <Typography.Text type="secondary" ellipsis={{ tooltip: detail }} style={{ display: 'block', fontSize: 12 }}>
            {detail}
          </Typography.Text>
        )}
      </span>
      <span role="cell">
        {line.status === 'reconciled' ? (
          <Tooltip title={t('accounts.register.lockedHint')}>
            <Tag color="success" icon={<LockOutlined />}>
              {t('ledger.statuses.reconciled')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color={line.status === 'cleared' ? 'processing' : 'default'}>{t(`ledger.statuses.${line.status}`)}</Tag>
        )}
      </span>
      <span role="cell" className="ow-money" style={{ textAlign: 'right', color: line.amountMinor < 0 ? undefined : token.colorSuccessText }}>
        {format(line.amountMinor, line.currency)}
      </span>
      <span role="cell" className="ow-money" style={{ textAlign: 'right' }}>
        {line.runningBalanceMinor === null ? '' : format(line.runningBalanceMinor, line.currency)}
      </span>
    </>
  );
}
