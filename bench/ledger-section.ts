/**
 * Section 2 — ledger reads over ~100k transactions: balances, lists, filters, text search and the
 * register through electron/ledger's queries, side by side with hledger on the same data exported
 * as a journal; hledger's balances and row counts must equal ours.
 */
import { join } from 'node:path';
import { billTotals, queries, searchTransactions, type AccountView, type LedgerProjection, type TransactionSearch } from '../electron/ledger';
import { exponentOf, toDecimalString } from '../shared/money';
import { amountsToMinor, findHledger, findTool, hledgerVersion, ledgerBalances, parseCsv, runHledger } from './hledger';
import { writeJournal } from './journal';
import { count, median, ms, sample, timed } from './stats';
import { printTable, type Cell } from './table';

const { listAccounts, register, totalsByCurrency } = queries;
const OURS_RUNS = 15;
const FROM = '2022-03-01';
const TO = '2023-06-30';

export interface LedgerOptions {
  projection: LedgerProjection;
  dir: string;
  hledgerRuns: number;
}

interface Comparison {
  name: string;
  oursMs: number;
  oursResult: string;
  hledgerArgs?: string[];
  hledgerRuns?: number;
  /** Reads hledger's output and says whether it agrees with ours. */
  check?: (stdout: string) => { result: string; ok: boolean };
}

function timeOurs<T>(fn: () => T): { ms: number; value: T } {
  const run = sample(OURS_RUNS, fn);
  return { ms: median(run.samples), value: run.value };
}

function search(p: LedgerProjection, query: TransactionSearch) {
  return timeOurs(() => searchTransactions(p, { limit: 100, ...query }));
}

function dataLines(stdout: string): number {
  return stdout.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2}/.test(line)).length;
}

