/**
 * A seeded, realistic year of ordinary spending for the anomaly rules (tests only): salary, rent,
 * groceries, coffee, transport, bills and eating out with normal variance, each recorded by hand
 * shortly after it happened. `ONEWALLET_SEED=N` replays a run.
 */
import type { AccountFacts, HistoryRow } from '../../electron/security/alerts/rules';
import { seededRandom } from '../vault/support/rng';

export const YEAR_ACCOUNTS = new Map<string, AccountFacts>([
  ['bank', { name: 'ICBC debit', frozenSince: null, addedOn: '2024-12-31' }],
  ['alipay', { name: 'Alipay', frozenSince: null, addedOn: '2024-12-31' }],
  ['credit', { name: 'CMB credit', frozenSince: null, addedOn: '2024-12-31' }],
  ['cash', { name: 'Cash', frozenSince: null, addedOn: '2024-12-31' }],
]);
export const YEAR_CATEGORIES = new Map([
  ['food', 'Groceries'],
  ['coffee', 'Coffee'],
  ['transport', 'Transport'],
  ['housing', 'Housing'],
  ['bills', 'Bills'],
  ['dining', 'Eating out'],
  ['salary', 'Salary'],
]);

export function ordinaryYear(seed: number, year = 2025): HistoryRow[] {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rows: HistoryRow[] = [];
  let n = 0;
  const add = (date: string, hour: number, row: Omit<HistoryRow, 'id' | 'date' | 'recordedAt' | 'currency' | 'importBatchId'>) => {
    const minute = between(0, 59);
    const recordedAt = `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
    rows.push({ ...row, id: `t${++n}`, date, recordedAt, currency: 'CNY', importBatchId: null });
  };
  const expense = (date: string, hour: number, accountId: string, payee: string, categoryId: string, yuan: number) =>
    add(date, hour, { accountId, kind: 'expense', amountMinor: -Math.round(yuan * 100), payee, categoryId });
  const restaurants = Array.from({ length: 40 }, (_, i) => `Restaurant ${i + 1}`);
  for (let day = 0; day < 365; day++) {
    const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const dayOfMonth = Number(date.slice(8));
    const month = Number(date.slice(5, 7));
    if (dayOfMonth === 10) add(date, 9, { accountId: 'bank', kind: 'income', amountMinor: between(1_780_000, 1_830_000), payee: 'Employer Ltd', categoryId: 'salary' });
    if (dayOfMonth === 1) expense(date, 10, 'bank', 'Lianjia rent', 'housing', 4500);
    if (dayOfMonth === 15) {
      expense(date, 11, 'alipay', 'State Grid electricity', 'bills', (month <= 2 || month >= 7 && month <= 8 ? 320 : 180) + between(-40, 60));
      expense(date, 11, 'alipay', 'China Mobile', 'bills', 128);
      expense(date, 12, 'alipay', 'China Telecom broadband', 'bills', 99);
    }
    if (dayOfMonth === 20) add(date, 20, { accountId: 'bank', kind: 'transfer', amountMinor: -between(200_000, 600_000), payee: 'Card repayment', categoryId: null });
    if (weekday >= 1 && weekday <= 5) {
      if (random() < 0.8) expense(date, 8, 'alipay', pick(['Starbucks', 'Luckin Coffee']), 'coffee', between(18, 42));
      expense(date, 8, 'alipay', 'Metro', 'transport', between(3, 7));
      expense(date, 18, 'alipay', 'Metro', 'transport', between(3, 7));
    } else if (random() < 0.5) {
      expense(date, 14, 'alipay', 'Didi', 'transport', between(18, 85));
    }
    if (random() < 0.35) expense(date, 19, pick(['alipay', 'credit']), pick(['Hema', 'Yonghui', 'Walmart']), 'food', between(60, 420));
    if (random() < 0.25) expense(date, 20, pick(['credit', 'alipay']), pick(restaurants), 'dining', between(45, 380));
    if (weekday === 6 && random() < 0.6) expense(date, 10, 'cash', 'Wet market', 'food', between(20, 90));
  }
  return rows;
}
