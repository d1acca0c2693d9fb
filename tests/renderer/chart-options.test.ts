/** The report charts' options (renderer/src/views/reports/chart-options.ts) and the filters a chart click opens. */
import { describe, expect, it } from 'vitest';
import { defaultMonthRange, monthDays, reportChartOptions, type ChartInput } from '../../renderer/src/views/reports/chart-options';
import { filtersFromQuery, NO_FILTERS } from '../../renderer/src/views/transactions/filters';
import type { ReportsView } from '../../shared/ledger-views';

const report: ReportsView = {
  spendingByCategory: [
    { categoryId: 'food', name: '餐饮', currency: 'CNY', spentMinor: 4200 },
    { categoryId: null, name: null, currency: 'CNY', spentMinor: 4500 },
    { categoryId: 'fx', name: 'Travel', currency: 'USD', spentMinor: 999 },
  ],
  incomeVsExpense: [
    { month: '2024-01', currency: 'CNY', incomeMinor: 1_000_000, expenseMinor: 8700 },
    { month: '2024-02', currency: 'CNY', incomeMinor: 0, expenseMinor: 100 },
  ],
  netWorth: [{ month: '2024-02', currency: 'CNY', totalMinor: 123_456_789, missingRates: [] }],
};

function input(locale: string): ChartInput {
  return {
    report,
    currency: 'CNY',
    locale,
    from: '2024-01',
    to: '2024-02',
    text: { uncategorized: '未分类', income: '收入', expense: '支出', netWorth: '净资产', total: '总支出' },
    colors: { income: 'green', expense: 'red', line: 'blue', border: 'white', text: 'black', secondaryText: 'grey' },
  };
}

type Labelled = { label: { formatter: (p: unknown) => string }; labelLayout: { hideOverlap: boolean }; data: { name: string; minor: number; target: unknown }[] };

describe('report charts', () => {
  it('the donut shows amounts on its labels and the total in its centre, hiding labels that would overlap', () => {
    const { pie } = reportChartOptions(input('zh-CN'));
    const series = (pie.series as Labelled[])[0]!;
    expect(series.labelLayout).toEqual({ hideOverlap: true });
    expect(series.data.map((item) => item.name)).toEqual(['餐饮', '未分类']); // only this currency
    expect(series.label.formatter({ name: '餐饮', percent: 48.3, data: series.data[0] })).toBe('餐饮\n¥42.00 · 48%');
    expect(pie.title).toMatchObject({ text: '¥87.00', subtext: '总支出', left: 'center' });
    expect(reportChartOptions(input('en-US')).pie.title).toMatchObject({ text: 'CN¥87.00' });
  });

  it('a slice stands for its category over the whole range; a bar for its month', () => {
    const { pie, bars } = reportChartOptions(input('en-US'));
    const slices = (pie.series as Labelled[])[0]!.data;
    expect(slices[0]!.target).toEqual({ categoryId: 'food', from: '2024-01-01', to: '2024-02-29' });
    expect(slices[1]!.target).toEqual({ categoryId: null, from: '2024-01-01', to: '2024-02-29' });
    const expense = (bars.series as Labelled[])[1]!.data;
    expect(expense.map((bar) => bar.target)).toEqual([
      { categoryId: null, from: '2024-01-01', to: '2024-01-31' },
      { categoryId: null, from: '2024-02-01', to: '2024-02-29' },
    ]);
  });

  it('axes keep whole labels inside the chart, in the one month format', () => {
    const { bars, line } = reportChartOptions(input('zh-CN'));
    for (const option of [bars, line]) {
      expect(option.grid).toMatchObject({ containLabel: true });
      expect(option.xAxis).toMatchObject({ axisLabel: { hideOverlap: true, overflow: 'none' } });
    }
    expect((bars.xAxis as { data: string[] }).data).toEqual(['2024年1月', '2024年2月']);
  });

  it('month days', () => {
    expect(monthDays('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(monthDays('2024-12')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});

describe('default report range', () => {
  it('starts at the first month with data, at most twelve months back, and ends this month', () => {
    expect(defaultMonthRange([], '2026-12-02')).toEqual(['2026-12', '2026-12']);
    expect(defaultMonthRange(['2026-10-15', '2026-11-01'], '2026-12-02')).toEqual(['2026-10', '2026-12']);
    expect(defaultMonthRange(['2019-03-01'], '2026-12-02')).toEqual(['2026-01', '2026-12']);
    expect(defaultMonthRange(['2026-03-01'], '2026-02-10')).toEqual(['2026-02', '2026-02']); // opened "in the future"
  });
});

describe('filters from a chart click', () => {
  it('reads category and days from the hash query; ignores anything malformed', () => {
    expect(filtersFromQuery(new URLSearchParams('category=food&from=2024-01-01&to=2024-02-29'))).toEqual({
      ...NO_FILTERS,
      categoryIds: ['food'],
      from: '2024-01-01',
      to: '2024-02-29',
    });
    expect(filtersFromQuery(new URLSearchParams('from=yesterday&to=2024-13'))).toEqual(NO_FILTERS);
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual(NO_FILTERS);
  });
});
