/**
 * A length of time: ISO 8601 (`P7D`, `PT48H`, `P1DT12H`, `PT30M`, `P2W`) or whole milliseconds. Years and
 * months are refused because their length depends on the calendar.
 *
 * @example
 * ```ts
 * import type { Duration } from 'ticket-lifecycle';
 * const fourDays: Duration = 'P4D';
 * const tenMinutes: Duration = 600_000;
 * ```
 */
export type Duration = string | number;

// Plain literals: a top-level expression that reads a property or multiplies is kept by bundlers (it might have an
// effect), so every bundle importing the package would carry it.
const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 604_800_000;

// Weeks and days before the T, hours/minutes/seconds after it; each part optional, in this order, decimals allowed.
const ISO =
  /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Converts a {@link Duration} to milliseconds, or returns `null` when it is not a positive, finite, whole number
 * of milliseconds (zero, negative, unparsable, calendar units, too large).
 *
 * @example
 * ```ts
 * import { parseDuration } from 'ticket-lifecycle';
 * parseDuration('PT48H'); // 172_800_000
 * parseDuration('P1M');   // null: months have no fixed length
 * ```
 */
export function parseDuration(value: unknown): number | null {
  return scaledDuration(value, WEEK, DAY);
}

/**
 * @internal A duration in milliseconds, with weeks and days worth `weekMs` and `dayMs`: fixed lengths for plain
 * timers, a calendar's open time per week and per business day for calendar timers. One function for both, with
 * the same arithmetic in the same order, so a 24/7 calendar gives exactly what {@link parseDuration} gives.
 */
export function scaledDuration(value: unknown, weekMs: number, dayMs: number): number | null {
  let ms: number;
  if (typeof value === 'number') {
    ms = value;
  } else if (typeof value === 'string') {
    const text = value.toUpperCase();
    const m = ISO.exec(text);
    if (m === null || text.endsWith('T')) return null;
    const [, w, d, h, min, s] = m;
    if (w === undefined && d === undefined && h === undefined && min === undefined && s === undefined) return null;
    ms = part(w) * weekMs + part(d) * dayMs + part(h) * HOUR + part(min) * MINUTE + part(s) * SECOND;
    ms = Math.round(ms);
  } else {
    return null;
  }
  return Number.isSafeInteger(ms) && ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}

/** The longest duration accepted: 100 years, far beyond any helpdesk rule and far inside the Date range. */
export const MAX_DURATION_MS = 3_153_600_000_000; // 100 × 365 × DAY

function part(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.replace(',', '.'));
}

/**
 * The inverse of {@link parseDuration}: milliseconds back to a readable ISO 8601 duration, whole days as `P4D`,
 * the rest with a time part (`PT36H` is written `P1DT12H`, then `PT1H30M`, `PT0.5S`). For every duration
 * `parseDuration` accepts, `parseDuration(formatDuration(ms)) === ms`. Used by lint messages and the diagram.
 *
 * @example
 * ```ts
 * import { formatDuration, parseDuration } from 'ticket-lifecycle';
 * formatDuration(345_600_000);               // 'P4D'
 * formatDuration(5_400_000);                 // 'PT1H30M'
 * parseDuration(formatDuration(5_400_000));  // 5_400_000
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `P${ms / DAY}D`;
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const time = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 ? `${rest / SECOND}S` : ''}`;
  return `P${days > 0 ? `${days}D` : ''}T${time}`;
}
