import { compileCalendar, type CompiledCalendar } from '../calendar/compiled-calendar.js';
import type { Weekday } from '../calendar/calendar-config.js';
import { zoneOffsets } from '../calendar/zone-offsets.js';
import { join, own, type Obj, type Reader } from './reader.js';
import { POLICY_LIMITS } from './limits.js';

const CALENDAR_FIELDS = ['timeZone', 'week', 'holidays'] as const;
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Reads `calendars`: each id's zone, open intervals per weekday and holidays, every problem reported at once.
 * A declared calendar with problems maps to `null`, so timers naming it are not also told it does not exist.
 */
export function compileCalendars(reader: Reader, value: unknown): Map<string, CompiledCalendar | null> {
  const calendars = new Map<string, CompiledCalendar | null>();
  if (value === undefined) return calendars;
  const ids = typeof value === 'object' && value !== null ? Object.keys(value) : [];
  const root = reader.object(value, 'calendars', ids);
  if (root === null) return calendars;
  if (ids.length > POLICY_LIMITS.maxCalendars) {
    const limit = `at most ${POLICY_LIMITS.maxCalendars} are allowed (POLICY_LIMITS.maxCalendars)`;
    reader.report('calendars', 'tooMany', `${ids.length} calendars; ${limit}`);
    return calendars;
  }
  for (const rawId of ids) {
    const path = join('calendars', rawId);
    const id = reader.id(rawId, path, 'calendar');
    const obj = reader.object(own(root, rawId), path, CALENDAR_FIELDS);
    if (id !== null) calendars.set(id, null);
    if (obj === null) continue;
    const zone = readZone(reader, obj, path);
    const week = readWeek(reader, own(obj, 'week'), join(path, 'week'));
    const holidays = readHolidays(reader, own(obj, 'holidays'), join(path, 'holidays'));
    if (id !== null && zone !== null && week !== null)
      calendars.set(id, compileCalendar(id, zone.name, zone.offsets, week, holidays));
  }
  return calendars;
}

function readZone(
  reader: Reader,
  obj: Obj,
  path: string,
): { name: string; offsets: NonNullable<ReturnType<typeof zoneOffsets>> } | null {
  if (own(obj, 'timeZone') === undefined) {
    reader.report(
      join(path, 'timeZone'),
      'missingField',
      'a calendar needs a "timeZone" (an IANA zone like "Europe/Rome")',
    );
    return null;
  }
  const name = reader.string(obj, 'timeZone', path);
  if (name === null) return null;
  const offsets = zoneOffsets(name);
  if (offsets === null)
    reader.report(
      join(path, 'timeZone'),
      'unknownTimeZone',
      `${JSON.stringify(name)} is not a time zone this platform knows`,
    );
  return offsets === null ? null : { name, offsets };
}

/**
 * Per weekday, Monday first, the open intervals as sorted `[start, end, …]` ms after local midnight; `null` when
 * unusable.
 */
function readWeek(reader: Reader, value: unknown, path: string): number[][] | null {
  if (value === undefined) {
    reader.report(path, 'missingField', 'a calendar needs a "week" of open intervals');
    return null;
  }
  const obj = reader.object(value, path, WEEKDAYS);
  if (obj === null) return null;
  let valid = true;
  const week = WEEKDAYS.map((weekday) => {
    const dayPath = join(path, weekday);
    const intervals: { start: number; end: number; path: string }[] = [];
    reader.array(own(obj, weekday), dayPath, POLICY_LIMITS.maxListLength, 'maxListLength').forEach((raw, i) => {
      const interval = readInterval(reader, raw, join(dayPath, i));
      if (interval === null) valid = false;
      else intervals.push({ ...interval, path: join(dayPath, i) });
    });
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 1; i < intervals.length; i++) {
      const [before, current] = [intervals[i - 1]!, intervals[i]!];
      if (current.start < before.end) {
        reader.report(
          current.path,
          'overlappingIntervals',
          `overlaps ${before.path}: open intervals of a day must not overlap`,
        );
        valid = false;
      }
    }
    return intervals.flatMap(({ start, end }) => [start, end]);
  });
  if (valid && week.every((open) => open.length === 0)) {
    reader.report(path, 'emptyCalendar', 'a calendar must be open some time in the week');
    return null;
  }
  return valid ? week : null;
}

function readInterval(reader: Reader, raw: unknown, path: string): { start: number; end: number } | null {
  if (!Array.isArray(raw) || raw.length !== 2) {
    reader.report(path, 'invalidType', "an open interval is a pair of times like ['09:00', '17:00']");
    return null;
  }
  const start = readTime(reader, raw[0], join(path, 0), false);
  const end = readTime(reader, raw[1], join(path, 1), true);
  if (start === null || end === null) return null;
  if (start >= end) {
    reader.report(
      path,
      'invalidInterval',
      `${String(raw[0])}–${String(raw[1])} is empty or inverted: an interval ends after it starts, on the same day`,
    );
    return null;
  }
  return { start, end };
}

/** `HH:MM` as ms after midnight; `24:00` only as an end. */
function readTime(reader: Reader, raw: unknown, path: string, isEnd: boolean): number | null {
  if (isEnd && raw === '24:00') return DAY_MS;
  const match = typeof raw === 'string' ? TIME.exec(raw) : null;
  if (match === null) {
    reader.report(
      path,
      'invalidTime',
      `${JSON.stringify(raw)} is not a time of day "HH:MM" (00:00–23:59${isEnd ? ", or '24:00' to end at midnight" : ''})`,
    );
    return null;
  }
  return (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
}

/** Holidays as local days since 1970-01-01. */
function readHolidays(reader: Reader, value: unknown, path: string): Set<number> {
  const days = new Set<number>();
  reader.array(value, path, POLICY_LIMITS.maxListLength, 'maxListLength').forEach((raw, i) => {
    const match = typeof raw === 'string' ? DATE.exec(raw) : null;
    const [year, month, day] = match === null ? [0, 0, 0] : [Number(match[1]), Number(match[2]), Number(match[3])];
    // Date.UTC rolls over (Feb 30 → Mar 2): a real date is one that comes back unchanged.
    const ms = Date.UTC(year, month - 1, day);
    const date = new Date(ms);
    if (match === null || year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      reader.report(join(path, i), 'invalidDate', `${JSON.stringify(raw)} is not a date "YYYY-MM-DD"`);
      return;
    }
    days.add(ms / DAY_MS);
  });
  return days;
}
