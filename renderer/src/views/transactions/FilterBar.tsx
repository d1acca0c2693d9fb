/** Search, filters and sort above the list. Typed text is applied after a short pause. */
import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Switch, Tooltip, TreeSelect } from 'antd';
import { ClearOutlined, SearchOutlined, SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountView, CategoryView, TransactionStatus } from '../../../../shared/ledger-views';
import { categoryTree } from '../../components/CategorySelect';
import { DATE_FORMAT } from '../../components/dialog-parts';
import { isFiltered, NO_FILTERS, UNCATEGORIZED, type Filters, type SortField } from './filters';

interface Props {
  filters: Filters;
  onChange(filters: Filters): void;
  accounts: readonly AccountView[];
  categories: readonly CategoryView[];
}

const DEBOUNCE_MS = 300;

/** Ranges people ask for most: this month, last month, the last 30 days, this year. */
function datePresets(t: TFunction): { label: string; value: [Dayjs, Dayjs] }[] {
  const today = dayjs();
  const lastMonth = today.subtract(1, 'month');
  return [
    { label: t('transactions.filters.thisMonth'), value: [today.startOf('month'), today.endOf('month')] },
    { label: t('transactions.filters.lastMonth'), value: [lastMonth.startOf('month'), lastMonth.endOf('month')] },
    { label: t('transactions.filters.last30Days'), value: [today.subtract(29, 'day'), today] },
    { label: t('transactions.filters.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
  ];
}

/** A text field whose value reaches `onCommit` once the user pauses typing. */
function useDebouncedText(value: string, onCommit: (text: string) => void): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onCommit(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  return [draft, setDraft];
}

export function FilterBar({ filters, onChange, accounts, categories }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const [text, setText] = useDebouncedText(filters.text, (value) => set({ text: value }));
  const [minAmount, setMinAmount] = useDebouncedText(filters.minAmount, (value) => set({ minAmount: value }));
  const [maxAmount, setMaxAmount] = useDebouncedText(filters.maxAmount, (value) => set({ maxAmount: value }));
  const tree = [
    { value: 'kind:expense', title: t('ledger.transactionKinds.expense'), selectable: false, children: categoryTree(categories, 'expense') },
    { value: 'kind:income', title: t('ledger.transactionKinds.income'), selectable: false, children: categoryTree(categories, 'income') },
  ].filter((group) => group.children.length > 0);
  // Lines without a category are a filter of their own: the first thing to tidy up.
  const treeData = [{ value: UNCATEGORIZED, title: t('daily.uncategorized') }, ...tree];

  return (
    <div className="ow-tx-filters" role="search" aria-label={t('transactions.filters.label')}>
      <Input
        className="ow-tx-search"
        aria-label={t('transactions.filters.search')}
        placeholder={t('transactions.filters.searchPlaceholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPressEnter={() => set({ text })}
      />
      <Select
        mode="multiple"
        aria-label={t('transactions.filters.accounts')}
        placeholder={t('transactions.filters.allAccounts')}
        className="ow-tx-filter"
        allowClear
        maxTagCount="responsive"
        value={filters.accountIds}
        onChange={(accountIds: string[]) => set({ accountIds })}
        options={accounts.map((account) => ({ value: account.id, label: account.name }))}
        optionFilterProp="label"
      />
      <TreeSelect
        multiple
        aria-label={t('transactions.filters.categories')}
        placeholder={t('transactions.filters.allCategories')}
        className="ow-tx-filter"
        allowClear
        maxTagCount="responsive"
        treeDefaultExpandAll
        treeNodeFilterProp="title"
        value={filters.categoryIds}
        onChange={(categoryIds: string[]) => set({ categoryIds })}
        treeData={treeData}
      />
      <DatePicker.RangePicker
        aria-label={t('transactions.filters.dates')}
        className="ow-tx-dates"
        format={DATE_FORMAT}
        allowEmpty={[true, true]}
        placeholder={[t('transactions.filters.from'), t('transactions.filters.to')]}
        value={[filters.from ? dayjs(filters.from, DATE_FORMAT) : null, filters.to ? dayjs(filters.to, DATE_FORMAT) : null]}
        presets={datePresets(t)}
        onChange={(range) =>
          set({ from: range?.[0]?.format(DATE_FORMAT) ?? null, to: range?.[1]?.format(DATE_FORMAT) ?? null })
        }
      />
      <Space.Compact className="ow-tx-amounts">
        <Input
          aria-label={t('transactions.filters.minAmount')}
          placeholder={t('transactions.filters.minAmount')}
          inputMode="decimal"
          allowClear
          value={minAmount}
          onChange={(event) => setMinAmount(event.target.value)}
        />
        <Input
          aria-label={t('transactions.filters.maxAmount')}
          placeholder={t('transactions.filters.maxAmount')}
          inputMode="decimal"
          allowClear
          value={maxAmount}
          onChange={(event) => setMaxAmount(event.target.value)}
        />
      </Space.Compact>
      <Select
        mode="multiple"
        aria-label={t('transactions.filters.status')}
        placeholder={t('transactions.filters.anyStatus')}
        className="ow-tx-filter-narrow"
        allowClear
        maxTagCount="responsive"
        value={filters.status}
        onChange={(status: TransactionStatus[]) => set({ status })}
        options={(['pending', 'cleared', 'reconciled'] as const).map((status) => ({ value: status, label: t(`ledger.statuses.${status}`) }))}
      />
      <label className="ow-tx-switch">
        <Switch size="small" checked={filters.includeVoided} onChange={(includeVoided) => set({ includeVoided })} />
        <span>{t('transactions.filters.showDeleted')}</span>
      </label>
      <Space.Compact>
        <Select
          aria-label={t('transactions.filters.sortBy')}
          value={filters.sort}
          onChange={(sort: SortField) => set({ sort })}
          popupMatchSelectWidth={false}
          options={(['date', 'amount', 'payee'] as const).map((field) => ({
            value: field,
            label: t('transactions.filters.sortField', { field: t(`transactions.fields.${field}`) }),
          }))}
        />
        <Tooltip title={filters.direction === 'asc' ? t('transactions.filters.ascending') : t('transactions.filters.descending')}>
          <Button
            aria-label={filters.direction === 'asc' ? t('transactions.filters.ascending') : t('transactions.filters.descending')}
            icon={filters.direction === 'asc' ? <SortAscendingOutlined aria-hidden /> : <SortDescendingOutlined aria-hidden />}
            onClick={() => set({ direction: filters.direction === 'asc' ? 'desc' : 'asc' })}
          />
        </Tooltip>
      </Space.Compact>
      {isFiltered(filters) && (
        <Button type="link" icon={<ClearOutlined aria-hidden />} onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort, direction: filters.direction })}>
          {t('transactions.filters.clear')}
        </Button>
      )}
    </div>
  );
}
