/**
 * A deterministic, realistic stream of ledger commands: eight accounts in four currencies (CNY,
 * USD, JPY with no minor unit, KWD with three), nested categories, budgets, mostly small expenses
 * paid by Alipay/WeChat/card, salaries, top-up and cross-currency transfers, amends, voids,
 * restores and status changes. Every command goes through the real `Ledger` (validation, rules,
 * events), so the journal holds exactly what the app would write.
 */
import { isDomainError } from '../shared/errors';
import { toDecimalString } from '../shared/money';
import type { CommandResult, LedgerProjection } from '../electron/ledger';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same wallet shape. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface AccountSpec {
  key: string;
  name: string;
  kind: 'bank' | 'cash' | 'ewallet' | 'credit' | 'savings';
  currency: string;
  opening: string;
  creditLimit?: string;
  /** Share of expenses paid from this account. */
  spend: number;
  /** Typical expense in major units. */
  typical: number;
}

const ACCOUNTS: readonly AccountSpec[] = [
  { key: 'bank', name: '招商银行 储蓄卡', kind: 'bank', currency: 'CNY', opening: '200000.00', spend: 0.06, typical: 300 },
  { key: 'alipay', name: '支付宝 Alipay', kind: 'ewallet', currency: 'CNY', opening: '20000.00', spend: 0.3, typical: 60 },
  { key: 'wechat', name: '微信钱包 WeChat', kind: 'ewallet', currency: 'CNY', opening: '8000.00', spend: 0.24, typical: 35 },
  { key: 'card', name: 'Credit Card 信用卡', kind: 'credit', currency: 'CNY', opening: '0.00', creditLimit: '50000.00', spend: 0.2, typical: 180 },
  { key: 'cash', name: '现金 Cash', kind: 'cash', currency: 'CNY', opening: '3000.00', spend: 0.1, typical: 25 },
  { key: 'usd', name: 'USD Checking', kind: 'bank', currency: 'USD', opening: '12000.00', spend: 0.05, typical: 40 },
  { key: 'jpy', name: '日本 現金 JPY', kind: 'cash', currency: 'JPY', opening: '300000', spend: 0.03, typical: 2500 },
  { key: 'kwd', name: 'KWD Savings', kind: 'savings', currency: 'KWD', opening: '1500.000', spend: 0.02, typical: 12 },
];

/** Rough CNY per unit, only to size cross-currency transfers (the user types both amounts). */
const CNY_PER_UNIT: Record<string, number> = { CNY: 1, USD: 7.1, JPY: 0.048, KWD: 23.1 };
const EXPONENT: Record<string, number> = { CNY: 2, USD: 2, JPY: 0, KWD: 3 };

const EXPENSE_TREE: readonly [string, readonly string[]][] = [
  ['餐饮 Food', ['咖啡 Coffee', '外卖 Takeout', 'Groceries 买菜']],
  ['交通 Transport', ['Taxi 打车', '地铁 Metro']],
  ['Shopping 购物', ['Electronics', '服装 Clothes']],
  ['Housing 住房', ['Rent 房租', 'Utilities 水电']],
  ['Entertainment 娱乐', []],
  ['Health 医疗', []],
];
const INCOME_CATEGORIES = ['Salary 工资', 'Bonus 奖金', 'Interest 利息', 'Refund 退款'];

export const PAYEES = [
  'Starbucks', '星巴克', '美团外卖', '饿了么', '滴滴出行', '盒马鲜生', '淘宝', '京东 JD.com', 'Amazon', 'Uber',
  '全家 FamilyMart', '7-Eleven', '麦当劳', '瑞幸咖啡 Luckin', '地铁 Metro', '中国移动', '国家电网', 'Apple', '优衣库 Uniqlo', '万达影城',
];
const NOTES = ['', '', '', '', '', '', '', '', '午饭 with team', '报销 reimbursable', 'needle 针', '生日礼物 gift', 'weekly groceries'];
const TAGS: readonly (readonly string[])[] = [[], [], [], [], [], [], [], [], ['报销'], ['travel', '旅行'], ['家庭 family']];

