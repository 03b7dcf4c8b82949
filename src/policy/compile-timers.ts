import type { CompiledCalendar } from '../calendar/compiled-calendar.js';
import type { TimerAnchor } from './config.js';
import { parseDuration } from './duration.js';
import { compileSet, compileWhen } from './compile-when.js';
import { FrozenSet } from './frozen.js';
import { POLICY_LIMITS } from './limits.js';
import { join, own, type Reader } from './reader.js';
import { reportSetConflicts } from './set-conflicts.js';
import { timerTargets } from './timer-targets.js';
import type { CompiledTimer } from './workflow.js';

const ANCHORS: readonly TimerAnchor[] = [
  'statusEntered',
  'lastCustomerMessage',
  'lastAgentMessage',
  'lastActivity',
  'until',
  'created',
];
const TIMER_FIELDS = [
  'id',
  'in',
  'inCategory',
  'since',
  'from',
  'after',
  'skipWhileCustomerWaits',
  'action',
  'repeatEvery',
  'to',
  'restorePrevious',
  'reminders',
  'reason',
  'bypassGuards',
  'calendar',
  'when',
  'set',
] as const;

/**
 * Reads `timers` and files each under the statuses it runs in, in declaration order. Refuses self-loops and
 * cycles of timer moves: a ticket that timers alone bounce around forever is never what a team means, and it
 * would make catching up after a long outage unbounded.
 */
export function compileTimers(
  reader: Reader,
  value: unknown,
  calendars: ReadonlyMap<string, CompiledCalendar | null>,
): Map<string, CompiledTimer[]> {
  const byStatus = new Map<string, CompiledTimer[]>();
  const ids = new Set<string>();
  // Once a status runs too many timers, the rest are left unread: the policy is refused anyway, and reading on
  // would cost every later timer's statuses again.
  let crowded = false;
  reader.array(value, 'timers', POLICY_LIMITS.maxTimers, 'maxTimers').forEach((raw, order) => {
    if (crowded) return;
    const path = join('timers', order);
    const obj = reader.object(raw, path, TIMER_FIELDS);
    if (obj === null) return;
    const id = reader.id(own(obj, 'id'), join(path, 'id'), 'timer');
    if (id !== null && ids.has(id)) reader.report(join(path, 'id'), 'duplicateId', `timer "${id}" is defined twice`);
    if (id !== null) ids.add(id);
    const statuses = reader.selection(obj, 'in', 'inCategory', path);
    if (statuses === null)
      reader.report(path, 'missingField', 'say which statuses the timer runs in ("in" or "inCategory")');

    // Before 0.1 the anchor was called `from`, which names statuses everywhere else in a policy.
    if (own(obj, 'from') !== undefined) {
      reader.report(join(path, 'from'), 'renamedField', 'a timer counts "since" a moment: rename "from" to "since"');
    }
    const rawAnchors = own(obj, 'since') ?? 'statusEntered';
    const listed = reader.oneOrMany(rawAnchors, join(path, 'since'));
    // Each moment once: the engine takes the latest of them, and a repeated one changes nothing.
    const anchors = [
      ...new Set(
        listed.filter((a, i): a is TimerAnchor => {
          if ((ANCHORS as readonly unknown[]).includes(a)) return true;
          reader.report(
            join(path, Array.isArray(rawAnchors) ? `since[${i}]` : 'since'),
            'unknownAnchor',
            `since must be one of ${ANCHORS.join(', ')}`,
          );
          return false;
        }),
      ),
    ];
    if (anchors.length === 0 && listed.length === 0 && Array.isArray(rawAnchors) && rawAnchors.length === 0) {
      reader.report(join(path, 'since'), 'emptySelector', 'names no moment');
    }
    const calendar = readCalendar(reader, obj, path, calendars);
    // On a calendar, durations are open time: days and weeks count the calendar's business days and weeks.
    const parse = calendar === null ? parseDuration : calendar.duration;
    const after = reader.duration(obj, 'after', path, parse);
    const onlyUntil = anchors.length > 0 && anchors.every((a) => a === 'until');
    if (own(obj, 'after') === undefined && !onlyUntil)
      reader.report(join(path, 'after'), 'missingField', 'a timer needs "after" unless it counts from "until"');

    const action = own(obj, 'action');
    if (action !== 'remind' && action !== 'move') {
      reader.report(join(path, 'action'), 'unknownAction', 'action must be "remind" or "move"');
      return;
    }
    const to = action === 'move' ? readTarget(reader, obj, path) : null;
    const restore = action === 'move' ? readRestore(reader, obj, path) : null;
    const reminders = action === 'move' ? readReminders(reader, obj, path, parse) : [];
    const repeatEvery = action === 'remind' ? reader.duration(obj, 'repeatEvery', path, parse) : null;
    for (const key of action === 'remind'
      ? ['to', 'restorePrevious', 'reminders', 'reason', 'bypassGuards']
      : ['repeatEvery']) {
      if (own(obj, key) !== undefined)
        reader.report(join(path, key), 'unexpectedField', `"${key}" does not go with action ${action}`);
    }
    const reason = reader.string(obj, 'reason', path);
    if (to !== null && statuses?.has(to) === true) {
      reader.report(join(path, 'to'), 'timerSelfLoop', `timer moves "${to}" to itself`);
    }
    if (id === null || statuses === null) return;
    const timer: CompiledTimer = {
      id,
      anchors,
      after: after ?? 0,
      skipWhileCustomerWaits: reader.boolean(obj, 'skipWhileCustomerWaits', path),
      action,
      to,
      restore,
      reminders,
      repeatEvery,
      // The close reason its move records, decided once: the policy's, or the timer's id.
      reason: action === 'move' ? (reason ?? `timer:${id}`) : null,
      bypassGuards: reader.boolean(obj, 'bypassGuards', path),
      order,
      calendar,
      ...clockOf(calendar),
      when: compileWhen(reader, obj, path),
      set: compileSet(reader, obj, path),
    };
    for (const status of statuses) {
      const list = byStatus.get(status);
      if (list === undefined) byStatus.set(status, [timer]);
      else if (list.length < POLICY_LIMITS.maxTimersPerStatus) list.push(timer);
      else {
        crowded = true;
        reader.report(
          path,
          'tooMany',
          `"${status}" would run more than ${POLICY_LIMITS.maxTimersPerStatus} timers (POLICY_LIMITS.maxTimersPerStatus); later timers are not checked`,
        );
        return;
      }
    }
  });
  if (!crowded) reportCycles(reader, byStatus);
  if (!crowded) reportSetConflicts(reader, byStatus);
  return byStatus;
}

