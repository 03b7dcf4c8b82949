import { MAX_TIME } from '../policy/time.js';

export { isTime, MAX_TIME } from '../policy/time.js';

/** `Number.MAX_SAFE_INTEGER`, 2^53 − 1, as a literal: one short name where the engine bounds counts and spans. */
export const MAX_SAFE = 9_007_199_254_740_991;

/**
 * `start + count × every` for whole `start`, `count ≥ 0` and `every > 0`, exactly, or `null` when it lies after
 * {@link MAX_TIME}: a time no event can reach, so whatever is due then is never due. Two times can be 1.7e16 apart,
 * beyond what a double holds exactly, so a product that leaves the safe range is redone with BigInt (rare: only
 * tickets near the ends of the Date range take that path).
 */
export function addRepeats(start: number, count: number, every: number): number | null {
  const span = count * every;
  // Past 2^53 the product is redone exactly; its sum then rounds only beyond 2^53, so above MAX_TIME all the same.
  const sum = span <= MAX_SAFE ? start + span : Number(BigInt(start) + BigInt(count) * BigInt(every));
  return sum <= MAX_TIME ? sum : null;
}

/** How many whole `every` fit between `from` and `to` (`from ≤ to`, both times), exactly: `⌊(to − from) / every⌋`. */
export function repeatsBetween(from: number, to: number, every: number): number {
  const span = to - from;
  if (span <= MAX_SAFE) {
    // A double quotient can round up to the next integer; correct it with exact integer products.
    let q = Math.floor(span / every);
    if (q * every > span) q--;
    else if ((q + 1) * every <= span) q++;
    return q;
  }
  return Number((BigInt(to) - BigInt(from)) / BigInt(every));
}