const START_DAY = Date.UTC(2019, 0, 1) / 86_400_000;
const END_DAY = Date.UTC(2024, 11, 31) / 86_400_000;

function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Produces the next command from the current state; told each result so later commands can refer to it. */
export class WalletScript {
  private readonly random: () => number;
  private readonly accountIds = new Map<string, string>();
  private readonly expenseCategories: string[] = [];
  private readonly incomeCategories: string[] = [];
  private readonly recent: string[] = [];
  private readonly voided: string[] = [];
  private readonly pending: string[] = [];
  private readonly setup: (() => unknown)[] = [];
  private step = 0;
  rejected = 0;

  constructor(
    private readonly state: LedgerProjection,
    private readonly total: number,
    seed = 42,
  ) {
    this.random = rng(seed);
    for (const spec of ACCOUNTS) {
      this.setup.push(() => ({
        type: 'openAccount', requestId: `open-${spec.key}`, name: spec.name, kind: spec.kind, currency: spec.currency,
        openingBalance: spec.opening, openedOn: '2019-01-01', ...(spec.creditLimit ? { creditLimit: spec.creditLimit } : {}),
      }));
    }
    EXPENSE_TREE.forEach(([parent, children], index) => {
      this.setup.push(() => ({ type: 'defineCategory', requestId: `cat-${index}`, name: parent, kind: 'expense' }));
      children.forEach((child, childIndex) => {
        this.setup.push(() => ({
          type: 'defineCategory', requestId: `cat-${index}-${childIndex}`, name: child, kind: 'expense', parentId: this.categoryIdByName(parent),
        }));
      });
    });
    INCOME_CATEGORIES.forEach((name, index) => this.setup.push(() => ({ type: 'defineCategory', requestId: `inc-${index}`, name, kind: 'income' })));
    EXPENSE_TREE.forEach(([parent], index) => {
      this.setup.push(() => ({ type: 'setBudget', requestId: `budget-${index}`, categoryId: this.categoryIdByName(parent), month: '2019-01', amount: '3000.00', currency: 'CNY' }));
    });
  }

  /** The booking date for the command being generated: time moves forward, with some late entries. */
  today(): string {
    const day = START_DAY + Math.floor((this.step / Math.max(1, this.total)) * (END_DAY - START_DAY));
    return dayText(this.random() < 0.05 ? Math.max(START_DAY, day - Math.floor(this.random() * 10)) : day);
  }

  /** A simulated wall clock matching the booking dates (for the events' `at`). */
  now(): Date {
    return new Date((START_DAY + (this.step / Math.max(1, this.total)) * (END_DAY - START_DAY)) * 86_400_000 + 12 * 3_600_000);
  }

  next(): unknown {
    this.step += 1;
    const setup = this.setup.shift();
    if (setup) return setup();
    const roll = this.random();
    if (roll < 0.775) return this.expense();
    if (roll < 0.855) return this.income();
    if (roll < 0.935) return this.transfer();
    if (roll < 0.965) return this.amend();
    if (roll < 0.985) return this.voidOne();
    if (roll < 0.99) return this.restoreOne();
    return this.clearOne();
  }

  /** Records what a command created so later commands can amend, void or clear it. */
  accept(command: unknown, result: CommandResult): void {
    const { type, status } = command as { type: string; status?: string };
    if (type === 'openAccount') this.accountIds.set((command as { requestId: string }).requestId.replace(/^open-/, ''), result.id);
    if (type === 'defineCategory') {
      const kind = (command as { kind: string }).kind;
      (kind === 'expense' ? this.expenseCategories : this.incomeCategories).push(result.id);
    }
    if (type === 'recordTransaction') {
      this.recent.push(result.id);
      if (this.recent.length > 4000) this.recent.splice(0, 2000);
      if (status === 'pending') this.pending.push(result.id);
    }
    if (type === 'voidTransaction') this.voided.push((command as { transactionId: string }).transactionId);
  }

