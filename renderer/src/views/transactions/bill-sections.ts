/**
 * The bill view's layout: the list's rows grouped under one header per month (Alipay style). The
 * months and their row counts come from the engine (`ledger/billTotals`) for the whole filter, so
 * a header sits right even where a month runs across pages the list has not loaded yet.
 */
import type { MonthBill } from '../../../../shared/bill-views';

export type ListItem = { kind: 'month'; month: MonthBill } | { kind: 'row'; rowIndex: number };

export interface SectionLayout {
  /** Headers plus rows. */
  size: number;
  itemAt(index: number): ListItem;
}

/** Months in list order; no months (another sort, or not loaded): the rows alone. */
export function sectionLayout(rowCount: number, months: readonly MonthBill[] | null): SectionLayout {
  if (!months || months.length === 0) {
    return { size: rowCount, itemAt: (index) => ({ kind: 'row', rowIndex: index })};
  }
  // starts[k]: the list position of month k's header.
  const starts: number[] = [];
  let position = 0;
  for (const month of months) {
    starts.push(position);
    position += month.count + 1;
  }
  const lastAtOrBefore = (value: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= value) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    size: position,
    itemAt(index) {
      const k = lastAtOrBefore(index);
      return index === starts[k] ? { kind: 'month', month: months[k]! } : { kind: 'row', rowIndex: index - k - 1 };
    },
  };
}
