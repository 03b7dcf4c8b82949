import { scaledDuration } from '../policy/duration.js';
import { addOpenTime, openTimeBetween, type OpenHours } from './open-time.js';
import type { ZoneOffsets } from './zone-offsets.js';

/**
 * Part of the compiled form, engine-internal (not exported by the package). A checked calendar with its arithmetic
 * bound to it. The engine calls `add` and `between` through the
 * compiled timer, never importing this module, so bundles of policies without calendars carry none of it.
 */
export interface CompiledCalendar extends OpenHours {
  // Its `weekMs` (open time in a week without holidays) is what `P1W` means on this calendar.
  readonly id: string;
  readonly timeZone: string;
  /** `weekMs` shared equally by the weekdays that have open time: what `P1D` means on this calendar. */
  readonly dayMs: number;
  /** The earliest instant by which `ms` of open time after `start` have passed; `null` beyond the Date range. */
  add(start: number, ms: number): number | null;
  /** Open time in `[from, to)`. */
  between(from: number, to: number): number;
  /** A duration in ms of open time, weeks and days counted in this calendar's; `null` when not a valid duration. */
  duration(value: unknown): number | null;
}

/** Binds the arithmetic to checked calendar data (`week` non-empty, sorted, disjoint; a known zone). */
export function compileCalendar(
  id: string,
  timeZone: string,
  zone: ZoneOffsets,
  week: readonly (readonly number[])[],
  holidays: ReadonlySet<number>,
): CompiledCalendar {
  let weekMs = 0;
  let openDays = 0;
  for (const open of week) {
    for (let i = 0; i < open.length; i += 2) weekMs += open[i + 1]! - open[i]!;
    if (open.length > 0) openDays++;
  }
  const dayMs = Math.round(weekMs / Math.max(openDays, 1));
  const dayTotals = week.map((open) => open.reduce((sum, edge, i) => sum + (i % 2 === 0 ? -edge : edge), 0));
  let firstHoliday = Number.POSITIVE_INFINITY;
  let lastHoliday = Number.NEGATIVE_INFINITY;
  for (const day of holidays) {
    if (day < firstHoliday) firstHoliday = day;
    if (day > lastHoliday) lastHoliday = day;
  }
  const hours: OpenHours = { zone, week, dayTotals, holidays, firstHoliday, lastHoliday, weekMs };
  // The engine asks for a timer's due time again on every event of a stay, with the same anchor and duration:
  // remember the last few answers (a few, because a status may have several calendar timers).
  const starts = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  const lengths = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  const ends: (number | null)[] = [null, null, null, null];
  let slot = 0;
  return {
    id,
    timeZone,
    zone,
    week,
    dayTotals,
    holidays,
    firstHoliday,
    lastHoliday,
    weekMs,
    dayMs,
    add(start, ms) {
      for (let i = 0; i < 4; i++) if (starts[i] === start && lengths[i] === ms) return ends[i]!;
      const end = addOpenTime(hours, start, ms);
      starts[slot] = start;
      lengths[slot] = ms;
      ends[slot] = end;
      slot = (slot + 1) & 3;
      return end;
    },
    between: (from, to) => openTimeBetween(hours, from, to),
    duration: (value) => scaledDuration(value, weekMs, dayMs),
  };
}