  /** A command the rules refused (e.g. insufficient funds after an amend): counted, nothing written. */
  refused(error: unknown): void {
    if (!isDomainError(error) || (error.code !== 'rejected' && error.code !== 'not_found' && error.code !== 'invalid_input')) throw error;
    this.rejected += 1;
  }

  private categoryIdByName(name: string): string {
    const row = this.state.sql.get<{ id: string }>('SELECT id FROM categories WHERE name = ?', name);
    if (!row) throw new Error(`bench workload: category ${name} missing`);
    return row.id;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private account(key: string): string {
    const id = this.accountIds.get(key);
    if (!id) throw new Error(`bench workload: account ${key} missing`);
    return id;
  }

  /** A positive amount around `typical` major units, as exact decimal text in `currency`. */
  private amount(currency: string, typical: number): { text: string; minor: number } {
    const scale = 10 ** (EXPONENT[currency] ?? 2);
    const factor = Math.exp((this.random() - 0.5) * 2.2);
    const minor = Math.max(1, Math.round(typical * factor * scale * (this.random() < 0.08 ? 8 : 1)));
    return { text: toDecimalString(minor, currency), minor };
  }

  private spendingAccount(): AccountSpec {
    let roll = this.random();
    for (const spec of ACCOUNTS) {
      roll -= spec.spend;
      if (roll <= 0) return spec;
    }
    return ACCOUNTS[1]!;
  }

  private available(key: string): number {
    const account = this.state.account(this.account(key));
    return account ? this.state.balance(account.id) + account.creditLimitMinor : 0;
  }

  private details(): { payee: string; note?: string; tags?: readonly string[] } {
    const note = this.pick(NOTES);
    const tags = this.pick(TAGS);
    return { payee: this.pick(PAYEES), ...(note ? { note } : {}), ...(tags.length ? { tags } : {}) };
  }

  private expense(): unknown {
    const spec = this.spendingAccount();
    const { text, minor } = this.amount(spec.currency, spec.typical);
    // Not enough money there: the user tops the account up first (which is itself a realistic event).
    if (this.available(spec.key) < minor) return this.topUp(spec, minor);
    const pending = this.random() < 0.05;
    return {
      type: 'recordTransaction', requestId: `r${this.step}`, kind: 'expense', accountId: this.account(spec.key), amount: text,
      currency: spec.currency, date: this.today(), categoryId: this.random() < 0.9 ? this.pick(this.expenseCategories) : null,
      ...this.details(), ...(pending ? { status: 'pending' } : {}),
    };
  }

  private income(): unknown {
    const salary = this.random() < 0.6;
    const spec = salary ? ACCOUNTS[0]! : this.pick(ACCOUNTS.filter((account) => account.kind !== 'credit'));
    const { text } = this.amount(spec.currency, salary ? 22_000 : spec.typical * 20);
    return {
      type: 'recordTransaction', requestId: `r${this.step}`, kind: 'income', accountId: this.account(spec.key), amount: text,
      currency: spec.currency, date: this.today(), categoryId: salary ? this.incomeCategories[0] : this.pick(this.incomeCategories),
      payee: salary ? 'ACME 公司 Payroll' : this.pick(PAYEES),
    };
  }

  /** Bank → account, with the arriving amount given when the currencies differ. */
  private topUp(target: AccountSpec, neededMinor: number): unknown {
    const bank = ACCOUNTS[0]!;
    if (target.key === bank.key) {
      return { type: 'recordTransaction', requestId: `r${this.step}`, kind: 'income', accountId: this.account('bank'), amount: '30000.00', currency: 'CNY', date: this.today(), payee: 'ACME 公司 Payroll', categoryId: this.incomeCategories[0] };
    }
    const scale = 10 ** (EXPONENT[target.currency] ?? 2);
    const toMinor = Math.max(neededMinor, Math.round(target.typical * 40 * scale));
    const fromMinor = Math.max(1, Math.round(((toMinor / scale) * (CNY_PER_UNIT[target.currency] ?? 1)) * 100));
    if (this.available('bank') < fromMinor) return this.topUp(bank, fromMinor);
    const cross = target.currency !== 'CNY';
    return {
      type: 'recordTransfer', requestId: `r${this.step}`, fromAccountId: this.account('bank'), toAccountId: this.account(target.key),
      amount: toDecimalString(fromMinor, 'CNY'), currency: 'CNY', date: this.today(), payee: cross ? '换汇 FX' : '充值 Top-up',
      ...(cross ? { toAmount: toDecimalString(toMinor, target.currency), toCurrency: target.currency } : {}),
    };
  }

  private transfer(): unknown {
    const target = this.pick(ACCOUNTS.slice(1));
    if (target.key === 'card') {
      // Paying off the card: whatever it owes, from the bank.
      const owed = -this.state.balance(this.account('card'));
      if (owed > 0 && this.available('bank') >= owed) {
        return { type: 'recordTransfer', requestId: `r${this.step}`, fromAccountId: this.account('bank'), toAccountId: this.account('card'), amount: toDecimalString(owed, 'CNY'), currency: 'CNY', date: this.today(), payee: '信用卡还款 Card repayment' };
      }
    }
    return this.topUp(target, 0);
  }

  private amend(): unknown {
    const transactionId = this.pick(this.recent);
    const roll = this.random();
    const change = roll < 0.5 ? { note: `amended ${this.step}` } : roll < 0.8 ? { payee: this.pick(PAYEES) } : { categoryId: this.pick(this.expenseCategories) };
    return { type: 'amendTransaction', requestId: `r${this.step}`, transactionId, ...change };
  }

  private voidOne(): unknown {
    return { type: 'voidTransaction', requestId: `r${this.step}`, transactionId: this.pick(this.recent), reason: 'duplicate' };
  }

  private restoreOne(): unknown {
    const transactionId = this.voided.pop();
    return transactionId ? { type: 'restoreTransaction', requestId: `r${this.step}`, transactionId } : this.expense();
  }

  private clearOne(): unknown {
    const transactionId = this.pending.pop();
    return transactionId ? { type: 'setTransactionStatus', requestId: `r${this.step}`, transactionId, status: 'cleared' } : this.expense();
  }
}

let everydayCount = 0;

/** Everyday CNY expenses against an existing wallet (for append latency): the commands users send most. */
export function everydayExpenses(p: LedgerProjection, seed = 7): () => unknown {
  const random = rng(seed);
  const accounts = p.sql
    .all<{ id: string }>("SELECT id FROM accounts WHERE currency = 'CNY' AND kind <> 'credit' AND closed = 0 AND frozen = 0 ORDER BY n")
    .map(({ id }) => ({ id, left: p.balance(id) }));
  const categories = p.sql.all<{ id: string }>("SELECT id FROM categories WHERE kind = 'expense' ORDER BY n");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return () => {
    everydayCount += 1;
    const minor = 100 + Math.floor(random() * 8_000);
    // Spend from accounts that can afford it (tracked here, so generating a command costs no query).
    const account = pick(accounts.filter((candidate) => candidate.left >= minor));
    if (!account) throw new Error('bench: no CNY account can pay for another expense');
    account.left -= minor;
    return {
      type: 'recordTransaction', requestId: `everyday-${everydayCount}`, kind: 'expense', accountId: account.id,
      amount: toDecimalString(minor, 'CNY'), currency: 'CNY', date: '2024-12-31',
      payee: pick(PAYEES), categoryId: categories.length ? pick(categories).id : null, ...(random() < 0.2 ? { note: pick(NOTES) } : {}),
    };
  };
}
