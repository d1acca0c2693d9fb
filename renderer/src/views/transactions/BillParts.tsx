/**
 * The bill view's figures: the sum of the current filter above the list, and each month's
 * header inside it. Every amount is the engine's (`ledger/billTotals`), formatted here only.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillTotals, CurrencyFlow, MonthBill } from '../../../../shared/bill-views';
import { useFormat, type Formatter } from '../../lib/format';

type FlowKey = 'spentMinor' | 'incomeMinor' | 'netMinor';

/**
 * One figure across currencies, never added together: "CN¥3,000.00 / US$12.34". Currencies with
 * nothing in this figure are left out unless all are (then the first shows its zero).
 */
export function flowText(totals: readonly CurrencyFlow[], key: FlowKey, format: Formatter): string {
  const money = (flow: CurrencyFlow) => (key === 'netMinor' ? format.signedMoney(flow[key], flow.currency) : format.money(flow[key], flow.currency));
  const nonZero = totals.filter((flow) => flow[key] !== 0);
  return (nonZero.length ? nonZero : totals.slice(0, 1)).map(money).join(' / ');
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <span className="ow-bill-figure" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text> <Typography.Text strong>{value}</Typography.Text>
    </span>
  );
}

/** Above the list: what everything the filter matches spent, earned and left. */
export function BillSummary({ bill }: { bill: BillTotals }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (bill.totals.length === 0) return null;
  return (
    <span className="ow-bill-summary" role="group" aria-label={t('bill.totalsLabel')} data-testid="bill-summary">
      <Figure label={t('bill.spent')} value={flowText(bill.totals, 'spentMinor', format)} testId="bill-spent" />
      <Figure label={t('bill.income')} value={flowText(bill.totals, 'incomeMinor', format)} testId="bill-income" />
      <Figure label={t('bill.net')} value={flowText(bill.totals, 'netMinor', format)} testId="bill-net" />
    </span>
  );
}

/** A month's section header in the list: its name and row count, then what it spent and earned. */
export function MonthHeader({ month, index }: { month: MonthBill; index: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div role="row" aria-rowindex={index + 2} className="ow-tx-month" data-testid="bill-month" data-month={month.month}>
      <span role="rowheader" aria-colspan={7} className="ow-tx-month-cell">
        <span className="ow-tx-month-name">
          <Typography.Text strong>{format.month(month.month)}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('transactions.count', { count: month.count, formatted: format.count(month.count) })}</Typography.Text>
        </span>
        <span className="ow-tx-month-flows">
          <Figure label={t('bill.spent')} value={flowText(month.totals, 'spentMinor', format)} testId="bill-month-spent" />
          <Figure label={t('bill.income')} value={flowText(month.totals, 'incomeMinor', format)} testId="bill-month-income" />
        </span>
      </span>
    </div>
  );
}
