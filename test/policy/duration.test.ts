import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from 'ticket-lifecycle';

/** The longest duration parseDuration accepts (100 years). */
const MAX_DURATION_MS = 100 * 365 * 86_400_000;

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

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '7D',
    'P1M',
    'P1Y',
    'PT-1H',
    'P0D',
    'abc',
    'P1D ',
    null,
    undefined,
    {},
    0,
    -1,
    0.5,
    Number.NaN,
  ])('refuses %s', (value) => {
    expect(parseDuration(value)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('writes whole days as days and the rest with a time part', () => {
    expect([86_400_000 * 4, 3_600_000 * 36, 90 * 60_000, 86_400_000 + 9_000_000, 500].map(formatDuration)).toEqual([
      'P4D',
      'P1DT12H',
      'PT1H30M',
      'P1DT2H30M',
      'PT0.5S',
    ]);
  });

  it('is the inverse of parseDuration: parse(format(ms)) === ms for every accepted duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MS }), (ms) => parseDuration(formatDuration(ms)) === ms),
    );
  });
});
