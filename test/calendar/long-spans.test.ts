// Open time over spans of centuries to the whole Date range answers in seconds, not minutes (a stored ticket or an
// event may carry any time in ±8.64e15), and exactly: whole 400-year cycles are crossed in one step only where
// their open time is known (before 1800, where every zone keeps one offset; from 2400, where offsets repeat with the
// Gregorian cycle), and the answer equals the sum of the same span walked a century at a time (no cycle skipped).
// The far-future offsets the walk reuses are checked against the Temporal polyfill's own reading of those years.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, defineWorkflow, type CalendarConfig } from 'ticket-lifecycle';
import { addOpenTime, openTimeBetween, type OpenHours } from '../../src/calendar/open-time.js';
import { zoneOffsets, type ZoneOffsets } from '../../src/calendar/zone-offsets.js';
import { TemporalCalendar } from './temporal-oracle.js';

const HOUR = 3_600_000;
const MAX = 8.64e15;
const year = (y: number): number =>
  Date.UTC(y, 0, 1) - (y < 100 && y >= 0 ? Date.UTC(1900, 0, 1) - Date.UTC(0, 0, 1) : 0);
/** A zone's offsets that count the questions a walk asks them: the cost of a walk, measured without a clock. */
function countingZone(name: string): { zone: ZoneOffsets; asked: () => number; reset: () => void } {
  const zone = zoneOffsets(name)!;
  let asked = 0;
  const counted =
    (ask: (day: number) => number) =>
    (day: number): number => {
      asked++;
      return ask(day);
    };
  return {
    zone: { atDay: counted(zone.atDay), changeIn: counted(zone.changeIn), stableDays: counted(zone.stableDays) },
    asked: () => asked,
    reset: () => {
      asked = 0;
    },
  };
}

const nineToFive = [['09:00', '17:00']] as [string, string][];
const CALENDARS: Record<string, CalendarConfig> = {
  rome: {
    timeZone: 'Europe/Rome',
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: ['2026-12-25', '2026-12-26'],
  },
  // One late hour a week, on a day that a DST change or a skipped day can touch.
  apia: { timeZone: 'Pacific/Apia', week: { sun: [['23:00', '24:00']] } },
  lordHowe: { timeZone: 'Australia/Lord_Howe', week: { sat: [['01:00', '03:00']], sun: [['00:00', '24:00']] } },
  utc: { timeZone: 'UTC', week: { mon: nineToFive } },
  always: {
    timeZone: 'America/New_York',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  },
};
const workflow = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }], calendars: CALENDARS });

/** Open time of `[from, to)` as the sum of pieces of at most a century: no piece spans a whole 400-year cycle. */
function byCenturies(calendar: string, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(to, t + 100 * 365 * 86_400_000);
    sum += businessTimeBetween(workflow, calendar, t, next)!;
    t = next;
  }
  return sum;
}

