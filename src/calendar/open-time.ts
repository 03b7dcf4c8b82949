import { DAY_MS, localDay, MAX_TIME, weekdayOf } from './time.js';
import { CYCLE_DAYS, EARLIEST_DAY, LATEST_DAY, type ZoneOffsets } from './zone-offsets.js';

/**
 * What open-time arithmetic needs of a calendar: its zone, its open intervals per weekday, its holidays.
 */
export interface OpenHours {
  readonly zone: ZoneOffsets;
  /** Per weekday, Monday first: `[start, end, start, end, …]` in ms after local midnight, sorted and disjoint. */
  readonly week: readonly (readonly number[])[];
  /** Open ms per weekday, Monday first. */
  readonly dayTotals: readonly number[];
  /** Closed local dates, as days since 1970-01-01. */
  readonly holidays: ReadonlySet<number>;
  /** The earliest and the latest of `holidays` (`Infinity` and `-Infinity` when there are none). */
  readonly firstHoliday: number;
  readonly lastHoliday: number;
  /** Open time in a week without holidays. */
  readonly weekMs: number;
}

/** One 400-year cycle, in ms: `CYCLE_DAYS * DAY_MS` as a literal (bundlers keep a computed top-level constant). */
const CYCLE_MS = 12_622_780_800_000;
/** Open time of one 400-year cycle from {@link LATEST_DAY} on, per calendar: walked once, when first needed. */
const futureCycles = /* @__PURE__ */ new WeakMap<OpenHours, number>();
/** Days in a block, the step a long walk crosses in once it knows the block's open time (see {@link knownBlock}). */
const BLOCK_DAYS = 1024;
/** `BLOCK_DAYS * DAY_MS`, as a literal. */
const BLOCK_MS = 88_473_600_000;
/** A bound on each calendar's block cache; the Date range holds about 195,000 blocks, a walk visits at most ~500. */
const MAX_CACHED_BLOCKS = 65_536;
/** Open time of the blocks of UTC days `[i * BLOCK_DAYS, (i + 1) * BLOCK_DAYS)`, per calendar, by `i`. */
const blocks = /* @__PURE__ */ new WeakMap<OpenHours, Map<number, number>>();
/** Set by {@link knownCycle}: the day the known cycles must end by. */
let cycleLimit = 0;
/** Open time a walk still needed when it reached the end of its range (see {@link walk}). */
let shortfall = 0;

/**
 * The open time of the {@link CYCLE_DAYS} UTC days from day `d` when it is known without walking them (`NaN` when
 * not), setting `cycleLimit`: the day by which such cycles must end. Up to {@link EARLIEST_DAY} the offset never
 * changes, so a cycle is 20,871 whole weeks of wall-clock time; from {@link LATEST_DAY} on offsets repeat with the
 * cycle (see `zone-offsets.ts`), so every cycle holds the same open time. Either way only without a holiday on a
 * local date the cycle touches (a day of margin each side).
 */
function knownCycle(hours: OpenHours, d: number): number {
  cycleLimit = Math.min(EARLIEST_DAY, hours.firstHoliday - 1);
  if (d + CYCLE_DAYS <= cycleLimit) return (CYCLE_DAYS / 7) * hours.weekMs;
  cycleLimit = Number.POSITIVE_INFINITY;
  const from = Math.max(LATEST_DAY, hours.lastHoliday + 2);
  if (d < from) return Number.NaN;
  let open = futureCycles.get(hours);
  if (open === undefined) {
    walk(hours, from * DAY_MS, (from + CYCLE_DAYS) * DAY_MS, Number.MAX_SAFE_INTEGER, false);
    open = Number.MAX_SAFE_INTEGER - shortfall;
    futureCycles.set(hours, open);
  }
  return open;
}

/**
 * The open time of block `index` (UTC days `[index * BLOCK_DAYS, (index + 1) * BLOCK_DAYS)`), holidays and offset
 * changes included: walked once per calendar, then known. Why blocks: between 1800 and 2400 (and in the part of a
 * 400-year cycle a span holds at either end) no cycle can be skipped, and a span of centuries walked there day by
 * day took tens of milliseconds on every event of a ticket with such times (a ticket born near -8.64e15 and solved
 * now). Open time is a sum over instants, so a block's is the same whichever walk crosses it.
 */
function knownBlock(hours: OpenHours, index: number): number {
  const cache = blocks.get(hours) ?? new Map<number, number>();
  blocks.set(hours, cache);
  let open = cache.get(index);
  if (open === undefined) {
    if (cache.size >= MAX_CACHED_BLOCKS) cache.clear();
    walk(hours, index * BLOCK_MS, (index + 1) * BLOCK_MS, Number.MAX_SAFE_INTEGER, false);
    open = Number.MAX_SAFE_INTEGER - shortfall;
    cache.set(index, open);
  }
  return open;
}

