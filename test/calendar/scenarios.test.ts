// Days when clocks change, zones with odd offsets, holidays, and what a business day means. Clock changes as
// published in the IANA tz database (https://www.iana.org/time-zones), e.g. Italy and the US in 2026
// (https://www.timeanddate.com/time/change/italy/rome?year=2026, https://www.timeanddate.com/time/change/usa/new-york?year=2026).
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, defineWorkflow, type CalendarConfig } from 'ticket-lifecycle';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const withCalendar = (config: CalendarConfig) =>
  defineWorkflow({ statuses: [{ id: 'open', category: 'open' }], calendars: { cal: config } });
const officeDay = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
] as const;
const rome = withCalendar({
  timeZone: 'Europe/Rome',
  week: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
  holidays: ['2026-12-25'],
});

describe('days when clocks change', () => {
  it('Rome, 29 March 2026: 02:00 jumps to 03:00, so 01:00–04:00 holds 2 open hours', () => {
    const wf = withCalendar({ timeZone: 'Europe/Rome', week: { sun: [['01:00', '04:00']] } });
    expect(businessTimeBetween(wf, 'cal', at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(2 * HOUR);
    // 60 min before the jump (01:00–02:00 CET), 30 after it: 03:30 CEST.
    expect(iso(addBusinessTime(wf, 'cal', at('2026-03-28T12:00:00Z'), 'PT90M'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('Rome, 25 October 2026: 03:00 falls back to 02:00, so 01:00–04:00 holds 4 open hours', () => {
    const wf = withCalendar({ timeZone: 'Europe/Rome', week: { sun: [['01:00', '04:00']] } });
    expect(businessTimeBetween(wf, 'cal', at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(4 * HOUR);
    // 01:00 CEST is 23:00Z the day before; four real hours later it is 03:00Z, 04:00 CET.
    expect(iso(addBusinessTime(wf, 'cal', at('2026-10-24T12:00:00Z'), 'PT4H'))).toBe('2026-10-25T03:00:00.000Z');
  });

  it('New York, 8 March and 1 November 2026: a whole open Sunday lasts 23 and 25 hours', () => {
    const wf = withCalendar({ timeZone: 'America/New_York', week: { sun: [['00:00', '24:00']] } });
    expect(businessTimeBetween(wf, 'cal', at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z'))).toBe(23 * HOUR);
    expect(businessTimeBetween(wf, 'cal', at('2026-10-31T00:00:00Z'), at('2026-11-03T00:00:00Z'))).toBe(25 * HOUR);
  });

  it('New York office hours are 09:00 local on either side of the change', () => {
    const wf = withCalendar({
      timeZone: 'America/New_York',
      week: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] },
    });
    // Friday 16:00 EST + 2 open hours = Monday 10:00 EDT (14:00Z).
    expect(iso(addBusinessTime(wf, 'cal', at('2026-03-06T21:00:00Z'), 'PT2H'))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('Apia skipped Friday 30 December 2011 altogether: a Friday-only calendar had no open time that week', () => {
    const wf = withCalendar({ timeZone: 'Pacific/Apia', week: { fri: [['00:00', '24:00']] } });
    expect(businessTimeBetween(wf, 'cal', at('2011-12-26T10:00:00Z'), at('2012-01-01T10:00:00Z'))).toBe(0);
    expect(businessTimeBetween(wf, 'cal', at('2011-12-19T10:00:00Z'), at('2011-12-26T10:00:00Z'))).toBe(24 * HOUR);
  });

  it('Kathmandu is UTC+05:45: 09:00 there is 03:15Z', () => {
    const wf = withCalendar({ timeZone: 'Asia/Kathmandu', week: { mon: [['09:00', '17:00']] } });
    expect(iso(addBusinessTime(wf, 'cal', at('2026-01-04T12:00:00Z'), 'PT1M'))).toBe('2026-01-05T03:16:00.000Z');
  });
});

describe('business days, holidays and interval ends', () => {
  it('a duration that runs out where an interval ends ends there, not at the next opening', () => {
    // Friday 2026-03-06 16:00 in Rome (15:00Z) + 2 h = 18:00 (17:00Z).
    expect(iso(addBusinessTime(rome, 'cal', at('2026-03-06T15:00:00Z'), 'PT2H'))).toBe('2026-03-06T17:00:00.000Z');
    expect(iso(addBusinessTime(rome, 'cal', at('2026-03-06T15:00:00Z'), 'PT2H1M'))).toBe('2026-03-09T08:01:00.000Z');
  });

  it('the lunch break does not count', () => {
    expect(businessTimeBetween(rome, 'cal', at('2026-03-02T11:00:00Z'), at('2026-03-02T14:00:00Z'))).toBe(2 * HOUR);
  });

  it('JSM "auto-close 3 business days after resolved": P3D from Tuesday 15:00 is Friday 15:00', () => {
    // https://support.atlassian.com/ja/jira-service-management-cloud/docs/auto-close-incidents-after-they-are-resolved
    expect(iso(addBusinessTime(rome, 'cal', at('2026-03-03T14:00:00Z'), 'P3D'))).toBe('2026-03-06T14:00:00.000Z');
    // Resolved on Saturday: three whole business days, so the end of Wednesday.
    expect(iso(addBusinessTime(rome, 'cal', at('2026-03-07T10:00:00Z'), 'P3D'))).toBe('2026-03-11T17:00:00.000Z');
    // P1W is a week's worth of open time: five business days here.
    expect(addBusinessTime(rome, 'cal', at('2026-03-03T14:00:00Z'), 'P1W')).toBe(
      addBusinessTime(rome, 'cal', at('2026-03-03T14:00:00Z'), 'P5D'),
    );
  });

  it('a holiday is closed all day: Thursday 24 December 17:00 + 2 h is Monday 28 December 10:00', () => {
    expect(iso(addBusinessTime(rome, 'cal', at('2026-12-24T16:00:00Z'), 'PT2H'))).toBe('2026-12-28T09:00:00.000Z');
    expect(businessTimeBetween(rome, 'cal', at('2026-12-25T00:00:00Z'), at('2026-12-26T00:00:00Z'))).toBe(0);
  });

  it('an interval ending at 24:00 runs on into one starting at 00:00 the next day', () => {
    const wf = withCalendar({ timeZone: 'UTC', week: { mon: [['22:00', '24:00']], tue: [['00:00', '02:00']] } });
    expect(iso(addBusinessTime(wf, 'cal', at('2026-03-02T22:00:00Z'), 'PT3H'))).toBe('2026-03-03T01:00:00.000Z');
  });
});

describe('bad input gives values, never exceptions', () => {
  const start = at('2026-03-02T10:00:00Z');
  it.each([
    ['an unknown calendar', () => addBusinessTime(rome, 'nope', start, 'PT1H')],
    ['a start that is not a time', () => addBusinessTime(rome, 'cal', Number.NaN, 'PT1H')],
    ['a start outside the Date range', () => addBusinessTime(rome, 'cal', 9e15, 'PT1H')],
    ['a duration that is not one', () => addBusinessTime(rome, 'cal', start, 'P1M')],
    ['a negative duration', () => addBusinessTime(rome, 'cal', start, -5)],
    ['an answer beyond the Date range', () => addBusinessTime(rome, 'cal', 8.64e15 - HOUR, 'P3D')],
    ['an unknown calendar (between)', () => businessTimeBetween(rome, 'nope', start, start + HOUR)],
    ['a time that is not one (between)', () => businessTimeBetween(rome, 'cal', start, Number.POSITIVE_INFINITY)],
  ])('%s: null', (_name, call) => {
    expect(call()).toBeNull();
  });

  it('zero open time is the start itself; a range that ends before it starts holds none', () => {
    expect(addBusinessTime(rome, 'cal', start, 0)).toBe(start);
    expect(businessTimeBetween(rome, 'cal', start, start - HOUR)).toBe(0);
  });

  it('works at the ends of the Date range', () => {
    const always = withCalendar({
      timeZone: 'Europe/Rome',
      week: {
        mon: [['00:00', '24:00']],
        tue: [['00:00', '24:00']],
        wed: [['00:00', '24:00']],
        thu: [['00:00', '24:00']],
        fri: [['00:00', '24:00']],
        sat: [['00:00', '24:00']],
        sun: [['00:00', '24:00']],
      },
    });
    expect(addBusinessTime(always, 'cal', -8.64e15, 'PT1H')).toBe(-8.64e15 + HOUR);
    expect(addBusinessTime(always, 'cal', 8.64e15 - HOUR, 'PT1H')).toBe(8.64e15);
  });
});