describe('open time over long spans', () => {
  it('answers over the whole Date range, on every calendar, in seconds', { timeout: 120_000 }, () => {
    for (const id of ['rome', 'apia', 'always']) {
      const open = businessTimeBetween(workflow, id, -MAX, MAX)!;
      expect(open).toBeGreaterThan(0);
      expect(Number.isSafeInteger(open)).toBe(true);
    }
    // 24 h a day over 547,000 years is more than a safe integer of ms: the largest one is the answer.
    expect(businessTimeBetween(workflow, 'always', -MAX, MAX)).toBe(Number.MAX_SAFE_INTEGER);
    expect(businessTimeBetween(workflow, 'always', 0, MAX)).toBe(MAX);
  });

  it.each([
    ['rome', year(2300), year(3700)],
    ['apia', year(2390) + 5 * 86_400_000, year(3300) + 77 * 86_400_000 + 5 * HOUR],
    ['lordHowe', year(2350), year(3650)],
    ['utc', year(600), year(1790)],
    ['rome', year(900) + 13 * HOUR, year(1810)],
  ])(
    'skips whole cycles exactly: %s from %i to %i equals the span walked a century at a time',
    {
      timeout: 120_000,
    },
    (id, from, to) => {
      expect(businessTimeBetween(workflow, id, from, to)).toBe(byCenturies(id, from, to));
    },
  );

  it('adds open time across cycles exactly, and fast, however sparse the calendar', { timeout: 120_000 }, () => {
    for (const [id, start] of [
      ['apia', year(2390)],
      ['apia', -MAX],
      ['utc', year(-3000)],
      ['lordHowe', year(2399)],
    ] as const) {
      // 36,500 business days: on a calendar open one hour a week, some 3,000 years of wall-clock time.
      const end = addBusinessTime(workflow, id, start, 'P36500D')!;
      expect(end).not.toBeNull();
      const dayMs = workflow.compiled.calendars.get(id)!.dayMs;
      expect(byCenturies(id, start, end)).toBe(36_500 * dayMs);
    }
    expect(addBusinessTime(workflow, 'utc', MAX - 86_400_000, 'P1D')).toBeNull();
  });

  it('reads far-future years with the offsets Intl gives them (the Temporal polyfill agrees)', () => {
    for (const id of ['rome', 'lordHowe', 'apia']) {
      const oracle = new TemporalCalendar(CALENDARS[id]!);
      for (const y of [2401, 2877, 3333, 9999, 27_000]) {
        // Each March and each October, where DST changes fall.
        for (const month of [2, 9]) {
          const from = Date.UTC(y, month, 20);
          const to = from + 20 * 86_400_000;
          expect(businessTimeBetween(workflow, id, from, to)).toBe(oracle.between(from, to));
          expect(addBusinessTime(workflow, id, from, 'PT3H')).toBe(oracle.add(from, 3 * HOUR));
        }
      }
    }
  });

  // A short span in a far-future year walked the 146,097 days of a whole cycle first, to learn its open time (about
  // a second per calendar and process), though no cycle fits in it. Counted in questions to the zone, not timed.
  it('walks a short far-future span day by day, without learning a whole cycle first', () => {
    const { zone: counting, asked, reset } = countingZone('Europe/Rome');
    const hours = (holidays: readonly number[] = []): OpenHours => {
      const day = [9 * HOUR, 17 * HOUR];
      return {
        zone: counting,
        week: [day, day, day, day, day, [], []],
        dayTotals: [8 * HOUR, 8 * HOUR, 8 * HOUR, 8 * HOUR, 8 * HOUR, 0, 0],
        holidays: new Set(holidays),
        firstHoliday: holidays.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...holidays),
        lastHoliday: holidays.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...holidays),
        weekMs: 40 * HOUR,
      };
    };
    const week = hours();
    const oracle = new TemporalCalendar(CALENDARS.rome!);
    const from = Date.UTC(2500, 2, 20);
    const to = from + 14 * 86_400_000;
    expect(openTimeBetween(week, from, to)).toBe(oracle.between(from, to));
    expect(addOpenTime(week, from, 24 * HOUR)).toBe(oracle.add(from, 24 * HOUR));
    const late = Date.UTC(9999, 9, 1);
    expect(addOpenTime(week, late, 100 * HOUR)).toBe(oracle.add(late, 100 * HOUR));
    expect(asked()).toBeLessThan(1_000);
    // A span that holds cycles still crosses them in one step each, once it has learned one.
    reset();
    const cycle = openTimeBetween(week, year(2400), year(2800));
    expect(openTimeBetween(week, year(2400), year(200_000))).toBe(494 * cycle);
    expect(asked()).toBeLessThan(3 * 146_097);
  });

  // fuzz14 (hostile inputs): a ticket born near -8.64e15, solved near +8.64e15, on a policy with one 24/7-calendar
  // SLA took 60 to 290 ms per `transition` however often it was asked: the six centuries from 1800 to 2400, where no
  // cycle can be skipped, were walked day by day on every call. Now in blocks of 1,024 days, each walked once.
  it('walks the centuries no cycle crosses once per calendar, then in blocks of 1,024 days', () => {
    const { zone: counting, asked, reset } = countingZone('Europe/Rome');
    const allWeek = Array.from({ length: 7 }, () => [0, 24 * HOUR]);
    const always: OpenHours = {
      zone: counting,
      week: allWeek,
      dayTotals: allWeek.map(() => 24 * HOUR),
      holidays: new Set(),
      firstHoliday: Number.POSITIVE_INFINITY,
      lastHoliday: Number.NEGATIVE_INFINITY,
      weekMs: 7 * 24 * HOUR,
    };
    const [from, to] = [year(1700), year(2500)];
    expect(openTimeBetween(always, from, to)).toBe(to - from);
    reset();
    expect(openTimeBetween(always, from, to)).toBe(to - from);
    expect(openTimeBetween(always, from + 7 * HOUR, to - 5 * HOUR)).toBe(to - from - 12 * HOUR);
    // Two walks, each at most two partial blocks at its ends: a few hundred questions (day by day: over 40,000).
    expect(asked()).toBeLessThan(1_000);
  });
});
