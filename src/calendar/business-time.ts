import { isTime } from '../policy/time.js';
import type { Duration } from '../policy/duration.js';
import type { Workflow } from '../policy/workflow.js';
import type { CompiledCalendar } from './compiled-calendar.js';

function calendarOf(workflow: Workflow, calendarId: string): CompiledCalendar | undefined {
  return workflow.compiled.calendars.get(calendarId);
}

/**
 * When `duration` of a calendar's open time has passed after `start`: the earliest instant by which that much
 * open time lies behind. Hours, minutes and seconds (and a number of milliseconds) are open time as they are; a
 * day (`P1D`) is one business day's worth of open time (the calendar's open time per week divided by the number
 * of weekdays that have some) and a week (`P1W`) one week's worth, so on a Monday–Friday 09:00–17:00 calendar
 * `P3D` is 24 open hours: three business days, each ending at the same time of day, holidays skipped. On a 24/7
 * calendar this is exactly `start` plus the duration, as for a timer without a calendar. A duration ending where
 * an interval ends gives that end (17:00), not the next opening.
 *
 * Never throws: returns `null` when the calendar id is unknown, `start` is not a whole number of ms in the Date
 * range, the duration is not a positive duration (ISO 8601 like `PT4H`, `P3D`, or whole ms; `0` gives `start`),
 * or the answer lies beyond the Date range.
 *
 * @example
 * ```ts
 * import { addBusinessTime, defineWorkflow } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }],
 *   calendars: {
 *     office: {
 *       timeZone: 'Europe/Rome',
 *       week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
 *     },
 *   },
 * });
 * const friday4pm = Date.parse('2026-03-06T15:00:00Z'); // 16:00 in Rome
 * new Date(addBusinessTime(wf, 'office', friday4pm, 'PT2H')!).toISOString(); // '2026-03-09T09:00:00.000Z': Monday 10:00 in Rome
 * new Date(addBusinessTime(wf, 'office', friday4pm, 'P3D')!).toISOString();  // '2026-03-11T15:00:00.000Z': Wednesday 16:00
 * addBusinessTime(wf, 'nope', friday4pm, 'PT2H'); // null: no such calendar
 * ```
 */
export function addBusinessTime(
  workflow: Workflow,
  calendarId: string,
  start: number,
  duration: Duration,
): number | null {
  const calendar = calendarOf(workflow, calendarId);
  if (calendar === undefined || !isTime(start)) return null;
  if (duration === 0) return start;
  const ms = calendar.duration(duration);
  return ms === null ? null : calendar.add(start, ms);
}

/**
 * How much of a calendar's open time lies between two instants, in ms: the time the calendar's local wall
 * clock spent inside an open interval on a day that is not a holiday, from `from` (included) to `to`
 * (excluded). 0 when `to` is not after `from`. On a 24/7 calendar this is exactly `to - from`.
 *
 * Never throws: returns `null` when the calendar id is unknown or a time is not a whole number of ms in the
 * Date range. At most `Number.MAX_SAFE_INTEGER` (reached only by spans of hundreds of thousands of years).
 *
 * @example
 * ```ts
 * import { businessTimeBetween, defineWorkflow } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }],
 *   calendars: { nyc: { timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } } },
 * });
 * // From Monday 2026-03-02 16:00 to Tuesday 10:00, New York time: 1 h on Monday, 1 h on Tuesday.
 * businessTimeBetween(wf, 'nyc', Date.parse('2026-03-02T21:00:00Z'), Date.parse('2026-03-03T15:00:00Z')); // 7_200_000
 * ```
 */
export function businessTimeBetween(workflow: Workflow, calendarId: string, from: number, to: number): number | null {
  const calendar = calendarOf(workflow, calendarId);
  if (calendar === undefined || !isTime(from) || !isTime(to)) return null;
  return calendar.between(from, to);
}
