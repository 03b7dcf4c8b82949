import { describe, expect, it } from 'vitest';
import { validateWorkflow } from 'ticket-lifecycle';

const statuses = [
  { id: 'open', category: 'open' },
  { id: 'closed', category: 'closed' },
];
const issuesOf = (config: unknown) => {
  const result = validateWorkflow(config);
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }));
};

describe('calendars in a policy', () => {
  it('accepts a valid calendar and a timer counting its open time', () => {
    const result = validateWorkflow({
      statuses,
      calendars: {
        office: {
          timeZone: 'America/New_York',
          week: {
            mon: [
              ['14:00', '18:00'],
              ['09:00', '13:00'],
            ],
            fri: [
              ['09:00', '13:00'],
              ['13:00', '24:00'],
            ],
          },
          holidays: ['2026-07-03'],
        },
      },
      timers: [{ id: 'close', in: 'open', after: 'P3D', action: 'move', to: 'closed', calendar: 'office' }],
    });
    expect(result.ok).toBe(true);
  });

  it('reports every problem at once, each with its code and path', () => {
    expect(
      issuesOf({
        statuses,
        calendars: {
          zoneless: { week: { mon: [['09:00', '17:00']] } },
          mars: { timeZone: 'Mars/Olympus_Mons', week: { mon: [['09:00', '17:00']] } },
          bad: {
            timeZone: 'Europe/Rome',
            week: {
              mon: [
                ['09:00', '13:00'],
                ['12:00', '18:00'],
              ],
              tue: [['17:00', '09:00']],
              wed: [
                ['9:00', '17:00'],
                ['10:00', '24:01'],
              ],
              thu: [['24:00', '24:00']],
              fri: ['09:00'],
              someday: [],
            },
            holidays: ['2026-02-30', '25/12/2026', 20261225],
            color: 'red',
          },
          closed: { timeZone: 'UTC', week: {} },
          weekless: { timeZone: 'UTC' },
        },
        timers: [
          { id: 'a', in: 'open', after: 'PT4H', action: 'move', to: 'closed', calendar: 'nowhere' },
          { id: 'b', in: 'open', after: 'PT4H', action: 'remind', calendar: 'bad' },
        ],
      }),
    ).toEqual([
      { path: 'calendars.zoneless.timeZone', code: 'missingField' },
      { path: 'calendars.mars.timeZone', code: 'unknownTimeZone' },
      { path: 'calendars.bad.color', code: 'unexpectedField' },
      { path: 'calendars.bad.week.someday', code: 'unexpectedField' },
      { path: 'calendars.bad.week.mon[1]', code: 'overlappingIntervals' },
      { path: 'calendars.bad.week.tue[0]', code: 'invalidInterval' },
      { path: 'calendars.bad.week.wed[0][0]', code: 'invalidTime' },
      { path: 'calendars.bad.week.wed[1][1]', code: 'invalidTime' },
      { path: 'calendars.bad.week.thu[0][0]', code: 'invalidTime' },
      { path: 'calendars.bad.week.fri[0]', code: 'invalidType' },
      { path: 'calendars.bad.holidays[0]', code: 'invalidDate' },
      { path: 'calendars.bad.holidays[1]', code: 'invalidDate' },
      { path: 'calendars.bad.holidays[2]', code: 'invalidDate' },
      { path: 'calendars.closed.week', code: 'emptyCalendar' },
      { path: 'calendars.weekless.week', code: 'missingField' },
      // A timer naming a calendar that has problems is not also told the calendar does not exist.
      { path: 'timers[0].calendar', code: 'unknownCalendar' },
    ]);
  });

  it('catches an empty interval, overlaps written out of order or repeated, and dates no calendar has', () => {
    expect(
      issuesOf({
        statuses,
        calendars: {
          office: {
            timeZone: 'UTC',
            week: {
              mon: [['09:00', '09:00']],
              tue: [
                ['12:00', '18:00'],
                ['09:00', '12:30'],
              ],
              wed: [
                ['09:00', '17:00'],
                ['09:00', '17:00'],
              ],
              thu: [
                ['00:00', '24:00'],
                ['23:59', '24:00'],
              ],
            },
            holidays: ['2025-02-29', '2026-13-01', '2026-04-31', '2024-02-29'],
          },
        },
      }),
    ).toEqual([
      { path: 'calendars.office.week.mon[0]', code: 'invalidInterval' },
      { path: 'calendars.office.week.tue[0]', code: 'overlappingIntervals' }, // the one starting inside the other
      { path: 'calendars.office.week.wed[1]', code: 'overlappingIntervals' },
      { path: 'calendars.office.week.thu[1]', code: 'overlappingIntervals' },
      { path: 'calendars.office.holidays[0]', code: 'invalidDate' },
      { path: 'calendars.office.holidays[1]', code: 'invalidDate' },
      { path: 'calendars.office.holidays[2]', code: 'invalidDate' },
    ]);
  });

  it('refuses calendars that are not objects and ids that are not ids', () => {
    expect(issuesOf({ statuses, calendars: [] })).toEqual([{ path: 'calendars', code: 'invalidType' }]);
    expect(
      issuesOf({ statuses, calendars: { 'no spaces': { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } } } }),
    ).toEqual([{ path: 'calendars.no spaces', code: 'invalidId' }]);
  });

  it("counts a calendar timer's durations in open time, and refuses those that are not durations", () => {
    expect(
      issuesOf({
        statuses,
        calendars: { office: { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } } },
        timers: [
          { id: 'a', in: 'open', after: 'P1M', action: 'move', to: 'closed', calendar: 'office', reminders: ['soon'] },
        ],
      }),
    ).toEqual([
      { path: 'timers[0].after', code: 'invalidDuration' },
      { path: 'timers[0].reminders[0]', code: 'invalidDuration' },
    ]);
  });
});

describe('hostile calendars', () => {
  it('a __proto__ key is reported, never read through the prototype', () => {
    const config = JSON.parse(
      '{"statuses":[{"id":"open","category":"open"}],"calendars":{"__proto__":{"timeZone":"UTC","week":{"mon":[["09:00","17:00"]]}}}}',
    );
    expect(issuesOf(config)).toEqual([{ path: 'calendars.__proto__', code: 'reservedId' }]);
  });
});
