/**
 * An import batch's line ids (electron/ledger/ordered-ids.ts): well-formed UUIDv7 that sort in the
 * order they were made (what lets the fold append to the id index), carrying the batch's instant,
 * different for two batches of the same instant, and still unique past the counter's range.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderedLineIds } from '../../electron/ledger/ordered-ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ordered line ids', () => {
  it('are UUIDv7 with the batch instant, in ascending order, all different', () => {
    const now = new Date('2026-12-02T10:00:00.123Z');
    const next = orderedLineIds({ now, newId: randomUUID });
    const ids = Array.from({ length: 5000 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(Number.parseInt(ids[0]!.replaceAll('-', '').slice(0, 12), 16)).toBe(now.getTime());
  });

  it('two batches of the same instant draw different ids; a later batch sorts after an earlier one', () => {
    const now = new Date('2026-12-02T10:00:00.000Z');
    const a = orderedLineIds({ now, newId: randomUUID })();
    const b = orderedLineIds({ now, newId: randomUUID })();
    expect(a).not.toBe(b);
    const later = orderedLineIds({ now: new Date(now.getTime() + 1), newId: randomUUID })();
    expect(later > a && later > b).toBe(true);
    // A deterministic id source (tests inject one) gives the same ids for the same draw.
    expect(orderedLineIds({ now, newId: () => 'fixed' })()).toBe(orderedLineIds({ now, newId: () => 'fixed' })());
  });

  it('past 2^24 ids a batch draws again and its ids stay unique', () => {
    let draws = 0;
    const next = orderedLineIds({ now: new Date(0), newId: () => `draw-${draws++}` });
    const first = next();
    for (let index = 1; index < 2 ** 24; index++) next();
    const redrawn = next();
    expect(draws).toBe(2);
    expect(first.endsWith('000000') && redrawn.endsWith('000000')).toBe(true);
    expect(redrawn).not.toBe(first);
    expect(redrawn).toMatch(UUID_V7);
  }, 60_000);
});
