/** Budgets of a parent and its children roll up: every number below is worked out by hand. */
import { describe, expect, it } from 'vitest';
import { budgetOverview } from '../../electron/ledger/reports';
import { makeLedger, requestId } from './support';

function build() {
  const made = makeLedger();
  const run = (command: Record<string, unknown>) => made.ledger.execute({ requestId: requestId(), ...command });
  const cash = run({ type: 'openAccount', name: 'Cash', kind: 'cash', currency: 'CNY', openingBalance: '1000', openedOn: '2024-01-01' }).id;
  const food = run({ type: 'defineCategory', name: 'Food', kind: 'expense' }).id;
  const coffee = run({ type: 'defineCategory', name: 'Coffee', kind: 'expense', parentId: food }).id;
  const transport = run({ type: 'defineCategory', name: 'Transport', kind: 'expense' }).id;
  const budget = (categoryId: string, amount: string) => run({ type: 'setBudget', categoryId, month: '2024-06', amount, currency: 'CNY' });
  const spend = (categoryId: string, amount: string) =>
    run({ type: 'recordTransaction', kind: 'expense', accountId: cash, amount, currency: 'CNY', date: '2024-06-10', categoryId });
  return { ...made, run, budget, spend, ids: { cash, food, coffee, transport } };
}

describe('budget roll-up', () => {
  it('counts a child budget inside its parent and each expense once in the total', () => {
    const f = build();
    f.budget(f.ids.food, '1000');
    f.budget(f.ids.coffee, '100');
    f.budget(f.ids.transport, '30');
    f.spend(f.ids.coffee, '42');
    f.spend(f.ids.transport, '45');
    const view = budgetOverview(f.projection, '2024-06');
    expect(view.totals).toEqual([{ currency: 'CNY', budgetMinor: 103000, spentMinor: 8700 }]);
    const byName = Object.fromEntries(view.rows.map((row) => [row.name, row]));
    // A parent's spent includes its children; the child shows only its own.
    expect(byName.Food).toMatchObject({ budgetMinor: 100000, spentMinor: 4200, includedIn: null, includes: ['Coffee'] });
    expect(byName.Coffee).toMatchObject({ budgetMinor: 10000, spentMinor: 4200, includedIn: f.ids.food, includes: [] });
    expect(byName.Transport).toMatchObject({ budgetMinor: 3000, spentMinor: 4500, includedIn: null });
  });

  it('counts a child budget on its own when the parent has none', () => {
    const f = build();
    f.budget(f.ids.coffee, '100');
    f.budget(f.ids.transport, '30');
    f.spend(f.ids.coffee, '42');
    f.spend(f.ids.food, '500'); // the parent has no budget: not counted against any budget
    f.spend(f.ids.transport, '45');
    const view = budgetOverview(f.projection, '2024-06');
    expect(view.totals).toEqual([{ currency: 'CNY', budgetMinor: 13000, spentMinor: 8700 }]);
    expect(view.rows.find((row) => row.name === 'Coffee')).toMatchObject({ includedIn: null, spentMinor: 4200 });
  });

  it('keeps a parent budget covering spending in a child without its own budget', () => {
    const f = build();
    f.budget(f.ids.food, '1000');
    f.spend(f.ids.coffee, '42');
    f.spend(f.ids.food, '8');
    const view = budgetOverview(f.projection, '2024-06');
    expect(view.totals).toEqual([{ currency: 'CNY', budgetMinor: 100000, spentMinor: 5000 }]);
  });
});
