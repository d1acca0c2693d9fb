/** The filter state of the transactions view and how it becomes a `ledger/transactions` query. */
import type { TransactionQuery, TransactionStatus } from '../../../../shared/ledger-views';

export type SortField = 'date' | 'amount' | 'payee';

/** The "Uncategorized" entry of the category filter; never a category id (ids cannot hold '~'). */
export const UNCATEGORIZED = '~uncategorized';

export interface Filters {
  text: string;
  accountIds: string[];
  /** Category ids, and UNCATEGORIZED for lines without one. */
  categoryIds: string[];
  /** Inclusive booking dates, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  minAmount: string;
  maxAmount: string;
  status: TransactionStatus[];
  includeVoided: boolean;
  sort: SortField;
  direction: 'asc' | 'desc';
}

export const NO_FILTERS: Filters = {
  text: '',
  accountIds: [],
  categoryIds: [],
  from: null,
  to: null,
  minAmount: '',
  maxAmount: '',
  status: [],
  includeVoided: false,
  sort: 'date',
  direction: 'desc',
};

/** Whether anything narrows the list (sorting does not). */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.accountIds.length > 0 ||
    filters.categoryIds.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    filters.minAmount.trim() !== '' ||
    filters.maxAmount.trim() !== '' ||
    filters.status.length > 0 ||
    filters.includeVoided
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters another view asked for in the hash query (category, from, to); anything malformed is ignored. */
export function filtersFromQuery(query: URLSearchParams): Filters {
  const category = query.get('category');
  const from = query.get('from');
  const to = query.get('to');
  return {
    ...NO_FILTERS,
    categoryIds: category && category.length <= 64 ? [category] : [],
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
  };
}

export function toQuery(filters: Filters): TransactionQuery {
  const text = filters.text.trim();
  const categoryIds = filters.categoryIds.filter((id) => id !== UNCATEGORIZED);
  return {
    ...(text ? { text } : {}),
    ...(filters.accountIds.length ? { accountIds: filters.accountIds } : {}),
    ...(categoryIds.length ? { categoryIds } : {}),
    ...(filters.categoryIds.includes(UNCATEGORIZED) ? { uncategorized: true } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.minAmount.trim() ? { minAmount: filters.minAmount.trim() } : {}),
    ...(filters.maxAmount.trim() ? { maxAmount: filters.maxAmount.trim() } : {}),
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.includeVoided ? { includeVoided: true } : {}),
    sort: filters.sort,
    direction: filters.direction,
  };
}
