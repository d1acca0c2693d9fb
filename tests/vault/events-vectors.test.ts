/**
 * EVENTS.md's vectors: the documented events, folded by a reader written from the document alone
 * (support/stranger-fold.ts) and by the engine's own projection, must both give the documented
 * balances, available amounts and budgets — so the event spec and the code cannot drift apart.
 */
import { describe, expect, test } from 'vitest';
import { budgetProgress, ledgerProjectionFactory, queries } from '../../electron/ledger';
import { fencedBlock, keyValues } from './support/markdown';
import { availableOf, balances, budgetFor, foldDocumented } from './support/stranger-fold';

const DOC = 'electron/ledger/EVENTS.md';
const events = fencedBlock(DOC, 'events')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
const expected = keyValues(fencedBlock(DOC, 'balances'));
const expectedBalances = Object.fromEntries(
  Object.entries(expected)
    .filter(([name]) => !name.includes(' '))
    .map(([id, value]) => {
      const [amount = '', currency = ''] = value.split(' ');
      return [id, [Number(amount), currency] as [number, string]];
    }),
);
const expectedAvailable = Object.entries(expected).filter(([name]) => name.startsWith('available '));
const expectedBudgets = Object.entries(expected).filter(([name]) => name.startsWith('budget '));

describe('EVENTS.md test vectors', () => {
  test('the document lists every event type at least once, and balances, available amounts and budgets', () => {
    expect(new Set(events.map((e) => e.type)).size).toBe(14);
    expect(Object.keys(expectedBalances).length).toBe(4);
    expect(expectedAvailable.length).toBeGreaterThan(0);
    expect(expectedBudgets.length).toBeGreaterThan(0);
  });

  test('a fold written from the document gives the documented figures', () => {
    const state = foldDocumented(events);
    expect(balances(state)).toEqual(expectedBalances);
    for (const [name, value] of expectedAvailable) expect(availableOf(state, name.split(' ')[1] ?? ''), name).toBe(Number(value));
    for (const [name, value] of expectedBudgets) {
      const [, category = '', month = ''] = name.split(' ');
      const [budget, spent] = value.split(' ').map(Number);
      expect(budgetFor(state, category, month), name).toEqual({ budget, spent });
    }
  });

  test('the engine, replaying the same events, gives the same figures', () => {
    const projection = ledgerProjectionFactory.empty();
    try {
      events.forEach((event, index) => projection.apply(index + 1, event));
      const accounts = queries.listAccounts(projection, { includeClosed: true });
      expect(Object.fromEntries(accounts.map((a) => [a.id, [a.balanceMinor, a.currency]]))).toEqual(expectedBalances);
      for (const [name, value] of expectedAvailable) {
        expect(accounts.find((a) => a.id === name.split(' ')[1])?.availableMinor, name).toBe(Number(value));
      }
      for (const [name, value] of expectedBudgets) {
        const [, category = '', month = ''] = name.split(' ');
        const [budget, spent] = value.split(' ').map(Number);
        const row = budgetProgress(projection, month).find((b) => b.categoryId === category);
        expect({ budget: row?.budgetMinor, spent: row?.spentMinor }, name).toEqual({ budget, spent });
      }
    } finally {
      projection.close();
    }
  });
});
