// lint's shadowed-timer check finds, per status, the first declared move timer that shadows each timer with sorted
// prefix minima instead of comparing every pair (issue 9, item 11). This property holds it to the pairwise
// definition on random timer lists full of ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintWorkflow, validateWorkflow, type TimerAnchor, type TimerConfig } from 'ticket-lifecycle';

interface Drawn {
  readonly after: number;
  readonly move: boolean;
  readonly skip: boolean;
  readonly anchors: readonly TimerAnchor[];
  readonly inBoth: boolean;
}

/** The definition, pair by pair: `first` shadows `later` (see src/policy/lint/shadowed-timer.ts). */
function shadows(first: Drawn & { order: number }, later: Drawn & { order: number }): boolean {
  const same =
    new Set(first.anchors).size === new Set(later.anchors).size &&
    later.anchors.every((a) => first.anchors.includes(a));
  if (!first.move || !same) return false;
  if (first.skip && !later.skip) return false;
  if (first.after < later.after) return true;
  return first.after === later.after && later.move && first.order < later.order;
}

const drawn = fc.record({
  after: fc.integer({ min: 1, max: 4 }),
  move: fc.boolean(),
  skip: fc.boolean(),
  anchors: fc.subarray<TimerAnchor>(['statusEntered', 'lastCustomerMessage'], { minLength: 1 }),
  inBoth: fc.boolean(),
});

describe('shadowedTimer', () => {
  it('reports exactly the timers the pairwise definition shadows, by the first declared shadower', () => {
    fc.assert(
      fc.property(fc.array(drawn, { maxLength: 12 }), (list) => {
        const timers: TimerConfig[] = list.map((t, i) => ({
          id: `t${i}`,
          in: t.inBoth ? ['a', 'b'] : 'a',
          after: t.after,
          since: [...t.anchors],
          ...(t.skip && { skipWhileCustomerWaits: true }),
          ...(t.move ? { action: 'move' as const, to: 'done' } : { action: 'remind' as const }),
        }));
        const result = validateWorkflow({
          statuses: [
            { id: 'a', category: 'open', default: true },
            { id: 'b', category: 'open' },
            { id: 'done', category: 'closed' },
          ],
          timers,
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const found = lintWorkflow(result.workflow)
          .filter((f) => f.code === 'shadowedTimer')
          .map((f) => `${f.path} ${f.statuses.join(',')} ${/timer "(t\d+)" moves/.exec(f.message)![1]}`);

        const ordered = list.map((t, order) => ({ ...t, order }));
        const expected: string[] = [];
        for (const later of ordered) {
          const where = later.inBoth ? ['a', 'b'] : ['a'];
          const byStatus = where.map((s) =>
            ordered.find((t) => t !== later && (s === 'a' || t.inBoth) && shadows(t, later)),
          );
          const hits = where.filter((_, k) => byStatus[k] !== undefined);
          if (hits.length > 0)
            expected.push(`timers[${later.order}] ${hits.join(',')} t${byStatus.find((t) => t !== undefined)!.order}`);
        }
        expect(found).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
