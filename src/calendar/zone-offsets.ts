import { DAY_MS, MAX_TIME } from './time.js';

/**
 * A time zone's UTC offset (local wall clock minus UTC, in ms) as a function of the instant, read from the
 * platform's `Intl` and cached per UTC day: asking `Intl` costs microseconds, a cache hit nanoseconds.
 */
export interface ZoneOffsets {
  /** The offset in force at the first instant of UTC day `day` (`day * 86_400_000`). */
  atDay(day: number): number;
  /**
   * The instant inside UTC day `day` where the offset turns from `atDay(day)` to `atDay(day + 1)`; only asked when they
   * differ.
   */
  changeIn(day: number): number;
  /**
   * How many days from the start of `day` the offset stays as it is: the largest `n` ≤ 31 with `atDay(day)` …
   * `atDay(day + n)` all equal (0 when it changes within `day`). Lets a walk cross weeks in one step.
   */
  stableDays(day: number): number;
}

/**
 * Every zone keeps its local mean time before 1800 (tzdb's earliest transition is in the 1840s), so earlier
 * instants take the offset of 1800-01-01. This also keeps `Intl` inside years it writes as plain Gregorian
 * numbers, as `Date.UTC` reads them.
 */
const EARLIEST_PROBE = -5_364_662_400_000;
/** The UTC day of {@link EARLIEST_PROBE}: every day up to it has one and the same offset. */
export const EARLIEST_DAY = -62_091;
/** Days in 400 Gregorian years: exactly 20,871 weeks, after which dates and weekdays repeat. */
export const CYCLE_DAYS = 146_097;
/**
 * 2400-01-01, as UTC days. From here on offsets repeat every {@link CYCLE_DAYS}: past the last transition tzdb
 * lists (Morocco's, 2087, is the latest), every zone follows a fixed yearly rule ("last Sunday of March") or none,
 * a function of the Gregorian date alone. So later days are asked as the day a whole number of cycles before, and
 * a walk across a million years asks `Intl` about 400 of them at most.
 */
export const LATEST_DAY = 157_054;
/** A bound on each zone's cache, so a process that walks millions of distinct days keeps its memory. */
const MAX_CACHED_DAYS = 1_048_576; // 2^20, as a literal: bundlers keep a top-level `1 << 20` in every bundle
const MAX_STABLE_DAYS = 31;

const zones = new Map<string, ZoneOffsets | null>();

/**
 * The offsets of `timeZone`, or `null` when the platform does not know the zone. One instance per zone and
 * process: the caches are shared by every calendar in that zone.
 */
export function zoneOffsets(timeZone: string): ZoneOffsets | null {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    const format = formatter(timeZone);
    zone = format === null ? null : cachedOffsets(format);
    zones.set(timeZone, zone);
  }
  return zone;
}

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // A RangeError: not a zone this platform knows.
    return null;
  }
}

function cachedOffsets(format: Intl.DateTimeFormat): ZoneOffsets {
  const starts = new Map<number, number>();
  const changes = new Map<number, number>();
  const stable = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const at = Math.min(Math.max(t, EARLIEST_PROBE), MAX_TIME);
    let year = 0,
      month = 0,
      day = 0,
      hour = 0,
      minute = 0,
      second = 0;
    for (const part of format.formatToParts(at)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    // The wall clock has whole seconds; so do offsets. (Date.UTC would be NaN for a local time past the Date range.)
    const local = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
    return local - (at - (((at % 1000) + 1000) % 1000));
  };
  const atDay = (asked: number): number => {
    // Every day up to EARLIEST_DAY reads the offset of EARLIEST_PROBE: one entry for all of them.
    const day = Math.max(asked, EARLIEST_DAY);
    let offset = starts.get(day);
    if (offset === undefined) {
      if (starts.size >= MAX_CACHED_DAYS) starts.clear();
      offset = offsetAt(day * DAY_MS);
      starts.set(day, offset);
    }
    return offset;
  };
  return {
    atDay: (day) => atDay(periodic(day)),
    stableDays(day) {
      day = periodic(day);
      let n = stable.get(day);
      if (n === undefined) {
        if (stable.size >= MAX_CACHED_DAYS) stable.clear();
        const offset = atDay(day);
        n = 0;
        while (n < MAX_STABLE_DAYS && atDay(periodic(day + n + 1)) === offset) n++;
        stable.set(day, n);
      }
      return n;
    },
    changeIn(asked) {
      const day = periodic(asked);
      let change = changes.get(day);
      if (change === undefined) {
        if (changes.size >= MAX_CACHED_DAYS) changes.clear();
        // Transitions fall on whole seconds: bisect the day's seconds for the first one with the new offset.
        const before = offsetAt(day * DAY_MS);
        let lo = day * 86_400;
        let hi = lo + 86_400;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetAt(mid * 1000) === before) lo = mid;
          else hi = mid;
        }
        change = hi * 1000;
        changes.set(day, change);
      }
      return change + (asked - day) * DAY_MS;
    },
  };
}

/** The day whose offsets `day` shares: itself up to {@link LATEST_DAY}, the same day of the first cycle after. */
const periodic = (day: number): number => (day < LATEST_DAY ? day : LATEST_DAY + ((day - LATEST_DAY) % CYCLE_DAYS));

/** Days since 1970-01-01 of a proleptic Gregorian date, for any year (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
