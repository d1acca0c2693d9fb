/**
 * The virtualized list: only the rows on screen (plus a few) are in the DOM, and only the pages
 * they fall in are fetched, so 100k transactions scroll as smoothly as 100. It is an ARIA table
 * with the full row count, so screen readers know where they are.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Alert } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { MonthBill } from '../../../../shared/bill-views';
import { errorText } from '../../lib/api-context';
import { sectionLayout } from './bill-sections';
import { MonthHeader } from './BillParts';
import { TransactionRow, type RowActions } from './TransactionRow';
import type { PagedTransactions } from './use-transaction-pages';

export const ROW_HEIGHT = 56;
const MONTH_HEIGHT = 44;

interface Props {
  paged: PagedTransactions;
  actions: RowActions;
  label: string;
  /** Shown instead of the rows when the query has none. */
  empty: ReactNode;
  deletedView?: boolean;
  /** Changes when the query changes: the list scrolls back to the top. */
  resetKey: string;
  /** The bill view: one header per month, in list order, with the engine's counts (null: no sections). */
  months?: readonly MonthBill[] | null;
}

export function TransactionList({ paged, actions, label, empty, deletedView, resetKey, months }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const count = paged.total ?? 0;
  // Sections only while the months describe exactly these rows (both answers are for the same ledger state).
  const sections = months && months.reduce((sum, month) => sum + month.count, 0) === count ? months : null;
  const layout = useMemo(() => sectionLayout(count, sections), [count, sections]);
  const virtualizer = useVirtualizer({
    count: layout.size,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (layout.itemAt(index).kind === 'month' ? MONTH_HEIGHT : ROW_HEIGHT),
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const rowIndexes = items.flatMap((item) => {
    const entry = layout.itemAt(item.index);
    return entry.kind === 'row' ? [entry.rowIndex] : [];
  });
  const first = rowIndexes[0] ?? 0;
  const last = rowIndexes[rowIndexes.length - 1] ?? 0;
  const { showRange } = paged;

  useEffect(() => {
    if (count > 0) showRange(Math.max(0, first - 40), Math.min(count - 1, last + 40));
  }, [first, last, count, showRange]);

  // Headers and rows differ in height: sizes are re-estimated when the sections change.
  useEffect(() => {
    virtualizer.measure();
  }, [layout, virtualizer]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  if (paged.error) return <Alert type="error" showIcon title={errorText(paged.error, t)} />;

  return (
    <div role="table" aria-label={label} aria-rowcount={layout.size + 1} aria-busy={paged.loading} className="ow-tx-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="ow-tx-row ow-tx-head">
          <span role="columnheader">{t('transactions.fields.date')}</span>
          <span role="columnheader">{t('transactions.fields.payee')}</span>
          <span role="columnheader">{t('transactions.fields.category')}</span>
          <span role="columnheader">{t('transactions.fields.account')}</span>
          <span role="columnheader" className="ow-tx-amount">
            {t('transactions.fields.amount')}
          </span>
          <span role="columnheader">{t('transactions.fields.status')}</span>
          <span role="columnheader" className="ow-tx-actions">
            <span className="ow-visually-hidden">{t('transactions.actions.label')}</span>
          </span>
        </div>
      </div>
      {paged.total === 0 ? (
        <div className="ow-tx-empty">{empty}</div>
      ) : (
        // The scroller is the rowgroup itself: a table may only own row groups and rows, and the
        // scroller must be focusable so keyboard users can scroll it.
        <div ref={scroller} role="rowgroup" className="ow-tx-scroller" data-testid="transaction-scroller" tabIndex={0}>
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const entry = layout.itemAt(item.index);
              return (
                <div key={item.key} className="ow-tx-slot" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                  {entry.kind === 'month' ? (
                    <MonthHeader month={entry.month} index={item.index} />
                  ) : (
                    <TransactionRow row={paged.rowAt(entry.rowIndex)} index={item.index} actions={actions} deletedView={deletedView} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
