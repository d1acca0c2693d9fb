/**
 * A small ledger written through the contract (a running host's WebSocket): accounts with long names
 * and eight-digit balances opened 40 days ago, expense and income categories, this month's spending
 * and a budget — what the layout and dialog audits draw.
 */
import type { WsClient } from '../../crash/ws-client';

/** A day relative to today (local calendar), YYYY-MM-DD. */
export function today(offsetDays = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays)).toISOString().slice(0, 10);
}

/** Accounts with long names and eight-digit balances, categories, and this month's spending. */
export async function seedLedger(client: WsClient): Promise<{ food: string }> {
  let n = 0;
  const id = () => `layout-${++n}`;
  const open = async (name: string, kind: string, currency: string, openingBalance: string) =>
    (await client.ok('ledger/openAccount', { requestId: id(), name, kind, currency, openingBalance, openedOn: today(-40) })).ids[0] as string;
  const bank = await open('招商银行储蓄卡 Salary account 6214', 'bank', 'CNY', '26372872.87');
  await open('US Dollar brokerage cash', 'bank', 'USD', '1234567.89');
  await open('Alipay 余额宝', 'ewallet', 'CNY', '98765432.10');
  await open('Credit card 信用卡', 'credit', 'CNY', '0');
  const food = (await client.ok('ledger/defineCategory', { requestId: id(), name: 'Food & dining 餐饮美食', kind: 'expense' })).ids[0] as string;
  const travel = (await client.ok('ledger/defineCategory', { requestId: id(), name: 'Travel 旅行', kind: 'expense' })).ids[0] as string;
  const salary = (await client.ok('ledger/defineCategory', { requestId: id(), name: 'Salary 工资', kind: 'income' })).ids[0] as string;
  const record = (kind: string, amount: string, categoryId: string, payee: string, date = today()) =>
    client.ok('ledger/recordTransaction', { requestId: id(), kind, accountId: bank, amount, currency: 'CNY', date, payee, categoryId });
  await record('expense', '1234567.89', food, 'A very long payee name for a banquet 宴会厅');
  await record('expense', '88.50', food, '星巴克');
  await record('expense', '45210.00', travel, 'Airline 航空公司');
  await record('income', '9876543.21', salary, 'Employer 公司');
  await client.ok('ledger/setBudget', { requestId: id(), categoryId: food, month: today().slice(0, 7), amount: '2000000', currency: 'CNY' });
  return { food };
}
