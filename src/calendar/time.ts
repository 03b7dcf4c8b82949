/** Milliseconds in a day of wall-clock time (a day of UTC, or a local date from midnight to midnight). */
export const DAY_MS = 86_400_000;

export { MAX_TIME } from '../policy/time.js';

/** The local date of a local wall-clock time written as epoch-like milliseconds, as days since 1970-01-01. */
export function localDay(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** Monday = 0 … Sunday = 6. Day 0, 1970-01-01, was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
