/**
 * How ledger commands name things on the command line and how they print them: accounts and
 * categories by name (case-insensitive), transactions by id or a unique id prefix; every amount
 * as an exact decimal string in its currency, never a float.
 */
import { DomainError } from '../../../shared/errors';
import { toDecimalString } from '../../../shared/money';
import { plainAmount } from '../../../shared/format';
import { t } from '../messages';
import { ACCOUNT_KINDS, type AccountKind, type AccountView, queries, type LedgerProjection, type TransactionView } from '../../ledger';

/** What people call their accounts, mapped to the ledger's kinds. */
const KIND_ALIASES: Readonly<Record<string, AccountKind>> = {
  card: 'bank',
  debit: 'bank',
  'bank-card': 'bank',
  'e-wallet': 'ewallet',
  wallet: 'ewallet',
  alipay: 'ewallet',
  wechat: 'ewallet',
  weixin: 'ewallet',
  'credit-card': 'credit',
  creditcard: 'credit',
  saving: 'savings',
};

export function accountKind(text: string): AccountKind {
  const word = text.trim().toLowerCase();
  const kind = (ACCOUNT_KINDS as readonly string[]).includes(word) ? (word as AccountKind) : KIND_ALIASES[word];
  if (!kind) throw new DomainError('invalid_input', 'cli.ledger.type_unknown', { type: text, types: ACCOUNT_KINDS.join(', ') });
  return kind;
}

/** An open account by name; the CLI's only way to refer to one. */
export function accountId(p: LedgerProjection, name: string): string {
  const account = p.openAccountByName(name.trim());
  if (!account) throw new DomainError('not_found', 'cli.ledger.account_unknown', { name });
  return account.id;
}


/** A category of the given kind by name, or `Parent/Child` when the name alone is ambiguous. */
export function categoryId(p: LedgerProjection, name: string, kind: 'expense' | 'income'): string {
  const wanted = name.trim().toLowerCase();
  const matches = queries
    .listCategories(p)
    .filter((root) => root.kind === kind)
    .flatMap((root) => [{ path: root.name, node: root }, ...root.children.map((child) => ({ path: `${root.name}/${child.name}`, node: child }))])
    .filter(({ path, node }) => path.toLowerCase() === wanted || node.name.toLowerCase() === wanted);
  const exact = matches.filter(({ path }) => path.toLowerCase() === wanted);
  const chosen = exact.length === 1 ? exact : matches;
  if (chosen.length === 0) throw new DomainError('not_found', 'cli.ledger.category_unknown', { name, kind });
  if (chosen.length > 1) throw new DomainError('invalid_input', 'cli.ledger.category_ambiguous', { name, paths: chosen.map((m) => m.path).join(', ') });
  return chosen[0]!.node.id;
}

/** Shortest id prefix the CLI accepts: long enough that a typo rarely hits another transaction. */
const MIN_PREFIX = 6;

/** A transaction by full id or unique prefix (as `tx list` prints it). */
export function transactionId(p: LedgerProjection, text: string): string {
  const id = text.trim();
  if (p.transaction(id)) return id;
  if (id.length >= MIN_PREFIX && /^[A-Za-z0-9_-]+$/.test(id)) {
    const rows = p.sql.all<{ id: string }>("SELECT id FROM transactions WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2", id.replace(/_/g, '\\_'));
    if (rows.length === 1) return rows[0]!.id;
    if (rows.length > 1) throw new DomainError('invalid_input', 'cli.ledger.transaction_ambiguous', { id });
  }
  throw new DomainError('not_found', 'cli.ledger.transaction_unknown', { id });
}

export function accountJson(a: AccountView) {
  return {
    id: a.id,
    name: a.name,
    type: a.kind,
    currency: a.currency,
    balance: toDecimalString(a.balanceMinor, a.currency),
    available: toDecimalString(a.availableMinor, a.currency),
    opening: toDecimalString(a.openingBalanceMinor, a.currency),
    creditLimit: toDecimalString(a.creditLimitMinor, a.currency),
    openedOn: a.openedOn,
    frozen: a.frozen,
    note: a.note,
    ...(a.frozen ? { frozenReason: a.frozenReason } : {}),
  };
}

export function transactionJson(tx: TransactionView) {
  return {
    id: tx.id,
    date: tx.date,
    account: tx.accountName,
    kind: tx.kind,
    amount: toDecimalString(tx.amountMinor, tx.currency),
    currency: tx.currency,
    payee: tx.payee,
    category: tx.categoryName === null ? null : tx.parentCategoryName ? `${tx.parentCategoryName}/${tx.categoryName}` : tx.categoryName,
    note: tx.note,
    status: tx.status,
    voided: tx.voided,
    ...(tx.transferId ? { transferId: tx.transferId, counterAccount: tx.counterAccountName } : {}),
  };
}

/** One line of `tx list`: short id, date, account, signed amount, payee/category/counter account. */
export function transactionLine(tx: TransactionView): string {
  const amount = plainAmount(tx.amountMinor, tx.currency);
  const what = [tx.transferId ? `${tx.amountMinor < 0 ? '→' : '←'} ${tx.counterAccountName ?? ''}` : tx.payee, tx.categoryName ?? '', tx.note]
    .filter(Boolean)
    .join(' · ');
  return `${tx.id.slice(0, 8)}  ${tx.date}  ${tx.accountName.padEnd(14)} ${amount.padStart(16)}  ${what}${tx.voided ? `  (${t('cli.ledger.deleted')})` : ''}`;
}