function readTarget(reader: Reader, obj: Readonly<Record<string, unknown>>, path: string): string | null {
  if (own(obj, 'to') === undefined) {
    reader.report(join(path, 'to'), 'missingField', 'a move needs "to"');
    return null;
  }
  return reader.status(own(obj, 'to'), join(path, 'to'));
}

function readRestore(
  reader: Reader,
  obj: Readonly<Record<string, unknown>>,
  path: string,
): true | ReadonlySet<string> | null {
  const raw = own(obj, 'restorePrevious');
  if (raw === undefined || raw === false) return null;
  if (raw === true) return true;
  const set = new Set<string>();
  reader.oneOrMany(raw, join(path, 'restorePrevious')).forEach((s, i) => {
    const id = reader.status(s, join(path, Array.isArray(raw) ? `restorePrevious[${i}]` : 'restorePrevious'));
    if (id !== null) set.add(id);
  });
  return new FrozenSet(set);
}

const plainLater = (start: number, ms: number): number => start + ms;
const plainElapsed = (from: number, to: number): number => to - from;

/** A timer's clock: plain time, or a calendar's open time (see `CompiledTimer.later`). */
export function clockOf(calendar: CompiledCalendar | null): Pick<CompiledTimer, 'later' | 'elapsed'> {
  if (calendar === null) return { later: plainLater, elapsed: plainElapsed };
  return {
    later: (start, ms) => calendar.add(start, ms) ?? Number.MAX_SAFE_INTEGER,
    elapsed: (from, to) => (to < from ? -1 : calendar.between(from, to)),
  };
}

export function readCalendar(
  reader: Reader,
  obj: Readonly<Record<string, unknown>>,
  path: string,
  calendars: ReadonlyMap<string, CompiledCalendar | null>,
): CompiledCalendar | null {
  const id = reader.string(obj, 'calendar', path);
  if (id === null) return null;
  const calendar = calendars.get(id);
  if (!calendars.has(id))
    reader.report(join(path, 'calendar'), 'unknownCalendar', `no calendar "${id}" in "calendars"`);
  return calendar ?? null;
}

function readReminders(
  reader: Reader,
  obj: Readonly<Record<string, unknown>>,
  path: string,
  parse: (value: unknown) => number | null,
): number[] {
  const list = reader.array(own(obj, 'reminders'), join(path, 'reminders'), POLICY_LIMITS.maxReminders, 'maxReminders');
  const out: number[] = [];
  list.forEach((d, i) => {
    const ms = parse(d);
    if (ms === null)
      reader.report(
        join(path, `reminders[${i}]`),
        'invalidDuration',
        `${JSON.stringify(d)} is not a positive duration`,
      );
    else out.push(ms);
  });
  return out.sort((a, b) => a - b);
}

/** Depth-first search over "a timer of status A moves to B" edges; reports the first cycle it meets. */
function reportCycles(reader: Reader, byStatus: ReadonlyMap<string, readonly CompiledTimer[]>): void {
  const edges = (status: string): string[] =>
    (byStatus.get(status) ?? []).flatMap(timerTargets).filter((s) => s !== status);
  const state = new Map<string, 'visiting' | 'done'>();
  // One trail shared by the whole search (pushed and popped), so a long chain costs its length, not its square.
  const trail: string[] = [];
  const visit = (status: string): boolean => {
    if (state.get(status) === 'done') return false;
    if (state.get(status) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(status)), status];
      reader.report('timers', 'timerCycle', `timers alone move tickets in a loop: ${cycle.join(' → ')}`);
      return true;
    }
    state.set(status, 'visiting');
    trail.push(status);
    for (const next of edges(status)) if (visit(next)) return true;
    trail.pop();
    state.set(status, 'done');
    return false;
  };
  for (const status of byStatus.keys()) if (visit(status)) return;
}
