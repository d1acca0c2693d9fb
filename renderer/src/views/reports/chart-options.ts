/**
 * The report charts as echarts options, built from the report alone (pure, tested in
 * tests/renderer/chart-options.test.ts). Amounts reach echarts as numbers only to place pixels;
 * every label, tooltip and the donut's centre total are formatted from the integer minor units.
 *
 * Labels never overlap or get cut: slice labels hide when they would collide (`labelLayout`), the
 * grids contain their axis labels, and month labels that do not fit are thinned by echarts rather
 * than truncated. Each slice and bar carries what it stands for (`target`), so a click can open
 * the matching transactions.
 */
import type { ReportsView } from '../../../../shared/ledger-views';
import { formatCompact, formatMoney, formatMonth } from '../../../../shared/format';
import { sumMinor, toDecimalString } from '../../../../shared/money';
import type { ChartOption } from './chart-types';

/** What a click on a slice or bar opens: transactions in this category (or any) within these days. */
export interface ChartTarget {
  categoryId: string | null;
  from: string;
  to: string;
}

export interface ChartInput {
  report: ReportsView;
  currency: string;
  locale: string;
  /** The report's month range, YYYY-MM. */
  from: string;
  to: string;
  text: { uncategorized: string; income: string; expense: string; netWorth: string; total: string };
  colors: { income: string; expense: string; line: string; border: string; text: string; secondaryText: string };
}

const plot = (minor: number, currency: string) => Number(toDecimalString(minor, currency));

/** The first and the last day of a month "YYYY-MM". */
export function monthDays(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function reportChartOptions(input: ChartInput): { pie: ChartOption; bars: ChartOption; line: ChartOption } {
  const { report, currency, locale, text, colors } = input;
  const spending = report.spendingByCategory.filter((row) => row.currency === currency && row.spentMinor !== 0);
  const flows = report.incomeVsExpense.filter((row) => row.currency === currency);
  const money = (minor: unknown) => (typeof minor === 'number' ? formatMoney(minor, currency, locale) : '');
  const axis = { type: 'value' as const, axisLabel: { formatter: (value: number) => formatCompact(value, locale) } };
  const monthAxis = (months: string[]) => ({
    type: 'category' as const,
    data: months.map((month) => formatMonth(month, locale)),
    // Whole labels or none: echarts skips labels that would collide instead of clipping them.
    axisLabel: { hideOverlap: true, overflow: 'none' as const },
  });
  const textStyle = { fontFamily: 'inherit' };
  const animation = { animationDuration: 300, animationDurationUpdate: 300 };
  const range = { from: monthDays(input.from).from, to: monthDays(input.to).to };
  const total = sumMinor(spending.map((row) => row.spentMinor));

  const pie: ChartOption = {
    ...animation,
    textStyle,
    // The centre of the donut: the total spent, then what it is.
    title: {
      text: money(total),
      subtext: text.total,
      left: 'center',
      top: '38%',
      itemGap: 4,
      textStyle: { fontSize: 16, fontWeight: 'bold', color: colors.text },
      subtextStyle: { fontSize: 12, color: colors.secondaryText },
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { name: string; percent: number; data: { minor: number } };
        return `${item.name}<br/>${money(item.data.minor)} (${item.percent}%)`;
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '64%'],
        center: ['50%', '45%'],
        itemStyle: { borderColor: colors.border, borderWidth: 2 },
        label: {
          formatter: (p: unknown) => {
            const item = p as { name: string; percent: number; data: { minor: number } };
            return `${item.name}\n${money(item.data.minor)} · ${Math.round(item.percent)}%`;
          },
          color: colors.text,
        },
        labelLine: { length: 8, length2: 8 },
        labelLayout: { hideOverlap: true },
        avoidLabelOverlap: true,
        data: spending.map((row) => ({
          name: row.name ?? text.uncategorized,
          value: plot(row.spentMinor, currency),
          minor: row.spentMinor,
          target: { categoryId: row.categoryId, ...range } satisfies ChartTarget,
        })),
      },
    ],
  };

  const flowTarget = (month: string): ChartTarget => ({ categoryId: null, ...monthDays(month) });
  const bars: ChartOption = {
    ...animation,
    textStyle,
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const items = p as { axisValueLabel: string; marker: string; seriesName: string; data: { minor: number } }[];
        return [items[0]?.axisValueLabel ?? '', ...items.map((i) => `${i.marker}${i.seriesName}: ${money(i.data.minor)}`)].join('<br/>');
      },
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: monthAxis(flows.map((row) => row.month)),
    yAxis: axis,
    series: [
      {
        type: 'bar',
        name: text.income,
        itemStyle: { color: colors.income },
        data: flows.map((row) => ({ value: plot(row.incomeMinor, currency), minor: row.incomeMinor, target: flowTarget(row.month) })),
      },
      {
        type: 'bar',
        name: text.expense,
        itemStyle: { color: colors.expense },
        data: flows.map((row) => ({ value: plot(row.expenseMinor, currency), minor: row.expenseMinor, target: flowTarget(row.month) })),
      },
    ],
  };

  const line: ChartOption = {
    ...animation,
    textStyle,
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const items = p as { axisValueLabel: string; data: { minor: number } }[];
        return `${items[0]?.axisValueLabel ?? ''}<br/>${money(items[0]?.data.minor)}`;
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 16, containLabel: true },
    xAxis: monthAxis(report.netWorth.map((row) => row.month)),
    yAxis: { ...axis, scale: true },
    series: [
      {
        type: 'line',
        name: text.netWorth,
        smooth: false,
        areaStyle: { opacity: 0.12 },
        itemStyle: { color: colors.line },
        data: report.netWorth.map((row) => ({ value: plot(row.totalMinor, currency), minor: row.totalMinor })),
      },
    ],
  };
  return { pie, bars, line };
}

/**
 * The default month range: from the first month with data (the earliest account opening or
 * transaction day given) to this month, at most 12 months; this month alone when there is nothing yet.
 */
export function defaultMonthRange(openedOn: readonly string[], today: string): [string, string] {
  const current = today.slice(0, 7);
  const [year, month] = current.split('-').map(Number) as [number, number];
  const earliestAllowed = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 7);
  const first = openedOn.map((day) => day.slice(0, 7)).sort()[0] ?? current;
  const from = first < earliestAllowed ? earliestAllowed : first > current ? current : first;
  return [from, current];
}
