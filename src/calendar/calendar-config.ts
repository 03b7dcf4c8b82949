/**
 * A day of the week, as calendars name them.
 *
 * @example
 * ```ts
 * import type { Weekday } from 'ticket-lifecycle';
 * const weekend: Weekday[] = ['sat', 'sun'];
 * ```
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * One open stretch of a day, in local wall-clock time: `['09:00', '13:00']` is open from 09:00 up to (not
 * including) 13:00. Times are `HH:MM`, 24-hour; the end may be `'24:00'` (midnight at the end of the day). An
 * interval cannot cross midnight: write `['22:00', '24:00']` on one day and `['00:00', '06:00']` on the next.
 *
 * @example
 * ```ts
 * import type { OpenInterval } from 'ticket-lifecycle';
 * const morning: OpenInterval = ['09:00', '13:00'];
 * ```
 */
export type OpenInterval = readonly [start: string, end: string];

/**
 * Business hours: when a calendar is open, in one IANA time zone. Open time is real elapsed time while the
 * zone's wall clock is inside one of the day's intervals and the local date is not a holiday, so an hour repeated
 * when clocks fall back counts twice and an hour skipped when they spring forward does not count. See
 * `docs/calendars.md`.
 *
 * @example
 * ```ts
 * import type { CalendarConfig } from 'ticket-lifecycle';
 * const rome: CalendarConfig = {
 *   timeZone: 'Europe/Rome',
 *   week: {
 *     mon: [['09:00', '13:00'], ['14:00', '18:00']],
 *     tue: [['09:00', '13:00'], ['14:00', '18:00']],
 *     wed: [['09:00', '13:00'], ['14:00', '18:00']],
 *     thu: [['09:00', '13:00'], ['14:00', '18:00']],
 *     fri: [['09:00', '13:00'], ['14:00', '17:00']],
 *   },
 *   holidays: ['2026-12-25', '2026-12-26'],
 * };
 * ```
 */
export interface CalendarConfig {
  /** An IANA zone the platform's `Intl` knows, like `Europe/Rome` or `America/New_York`. */
  readonly timeZone: string;
  /** Open intervals per weekday; a day left out is closed. At least one day must have one. */
  readonly week: Readonly<Partial<Record<Weekday, readonly OpenInterval[]>>>;
  /** Local dates (`YYYY-MM-DD`) closed all day. */
  readonly holidays?: readonly string[];
}
