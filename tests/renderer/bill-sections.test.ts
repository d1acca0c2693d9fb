/** The bill view's month headers land before the first row of each month, whatever the paging. */
import { describe, expect, it } from 'vitest';
import { sectionLayout } from '../../renderer/src/views/transactions/bill-sections';

const month = (m: string, count: number) => ({ month: m, count, totals: [] });

describe('sectionLayout', () => {
  it('puts one header before each month and maps positions to rows', () => {
    const layout = sectionLayout(6, [month('2024-03', 1), month('2024-02', 3), month('2024-01', 2)]);
    expect(layout.size).toBe(9);
    expect(Array.from({ length: layout.size }, (_, i) => layout.itemAt(i)).map((item) => (item.kind === 'month' ? item.month.month : item.rowIndex))).toEqual([
      '2024-03', 0, '2024-02', 1, 2, 3, '2024-01', 4, 5,
    ]);
  });

  it('without months the rows stand alone', () => {
    const layout = sectionLayout(3, null);
    expect(layout.size).toBe(3);
    expect(layout.itemAt(2)).toEqual({ kind: 'row', rowIndex: 2 });
  });
});
