// The compiled workflow's read-only collections answer like `Map` and `Set` whatever their size: up to 8 entries
// they scan a list instead of hashing (issue 9, "Speed must not pay for it"), and that shortcut must never change
// an answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrozenMap, FrozenSet } from '../../src/policy/frozen.js';

const key = fc.oneof(
  fc.constantFrom('open', 'pending', 'closed', '', '-1', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(0, -0, 1, Number.NaN, null, undefined, true),
);

describe('FrozenMap and FrozenSet agree with Map and Set', () => {
  it('on get, has and size, for small (scanned) and large (hashed) collections alike', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 16 }), fc.array(key), (entries, probes) => {
        const frozen = new FrozenMap(entries);
        const map = new Map(entries);
        const set = new Set(entries.map(([k]) => k));
        const frozenSet = new FrozenSet(set);
        expect(frozen.size).toBe(map.size);
        for (const probe of [...probes, ...map.keys()]) {
          expect(frozen.get(probe)).toBe(map.get(probe));
          expect(frozen.has(probe)).toBe(map.has(probe));
          expect(frozenSet.has(probe)).toBe(set.has(probe));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never answers from a property someone put on Array.prototype for a missing key', () => {
    const polluted = Array.prototype as unknown as Record<string, unknown>;
    polluted['-1'] = 'polluted';
    try {
      const map = new FrozenMap([['open', 1]]);
      expect(map.get('closed')).toBeUndefined();
      expect(map.has('closed')).toBe(false);
      expect(new FrozenSet(['open']).has('closed')).toBe(false);
    } finally {
      delete polluted['-1'];
    }
  });
});
