import type { Ticket, TimerAnchor } from 'ticket-lifecycle';
import type { PolicyTimes } from './policy-times.js';

/**
 * How the explorer tells two tickets apart: by everything the engine and an intent can read of their future,
 * and nothing else.
 *
 * **The abstraction.** A state is a stored ticket; the next event may come at any time from its `updatedAt` on
 * (earlier ones are refused as stale), so `updatedAt` is the state's "now". Its key is the ticket with
 * - `version` left out (the engine only counts it; it never decides anything),
 * - every time written relative to now (`lastCustomerMessageAt − updatedAt`, `until − updatedAt`, …), and
 * - a time at or before `now − horizon` (the horizon, longer than any duration the policy names)
 *   written as "long ago", unless a repeating reminder counts from it (below).
 *
 * **Why it is sound** (for a policy without business-hours calendars, whose guards read no clock):
 * 1. *Shift.* The engine reads times only to compare them with each other and to add the policy's durations to
 *    them (plain time: `later(t, d) = t + d`); it never reads a clock. So shifting a ticket and an event by the
 *    same δ shifts the answer by δ, effects included: two tickets equal up to a shift have futures equal up to
 *    that shift, and the explorer's events are placed relative to now, so they shift along.
 * 2. *Long ago.* Let `x` be a time older than `now − horizon`. Every timer item still running has a due time at
 *    or after now (the engine's contract: `nextDeadline` is never before `updatedAt`). Its due time is
 *    `max(anchor + delay, floor)`; `anchor + delay ≤ x + longest < now`, so whenever `x` is the anchor, the due
 *    time is the floor (the status entry, or the team's reply that ended a pause), which does not read `x`; a
 *    blocked timer retried after a change is due at `max(…, change + 1)`, again the change. A reopen window
 *    (`within`) counted from an old close has always passed. Old times only ever get older. So which old value
 *    `x` holds changes nothing the engine does, now or later. A *repeating* reminder is the exception: its
 *    repetitions keep the phase of their first due time however old, so while the ticket is in a status where one
 *    runs, its anchors (and the floors) stay exact. Entering any status restarts every timer's floor, so elsewhere
 *    they fold like the rest. `attributesChangedAt` is a floor too (timers with a `when` never act before it)
 *    and folds by the same rule.
 * 3. *Intents* see the tickets themselves: the key is sound for every intent that, like the catalogue's, compares
 *    a ticket's times with each other or with the event's, not with a wall clock, and reads no `version`.
 *
 * With calendars (open time depends on the hour, the weekday, the holidays) or `abstraction: 'exact'`, times
 * are kept as they are: only tickets equal in every field but `version` collapse, which is trivially sound.
 */
export type KeyMode = 'relative' | 'exact';

/** The ticket fields that hold times, with the timer anchor each one is (if any). */
const TIME_FIELDS: Readonly<Record<string, TimerAnchor | null>> = {
  createdAt: 'created',
  updatedAt: null,
  statusChangedAt: 'statusEntered',
  lastCustomerMessageAt: 'lastCustomerMessage',
  lastAgentMessageAt: 'lastAgentMessage',
  lastActivityAt: 'lastActivity',
  closedAt: null,
  resolvedAt: null,
  until: 'until',
};

/**
 * Times that are floors, not anchors: a timer with a `when` never acts before `attributesChangedAt`, and the engine
 * reads it only when it is later than the stay's start (`statusChangedAt`, the floor of every timer). So one at or
 * before the stay's start is written as {@link BEFORE_STAY} whatever its value; a later one is past when old, like
 * an old anchor (argument 2), and folds the same way: everywhere but where a repeat keeps its phase.
 */
const FLOOR_FIELDS: readonly string[] = ['attributesChangedAt'];

/** Written for a floor at or before the stay's start: the stay's own start decides, not the floor. */
const BEFORE_STAY = 'stay';

/** Written for a time older than the horizon. */
const LONG_AGO = 'old';

export type KeyFunction = (ticket: Ticket) => string;

/**
 * The key function for a policy and a horizon (ms). Keys list the field values in the ticket's own field order
 * (the engine returns the contract fields in a fixed order), strings quoted so no separator is ambiguous.
 */
export function stateKey(mode: KeyMode, times: PolicyTimes, horizon: number): KeyFunction {
  const relative = mode === 'relative' && !times.calendars;
  const foldsAlways = (field: string): boolean => {
    const anchor = TIME_FIELDS[field];
    return anchor !== undefined && (times.phaseAnchors === null || anchor === null || !times.phaseAnchors.has(anchor));
  };
  // Outside the statuses that run a repeating reminder, every known time folds; inside, the repeat's anchors do not.
  const foldable = new Set([...Object.keys(TIME_FIELDS), ...FLOOR_FIELDS]);
  const foldableInPhase = new Set(Object.keys(TIME_FIELDS).filter(foldsAlways));
  return (ticket) => {
    const now = ticket.updatedAt;
    const inPhase = times.phaseStatuses.has(ticket.status);
    const folds = inPhase ? foldableInPhase : foldable;
    // Even where a repeat keeps its phase, a time a horizon before the stay began is past for it: the stay's start
    // is the floor of every timer, and `anchor + delay` falls before it.
    const stayOld = ticket.statusChangedAt - horizon;
    const record = ticket as unknown as Record<string, unknown>;
    let key = '';
    for (const field in record) {
      if (field === 'version') continue;
      const value = record[field];
      if (typeof value === 'number') {
        if (relative && FLOOR_FIELDS.includes(field) && value <= ticket.statusChangedAt) key += BEFORE_STAY;
        else if (relative && (field in TIME_FIELDS || field.endsWith('At'))) {
          const offset = value - now;
          const old = offset <= -horizon && (folds.has(field) || (inPhase && field in TIME_FIELDS && value <= stayOld));
          key += old ? LONG_AGO : offset;
        } else key += value;
      } else if (value === null) key += 'n';
      else if (typeof value === 'string') key += JSON.stringify(value);
      else if (field === 'timersFired') key += firedKey(value as Readonly<Record<string, number>>);
      else key += JSON.stringify(value);
      key += '|';
    }
    return key;
  };
}

/** `timersFired` in id order (a ticket may list them in any). */
function firedKey(fired: Readonly<Record<string, number>>): string {
  const ids = Object.keys(fired);
  if (ids.length === 0) return '{}';
  if (ids.length > 1) ids.sort();
  let key = '{';
  for (const id of ids) key += `${JSON.stringify(id)}:${fired[id]},`;
  return `${key}}`;
}