export function runLedgerSection(options: LedgerOptions) {
  const p = options.projection;
  const accounts = listAccounts(p, { includeClosed: true });
  const lines = searchTransactions(p, { includeVoided: true, limit: 1 }).total;
  const live = searchTransactions(p, { limit: 1 }).total;
  // The busiest account, for the register and the filter.
  const busiest = accounts
    .map((account) => ({ account, lines: searchTransactions(p, { accountIds: [account.id], limit: 1 }).total }))
    .sort((a, b) => b.lines - a.lines)[0]!.account;

  const journalPath = join(options.dir, 'bench.journal');
  const exported = timed(() => writeJournal(p, journalPath));
  const hledgerName = exported.value.accounts.get(busiest.id)!;
  const accountRegex = `^${hledgerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  // hledger's amt:>50 compares magnitudes strictly; ours is inclusive, so our bound is one minor unit above.
  const overMinor = 50 * 10 ** exponentOf(busiest.currency);
  const over = toDecimalString(overMinor, busiest.currency);

  const balances = timeOurs(() => ({ accounts: listAccounts(p, { includeClosed: true }), totals: totalsByCurrency(p) }));
  const firstPage = timeOurs(() => register(p, busiest.id, { limit: 100 }));
  const deepPage = timeOurs(() => register(p, busiest.id, { offset: Math.floor(firstPage.value.total / 2), limit: 100 }));
  const newest = search(p, {});
  const byAmount = search(p, { sort: 'amount', direction: 'desc' });
  const text = search(p, { text: 'starbucks' });
  const chinese = search(p, { text: '外卖' });
  const filtered = search(p, { accountIds: [busiest.id], from: FROM, to: TO, minAmount: toDecimalString(overMinor + 1, busiest.currency) });
  // The transactions view asks for these with every list query (its month headers and filter sum).
  const bill = timeOurs(() => billTotals(p, {}));

  const comparisons: Comparison[] = [
    {
      name: `balances: ${accounts.length} accounts + totals per currency`,
      oursMs: balances.ms,
      oursResult: `${Object.keys(balances.value.totals).length} currencies`,
      hledgerArgs: ['bal', '^assets', '^liabilities', '-E', '--flat', '-O', 'csv'],
      hledgerRuns: options.hledgerRuns,
      check: (stdout) => checkBalances(stdout, balances.value, exported.value.accounts),
    },
    {
      name: `register ${busiest.name}: first 100 lines / all (hledger)`,
      oursMs: firstPage.ms,
      oursResult: `${count(firstPage.value.total)} lines`,
      hledgerArgs: ['reg', accountRegex, '-O', 'csv'],
      check: (stdout) => {
        const rows = parseCsv(stdout).slice(1);
        const opening = busiest.openingBalanceMinor !== 0 ? 1 : 0;
        const final = amountsToMinor(rows[rows.length - 1]?.[6] ?? '0')[busiest.currency] ?? 0;
        const ok = rows.length === firstPage.value.total + opening && final === firstPage.value.rows[0]?.runningBalanceMinor;
        return { result: `${count(rows.length - opening)} lines`, ok };
      },
    },
    { name: 'register: page in the middle (offset ½)', oursMs: deepPage.ms, oursResult: `${deepPage.value.rows.length} lines` },
    { name: 'list: newest 100 of all transactions', oursMs: newest.ms, oursResult: `${count(newest.value.total)} total` },
    { name: 'list: sorted by amount, first 100', oursMs: byAmount.ms, oursResult: `${count(byAmount.value.total)} total` },
    {
      name: "search text 'starbucks': first 100 / all (hledger print)",
      oursMs: text.ms,
      oursResult: `${count(text.value.total)} matches`,
      hledgerArgs: ['print', 'desc:starbucks'],
      check: (stdout) => ({ result: `${count(dataLines(stdout))} matches`, ok: dataLines(stdout) === text.value.total }),
    },
    { name: 'bill: spent / income per month and currency, all transactions', oursMs: bill.ms, oursResult: `${count(bill.value.months.length)} months` },
    { name: "search text '外卖' (payee, category)", oursMs: chinese.ms, oursResult: `${count(chinese.value.total)} matches` },
    {
      name: `filter: account + ${FROM}…${TO} + |amount| > ${over}`,
      oursMs: filtered.ms,
      oursResult: `${count(filtered.value.total)} matches`,
      hledgerArgs: ['reg', accountRegex, '-b', FROM, '-e', nextDay(TO), `amt:>${over}`, '-O', 'csv'],
      check: (stdout) => {
        const rows = parseCsv(stdout).length - 1;
        return { result: `${count(rows)} matches`, ok: rows === filtered.value.total };
      },
    },
  ];

  const hledger = findHledger();
  const rows: Cell[][] = [];
  const json: Record<string, unknown>[] = [];
  let allOk = true;
  let parseMs = Number.NaN;
  if (hledger) parseMs = runHledger(hledger, journalPath, ['stats']).ms;
  for (const item of comparisons) {
    let hledgerMs = Number.NaN;
    let verdict = '';
    let theirs = '';
    if (hledger && item.hledgerArgs) {
      const runs = Array.from({ length: item.hledgerRuns ?? Math.min(2, options.hledgerRuns) }, () => runHledger(hledger, journalPath, item.hledgerArgs!));
      hledgerMs = median(runs.map((run) => run.ms));
      const checked = item.check?.(runs[0]!.stdout);
      if (checked) {
        theirs = checked.result;
        verdict = checked.ok ? 'OK' : 'MISMATCH';
        allOk &&= checked.ok;
      }
    } else if (item.hledgerArgs) verdict = 'no hledger';
    rows.push([item.name, ms(item.oursMs), item.oursResult, item.hledgerArgs ? ms(hledgerMs) : '—', theirs, verdict]);
    json.push({ name: item.name, oursMs: round(item.oursMs), hledgerMs: round(hledgerMs), check: verdict || null });
  }
  rows.push(['hledger parse only (hledger stats)', '—', '', ms(parseMs), '', '']);
  // ledger-cli (C++) on the same journal: the balances report, checked account by account.
  const ledgerBin = findTool('ledger');
  let ledgerMs = Number.NaN;
  let ledgerOk: boolean | null = null;
  if (ledgerBin) {
    const runs = Array.from({ length: options.hledgerRuns }, () => runHledger(ledgerBin, journalPath, ['bal', '^assets', '^liabilities', '--flat', '-E']));
    ledgerMs = median(runs.map((run) => run.ms));
    const theirs = ledgerBalances(runs[0]!.stdout);
    ledgerOk = balances.value.accounts.every((account) => (theirs.get(exported.value.accounts.get(account.id) ?? '')?.[account.currency] ?? 0) === account.balanceMinor);
    allOk &&= ledgerOk;
    rows.push([`balances: ledger-cli bal (same journal)`, ms(balances.ms), `${balances.value.accounts.length} accounts`, ms(ledgerMs), `${theirs.size} accounts`, ledgerOk ? 'OK' : 'MISMATCH']);
  }
  json.push({ name: 'balances: ledger-cli bal', oursMs: round(balances.ms), ledgerMs: round(ledgerMs), check: ledgerOk === null ? null : ledgerOk ? 'OK' : 'MISMATCH' });

  printTable(
    `2. Ledger reads — ${count(lines)} transaction lines (${count(live)} live) in ${accounts.length} accounts, ${count(exported.value.transactions)} journal transactions`,
    ['operation', 'OneWallet', 'result', 'hledger / ledger', 'their result', 'same?'],
    rows,
    [
      `OneWallet: median of ${OURS_RUNS} runs on the loaded projection (in-memory SQLite). hledger: median of ${options.hledgerRuns} runs for bal, ${Math.min(2, options.hledgerRuns)} for the others, each a full process that parses the journal first.`,
      `Journal export: ${ms(exported.ms)}, ${(exported.value.bytes / 1e6).toFixed(1)} MB → ${journalPath}`,
      hledger ? `hledger: ${hledgerVersion(hledger)} (${hledger})` : 'hledger not found: install with apt-get install hledger to compare',
      ledgerBin ? `ledger: ${hledgerVersion(ledgerBin)} (${ledgerBin}), median of ${options.hledgerRuns} runs` : 'ledger not found: install with apt-get install ledger to compare',
      hledger || ledgerBin ? `Balances and counts agree with hledger and ledger: ${allOk ? 'OK' : 'MISMATCH'}` : '',
    ].filter(Boolean),
  );
  return {
    lines, live, journalTransactions: exported.value.transactions, hledger: hledger ? hledgerVersion(hledger) : null, ledger: ledgerBin ? hledgerVersion(ledgerBin) : null,
    hledgerParseMs: round(parseMs), ledgerBalMs: round(ledgerMs), balancesMs: round(balances.ms), agree: hledger || ledgerBin ? allOk : null, operations: json,
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function round(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function checkBalances(
  stdout: string,
  ours: { accounts: AccountView[]; totals: Record<string, number> },
  names: Map<string, string>,
): { result: string; ok: boolean } {
  const theirs = new Map(parseCsv(stdout).slice(1).map(([account = '', amount = '0']) => [account, amountsToMinor(amount)]));
  const mismatches: string[] = [];
  for (const account of ours.accounts) {
    const balance = theirs.get(names.get(account.id) ?? '')?.[account.currency] ?? 0;
    if (balance !== account.balanceMinor) mismatches.push(`${account.name}: ours ${account.balanceMinor}, hledger ${balance}`);
  }
  const total = theirs.get('total') ?? {};
  for (const [currency, minor] of Object.entries(ours.totals)) {
    if ((total[currency] ?? 0) !== minor) mismatches.push(`total ${currency}: ours ${minor}, hledger ${total[currency] ?? 0}`);
  }
  for (const mismatch of mismatches) console.log(`  MISMATCH ${mismatch}`);
  return { result: `${theirs.size - 1} accounts`, ok: mismatches.length === 0 };
}
