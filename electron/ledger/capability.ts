/**
 * `ledger/*`: commands go through the open wallet's `Ledger` (validate → durable append → fold),
 * queries read its projection. After a command that wrote something, views hear `ledger/changed`.
 */
import type { Handlers } from '../router/router';
import type { Capability, EngineDeps } from '../capability';
import type { OpenWallet, WalletService } from '../wallet/wallet-service';
import type { TransactionView as WireTransaction } from '../../shared/ledger-views';
import { Ledger } from './ledger';
import { asLedgerProjection, type LedgerProjection } from './projection';
import * as queries from './queries';
import * as reports from './reports';
import { searchTransactions, searchTransactionsAfter } from './search';
import { billTotals } from './bill';
import { payeeSuggestions } from './payees';
import type { CategoryNode, TransactionView } from './views';

type CommandMethod = Extract<keyof Handlers, `ledger/${string}`>;

/** Contract method → the engine's command `type`. */
const COMMANDS = {
  'ledger/openAccount': 'openAccount',
  'ledger/updateAccount': 'updateAccount',
  'ledger/reorderAccounts': 'reorderAccounts',
  'ledger/freezeAccount': 'freezeAccount',
  'ledger/closeAccount': 'closeAccount',
  'ledger/recordTransaction': 'recordTransaction',
  'ledger/recordTransfer': 'recordTransfer',
  'ledger/amendTransaction': 'amendTransaction',
  'ledger/voidTransaction': 'voidTransaction',
  'ledger/restoreTransaction': 'restoreTransaction',
  'ledger/setTransactionStatus': 'setTransactionStatus',
  'ledger/defineCategory': 'defineCategory',
  'ledger/addStarterCategories': 'addStarterCategories',
  'ledger/mergeCategory': 'mergeCategory',
  'ledger/deleteCategory': 'deleteCategory',
  'ledger/setBudget': 'setBudget',
  'ledger/setExchangeRate': 'setExchangeRate',
  'ledger/reconcile': 'reconcile',
  'ledger/adjustBalance': 'adjustBalance',
} as const satisfies Partial<Record<CommandMethod, string>>;

export const toWire = (row: TransactionView & { runningBalanceMinor?: number }): WireTransaction => ({
  ...row,
  runningBalanceMinor: row.runningBalanceMinor ?? null,
});

function flattenCategories(nodes: readonly CategoryNode[]): { id: string; name: string; kind: 'expense' | 'income'; parentId: string | null }[] {
  return nodes.flatMap(({ children, ...node }) => [node, ...flattenCategories(children)]);
}

export function init(deps: EngineDeps, wallets: WalletService): Capability {
  let bound: { open: OpenWallet; ledger: Ledger } | null = null;

  /** The Ledger of the wallet open now; a new one whenever a different session is open. */
  function ledger(): Ledger {
    const open = wallets.requireOpen();
    if (bound?.open !== open) bound = { open, ledger: new Ledger({ sink: open.vault, projection: asLedgerProjection(open.projection) }) };
    return bound.ledger;
  }
  const projection = (): LedgerProjection => ledger().projection;

  /** A queued job (wallet-service.ts): never interleaves with a running verify, backup or lock. */
  function execute(type: string, input: object) {
    return wallets.withOpen(() => executeNow(type, input));
  }

  function executeNow(type: string, input: object) {
    const open = wallets.requireOpen();
    const before = open.vault.head().seq;
    const result = ledger().execute({ ...input, type });
    const after = open.vault.head().seq;
    if (after !== before) {
      wallets.noteAppended();
      deps.bus.emit('ledger/changed', { seq: after });
      if (type === 'freezeAccount') wallets.recordSecurityEvent('account_frozen', { accountId: result.id });
    }
    return { requestId: result.requestId, ids: [result.id], replayed: after === before };
  }

  const commandHandlers = Object.fromEntries(
    Object.entries(COMMANDS).map(([method, type]) => [method, (input: object) => execute(type, input)]),
  ) as Partial<Handlers>;

  const handlers: Partial<Handlers> = {
    ...commandHandlers,
    'ledger/accounts': () => {
      const p = projection();
      const totals = queries.totalsByCurrency(p);
      return {
        accounts: queries.listAccounts(p, { includeClosed: true }),
        totals: Object.entries(totals).map(([currency, balanceMinor]) => ({ currency, balanceMinor })),
      };
    },
    'ledger/transactions': (query) => {
      const page = searchTransactions(projection(), query);
      return { total: page.total, rows: page.rows.map(toWire), next: page.next };
    },
    'ledger/transactionsAfter': ({ after, ...query }) => {
      const page = searchTransactionsAfter(projection(), query, after);
      return { rows: page.rows.map(toWire), next: page.next };
    },
    'ledger/billTotals': (query) => billTotals(projection(), query),
    'ledger/budgets': ({ month }) => reports.budgetOverview(projection(), month),
    'ledger/reports': ({ from, to, currency, rates }) => {
      const range = { fromMonth: from, toMonth: to };
      return {
        spendingByCategory: reports.spendingByCategory(projection(), range),
        incomeVsExpense: reports.incomeVsExpenseByMonth(projection(), range),
        netWorth: reports.netWorthOverTime(projection(), { ...range, currency, rates: queries.ratesInto(projection(), currency, rates) }),
      };
    },
    'ledger/register': ({ accountId, offset, limit }) => {
      const page = queries.register(projection(), accountId, { offset, limit });
      return { total: page.total, rows: page.rows.map(toWire) };
    },
    'ledger/recentlyDeleted': ({ offset, limit }) => {
      const page = queries.recentlyDeleted(projection(), { offset, limit });
      return { total: page.total, rows: page.rows.map(toWire) };
    },
    'ledger/history': ({ transactionId }) => ({
      transaction: toWire(queries.getTransaction(projection(), transactionId)),
      entries: queries.transactionHistory(projection(), transactionId),
    }),
    'ledger/payees': (query) => ({ payees: payeeSuggestions(projection(), query) }),
    'ledger/categories': () => ({ categories: flattenCategories(queries.listCategories(projection())) }),
    'ledger/netWorth': ({ currency, rates }) => queries.netWorth(projection(), currency, queries.ratesInto(projection(), currency, rates)),
    'ledger/exchangeRates': () => ({ rates: queries.exchangeRates(projection()) }),
    'ledger/reconcilePreview': ({ accountId, statementDate, statementBalance, clearedTransactionIds }) =>
      queries.reconciliationPreview(projection(), accountId, statementDate, statementBalance, clearedTransactionIds),
    'ledger/reconcileCandidates': ({ accountId, statementDate }) => {
      const rows = queries.unreconciledTransactions(projection(), accountId, statementDate);
      return { total: rows.length, rows: rows.map(toWire) };
    },
  };
  return { handlers };
}
