import { describe, expect, it } from 'vitest';
import { parseDuration } from 'ticket-lifecycle';

describe('parseDuration', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['PT48H', 48 * 3_600_000],
    ['P1DT12H', 36 * 3_600_000],
    ['PT30M', 1_800_000],
    ['PT1.5H', 5_400_000],
    ['P2W', 14 * 86_400_000],
    ['PT10S', 10_000],
    ['p4d', 4 * 86_400_000],
    [600_000, 600_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', 'P1DT', '7D', 'P1M', 'P1Y', 'PT-1H', 'P0D', 'abc', 'P1D ', null, undefined, {}, 0, -1, 0.5, Number.NaN])(
    'refuses %s',
    (value) => {
      expect(parseDuration(value)).toBeNull();
    },
  );
});
