// Open-time arithmetic agrees to the millisecond with an independent reference built on the Temporal polyfill,
// over random calendars, the zones that make time zones hard, random starts (many on the days clocks change)
// and random durations.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  defineWorkflow,
  type CalendarConfig,
  type OpenInterval,
  type Weekday,
} from 'ticket-lifecycle';
import { TemporalCalendar } from './temporal-oracle.js';

const numRuns = process.env.CI ? 500 : 150;
const DAY = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * DST in Europe and North America; a 30-minute DST shift (Lord Howe); a 45-minute offset that was 30 minutes
 * until 1986 (Kathmandu); DST starting at midnight until 2019 (São Paulo); a whole skipped day in 2011 (Apia);
 * a 45-minute offset with DST (Chatham); half-hour offsets with DST (Adelaide, St John's).
 */
const ZONES = [
  'Europe/Rome',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'Pacific/Chatham',
  'Australia/Adelaide',
  'America/St_Johns',
  'UTC',
];
const FROM = Date.UTC(1984, 0, 1);
const TO = Date.UTC(2032, 0, 1);

/** Every offset change of each zone in [FROM, TO), from Temporal: random starts cluster around them. */
const transitions = new Map(
  ZONES.map((zone) => {
    const list: number[] = [];
    let zoned = Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(zone);
    for (
      let next = zoned.getTimeZoneTransition('next');
      next !== null && next.epochMilliseconds < TO;
      next = next.getTimeZoneTransition('next')
    ) {
      list.push(next.epochMilliseconds);
      zoned = next;
    }
    return [zone, list];
  }),
);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** 0–3 disjoint intervals: sorted distinct minutes of the day (1440 = 24:00) taken in pairs. */
const day = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((points): OpenInterval[] => {
  const sorted = [...points].sort((a, b) => a - b);
  const out: OpenInterval[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return out;
});

const calendarAndStart = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.array(day, { minLength: 7, maxLength: 7 }),
    nearTransition: fc.boolean(),
    pick: fc.nat(),
    shift: fc.oneof(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: -6 * 3_600_000, max: 3_600_000 })),
    anywhere: fc.integer({ min: FROM, max: TO }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 30 }), { maxLength: 6 }),
  })
  .filter(({ week }) => week.some((d) => d.length > 0))
  .map(({ zone, week, nearTransition, pick, shift, anywhere, holidayOffsets }) => {
    const list = transitions.get(zone)!;
    const start = nearTransition && list.length > 0 ? list[pick % list.length]! + shift : anywhere;
    const startDate = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone).toPlainDate();
    const config: CalendarConfig = {
      timeZone: zone,
      week: Object.fromEntries(WEEKDAYS.map((name, i) => [name, week[i]!]).filter(([, d]) => d!.length > 0)),
      holidays: holidayOffsets.map((n) => startDate.add({ days: n }).toString()),
    };
    return { config, start };
  });

const workflowWith = (config: CalendarConfig) =>
  defineWorkflow({ statuses: [{ id: 'open', category: 'open' }], calendars: { cal: config } });

describe('open time agrees with the Temporal reference', () => {
  it('addBusinessTime, durations in ms of open time up to 5 business days', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.double({ min: 0, max: 5, noNaN: true }), ({ config, start }, fraction) => {
        const reference = new TemporalCalendar(config);
        const ms = Math.max(1, Math.round(fraction * reference.dayMs));
        expect(addBusinessTime(workflowWith(config), 'cal', start, ms)).toBe(reference.add(start, ms));
      }),
      { numRuns },
    );
  });

  it('addBusinessTime, ISO durations: a day is one business day of open time, hours are open hours', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 600 }),
        ({ config, start }, days, minutes) => {
          fc.pre(days + minutes > 0);
          const reference = new TemporalCalendar(config);
          const iso = `P${days}DT${minutes}M`;
          expect(addBusinessTime(workflowWith(config), 'cal', start, iso)).toBe(
            reference.add(start, days * reference.dayMs + minutes * 60_000),
          );
        },
      ),
      { numRuns },
    );
  });

  it('businessTimeBetween over up to three weeks', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: -DAY, max: 21 * DAY }), ({ config, start }, span) => {
        const reference = new TemporalCalendar(config);
        expect(businessTimeBetween(workflowWith(config), 'cal', start, start + span)).toBe(
          reference.between(start, start + span),
        );
      }),
      { numRuns },
    );
  });

  it('businessTimeBetween inverts addBusinessTime', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 1, max: 40 * 3_600_000 }), ({ config, start }, ms) => {
        const wf = workflowWith(config);
        const end = addBusinessTime(wf, 'cal', start, ms)!;
        expect(businessTimeBetween(wf, 'cal', start, end)).toBe(ms);
        // The earliest such instant: one millisecond less is not enough.
        expect(businessTimeBetween(wf, 'cal', start, end - 1)).toBe(ms - 1);
      }),
      { numRuns },
    );
  });
});

describe('a 24/7 calendar is plain elapsed time', () => {
  const always: CalendarConfig['week'] = Object.fromEntries(WEEKDAYS.map((d) => [d, [['00:00', '24:00']]]));
  it.each(ZONES)('in %s', (zone) => {
    const wf = workflowWith({ timeZone: zone, week: always });
    const list = transitions.get(zone)!;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: FROM, max: TO }),
          fc.nat().map((n) => list[n % list.length] ?? FROM),
        ),
        fc.integer({ min: -2 * DAY, max: 2 * DAY }),
        fc.oneof(
          fc.integer({ min: 1, max: 30 * DAY }),
          fc.constantFrom('P1D', 'P1W', 'PT1H', 'P1DT12H', 'P2.5D', 'PT90M'),
        ),
        (anchor, shift, duration) => {
          const start = anchor + shift;
          const ms =
            typeof duration === 'number'
              ? duration
              : { P1D: DAY, P1W: 7 * DAY, PT1H: 3_600_000, P1DT12H: 1.5 * DAY, 'P2.5D': 2.5 * DAY, PT90M: 5_400_000 }[
                  duration
                ]!;
          expect(addBusinessTime(wf, 'cal', start, duration)).toBe(start + ms);
          expect(businessTimeBetween(wf, 'cal', start, start + ms)).toBe(ms);
        },
      ),
      { numRuns: 100 },
    );
  });
});