/**
 * Walks the instants of `[from, to)` in order and returns the first at which `need` ms of open time lie behind
 * (so an interval's end, not the next opening, when the need runs out exactly there), or `NaN` when the range
 * holds less, leaving what was missing in `shortfall`.
 *
 * Why this is exact: between two offset changes, local time is UTC plus a constant, so the open time of such a
 * piece is the open part of one stretch of local wall-clock time; pieces are at most a UTC day long and each
 * starts from the offsets cached for that day. A repeated hour (fall back) is a stretch of local time met by two
 * pieces, so it counts twice; a skipped hour (spring forward) lies between two pieces' stretches, so it never counts.
 */
function walk(hours: OpenHours, from: number, to: number, need: number, skip = true): number {
  const { zone, week, dayTotals, holidays } = hours;
  let t = from;
  while (t < to) {
    const utcDay = Math.floor(t / DAY_MS);
    // Whole 400-year cycles whose open time is known are crossed in one step (a span of a million years, or a
    // need a sparse calendar takes millennia to meet, in microseconds), leaving at least 1 ms of need to the walk.
    // Only asked where a cycle may be crossed: the range holds one, and the need is half a cycle of open weeks or
    // more, or the walk has already gone a cycle without meeting it (a calendar whose open hours DST changes eat).
    // Learning a future cycle's open time walks its 146,097 days (a second): a week in the year 2500 must not.
    if (
      skip &&
      t % DAY_MS === 0 &&
      to - t >= CYCLE_MS &&
      (need >= (CYCLE_DAYS / 14) * hours.weekMs || t - from >= CYCLE_MS)
    ) {
      const cycle = knownCycle(hours, utcDay);
      const n = Math.min(
        Math.floor((to - t) / CYCLE_MS),
        Math.floor((need - 1) / cycle),
        Math.floor((cycleLimit - utcDay) / CYCLE_DAYS),
      );
      if (n > 0) {
        t += n * CYCLE_MS;
        need -= n * cycle;
        continue;
      }
    }
    // Whole blocks (see knownBlock) likewise, on a walk long enough to hold two and a need that may outlast one; a
    // piece that starts between block edges stops at the next, so the walk meets it.
    let blockEdge = to;
    if (
      skip &&
      t % DAY_MS === 0 &&
      to - t >= 2 * BLOCK_MS &&
      (need >= (BLOCK_DAYS / 14) * hours.weekMs || t - from >= BLOCK_MS)
    ) {
      if (t % BLOCK_MS === 0) {
        const open = knownBlock(hours, t / BLOCK_MS);
        if (open < need) {
          t += BLOCK_MS;
          need -= open;
          continue;
        }
      } else blockEdge = Math.ceil(t / BLOCK_MS) * BLOCK_MS;
    }
    let offset = zone.atDay(utcDay);
    const stable = zone.stableDays(utcDay);
    let end = Math.min((utcDay + Math.max(stable, 1)) * DAY_MS, blockEdge);
    if (stable === 0) {
      const change = zone.changeIn(utcDay);
      if (t < change) end = change;
      else offset = zone.atDay(utcDay + 1);
    }
    if (end > to) end = to;
    // The local wall-clock stretch [x, y) of this piece, one local date at a time.
    let x = t + offset;
    const y = end + offset;
    while (x < y) {
      const day = localDay(x);
      const midnight = day * DAY_MS;
      const dayEnd = Math.min(y, midnight + DAY_MS);
      const weekday = weekdayOf(day);
      // A whole day that does not use up the need counts at once.
      if (x === midnight && dayEnd === midnight + DAY_MS && dayTotals[weekday]! < need) {
        if (!holidays.has(day)) need -= dayTotals[weekday]!;
      } else if (!holidays.has(day)) {
        const open = week[weekday]!;
        for (let i = 0; i < open.length; i += 2) {
          const a = Math.max(x, midnight + open[i]!);
          const b = Math.min(dayEnd, midnight + open[i + 1]!);
          if (a >= b) continue;
          if (b - a >= need) return a + need - offset;
          need -= b - a;
        }
      }
      x = midnight + DAY_MS;
    }
    t = end;
  }
  shortfall = need;
  return Number.NaN;
}

/**
 * The earliest instant at or after `start` by which `ms` of open time have passed, or `null` when that lies
 * beyond the Date range. `ms` ≤ 0 gives `start`.
 */
export function addOpenTime(hours: OpenHours, start: number, ms: number): number | null {
  if (ms <= 0) return start;
  const end = walk(hours, start, MAX_TIME, ms);
  return Number.isNaN(end) ? null : end;
}

/** The open time in `[from, to)`, in ms; 0 when `to` ≤ `from`. */
export function openTimeBetween(hours: OpenHours, from: number, to: number): number {
  if (to <= from) return 0;
  // More open time than a safe integer (a 24/7 calendar over 285,000 years) answers the largest one.
  if (!Number.isNaN(walk(hours, from, to, Number.MAX_SAFE_INTEGER))) return Number.MAX_SAFE_INTEGER;
  return Number.MAX_SAFE_INTEGER - shortfall;
}
