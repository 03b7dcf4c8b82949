// An independent reference for open time, built on the Temporal polyfill: Temporal finds the zone's offset
// changes and gives the local dates and weekdays; nothing here shares code with src/calendar.
import { Temporal } from 'temporal-polyfill';
import type { CalendarConfig, Weekday } from 'ticket-lifecycle';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY = 86_400_000;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A calendar as the reference reads it: open minutes per ISO weekday (1 = Monday) and holiday date strings. */
export class TemporalCalendar {
  private readonly open = new Map<number, [number, number][]>();
  private readonly holidays: ReadonlySet<string>;
  /** One business day's worth of open time: a week's open time shared by the weekdays that have some. */
  readonly dayMs: number;

  constructor(private readonly config: CalendarConfig) {
    let week = 0;
    let days = 0;
    WEEKDAYS.forEach((name, i) => {
      const intervals = (config.week[name] ?? []).map(([s, e]) => [minutes(s), minutes(e)] as [number, number]);
      this.open.set(i + 1, intervals);
      week += intervals.reduce((sum, [s, e]) => sum + (e - s) * 60_000, 0);
      if (intervals.length > 0) days++;
    });
    this.dayMs = Math.round(week / days);
    this.holidays = new Set(config.holidays ?? []);
  }

  /** Open ms inside the local wall-clock stretch [x, y), given as ms since 1970-01-01T00:00 local. */
  private openLocal(x: number, y: number, need: number): { used: number; doneAt: number | null } {
    let used = 0;
    for (let midnight = Math.floor(x / DAY) * DAY; midnight < y; midnight += DAY) {
      const date = Temporal.PlainDate.from('1970-01-01').add({ days: midnight / DAY });
      if (this.holidays.has(date.toString())) continue;
      for (const [s, e] of this.open.get(date.dayOfWeek)!) {
        const a = Math.max(x, midnight + s * 60_000);
        const b = Math.min(y, midnight + e * 60_000);
        if (a >= b) continue;
        if (used + (b - a) >= need) return { used: need, doneAt: a + (need - used) };
        used += b - a;
      }
    }
    return { used, doneAt: null };
  }

  /**
   * Walks the zone's stretches of constant offset from `from` (as Temporal reports its transitions) until `to`
   * or until `need` ms of open time have passed.
   */
  private walk(from: number, to: number, need: number): { used: number; doneAt: number | null } {
    let used = 0;
    let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.config.timeZone);
    for (;;) {
      const start = zoned.epochMilliseconds;
      const offset = zoned.offsetNanoseconds / 1e6;
      const next = zoned.getTimeZoneTransition('next');
      const end = Math.min(to, next === null ? to : next.epochMilliseconds);
      const piece = this.openLocal(start + offset, end + offset, need - used);
      if (piece.doneAt !== null) return { used: need, doneAt: piece.doneAt - offset };
      used += piece.used;
      if (end >= to || next === null) return { used, doneAt: null };
      zoned = next;
    }
  }

  between(from: number, to: number): number {
    return to <= from ? 0 : this.walk(from, to, Number.POSITIVE_INFINITY).used;
  }

  add(start: number, ms: number): number {
    if (ms <= 0) return start;
    const { doneAt } = this.walk(start, start + 400 * 7 * DAY, ms);
    if (doneAt === null) throw new Error('reference: not reached within 400 weeks');
    return doneAt;
  }
}
