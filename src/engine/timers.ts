import type { CompiledStatus, CompiledTimer, CompiledWorkflow } from '../policy/workflow.js';
import type { DueTimer } from './due-timer.js';
import type { Effect } from './effects.js';
import { enterStatus } from './enter-status.js';
import { checkTimerMove } from './guards.js';
import type { TransitionError } from './result.js';
import { copyTicket, type DraftTicket } from './copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import { addRepeats, MAX_SAFE, MAX_TIME, repeatsBetween } from './time.js';
import { setChanges } from './attributes.js';
import { applySet } from './timer-set.js';
import { matchesWhen } from './when.js';

/** The next thing a status's timers will do, and when. */
export interface DueItem {
  readonly timer: CompiledTimer;
  readonly kind: 'reminder' | 'move';
  readonly dueAt: number;
  /** Which reminder of a move's sequence, or which repetition of a reminder timer. */
  readonly index: number;
}

/**
 * A safety bound on catch-up steps. Timer cycles are refused when a policy is defined and reminders fire in one
 * batch per stay, so a catch-up takes at most two steps per status it passes through: this is never reached.
 */
export const MAX_CATCH_UP_STEPS = 10_000;

/**
 * A repeating reminder stops once its count reaches 2^53 − 1, so the count stays a safe integer. Only a reminder
 * repeating every millisecond for some 285,000 years can get there.
 */
const LAST_REPEAT = MAX_SAFE;

/**
 * The latest of a timer's anchors, or `null` while none of them has happened. Indexed loops, here and in
 * {@link nextDue}: `for…of` over the compiled (frozen) lists measured about twice as slow, on every ticket a sweep
 * reads in a timer status.
 */
function anchorTime(timer: CompiledTimer, ticket: Ticket): number | null {
  let latest: number | null = null;
  const anchors = timer.anchors;
  for (let i = 0; i < anchors.length; i++) {
    const anchor = anchors[i];
    const t =
      anchor === 'statusEntered'
        ? ticket.statusChangedAt
        : anchor === 'lastCustomerMessage'
          ? ticket.lastCustomerMessageAt
          : anchor === 'lastAgentMessage'
            ? ticket.lastAgentMessageAt
            : anchor === 'lastActivity'
              ? ticket.lastActivityAt
              : anchor === 'created'
                ? ticket.createdAt
                : ticket.until;
    if (t !== null && (latest === null || t > latest)) latest = t;
  }
  return latest;
}

/** How often a timer fired this stay. Reads only numbers, so an inherited `toString` never counts. */
function firedCount(ticket: Ticket, id: string): number {
  const count = ticket.timersFired[id];
  return typeof count === 'number' ? count : 0;
}

/**
 * The moment a timer's clock counts from, or `null` while it cannot run (its `when` does not match, no anchor yet,
 * or paused while the customer waits). Its floor, the earliest it may act, is {@link timerFloor}: two numbers, no
 * object per timer.
 */
function timerAnchor(timer: CompiledTimer, ticket: Ticket): number | null {
  if (timer.skipWhileCustomerWaits && ticket.awaiting === 'team') return null;
  return matchesWhen(timer.when, ticket) ? anchorTime(timer, ticket) : null;
}

/**
 * Never before the stay began; a paused timer never before the reply that ended the customer's wait; a timer with
 * a `when` never before the last change of attributes (which may be what made it apply).
 */
function timerFloor(timer: CompiledTimer, ticket: Ticket): number {
  let floor = ticket.statusChangedAt;
  const changed = ticket.attributesChangedAt;
  if (timer.when !== null && changed !== null && changed > floor) floor = changed;
  const reply = ticket.lastAgentMessageAt;
  return timer.skipWhileCustomerWaits && reply !== null && reply > floor ? reply : floor;
}

/*
 * A move timer's count in `timersFired` says where it stands in the stay: below its number of reminders, that
 * many were sent; at it, the move is pending; one more, the rules refused the move (blocked: it waits for a
 * change); two more, a change came after the block and the move is tried again 1 ms after that change (after it:
 * every event applies what is due at its own instant first, so a retry at the change's instant would come before it).
 */
const BLOCKED = 1;
const RETRY = 2;

/**
 * When a move timer's move is due, or `null` while it is blocked: at `base` (its `after`, never before its floor),
 * and a retry at the change that armed it.
 */
function moveDueAt(timer: CompiledTimer, base: number, ticket: Ticket, fired: number): number | null {
  const past = fired - timer.reminders.length;
  return past <= 0 ? base : past === BLOCKED ? null : Math.max(base, ticket.updatedAt + 1);
}

/**
 * Never before the ticket's last update: a timer the engine ran on time is never overdue, but one a new policy
 * makes due earlier (a shorter `after`, a new reminder, a migrated ticket) acts at once, at that instant, so the
 * ticket's times never go back (stamped at its own due time, `updatedAt` fell below `lastActivityAt` and every later
 * event was refused as an invalid ticket).
 */
const notBefore = (at: number, ticket: Ticket): number => Math.max(at, ticket.updatedAt);

/**
 * When `timer` next acts on `ticket`, or `null` if it will not in this stay as things stand. A time after
 * `MAX_TIME` is never due: no event can come that late, so such a timer simply never fires (and `nextDeadline`
 * never names a time that `tick` or `evaluateAutoClose` would refuse).
 */
function timerDue(timer: CompiledTimer, ticket: Ticket): DueItem | null {
  const anchor = timerAnchor(timer, ticket);
  if (anchor === null) return null;
  const floor = timerFloor(timer, ticket);
  const fired = firedCount(ticket, timer.id);
  // Anchors are times and durations at most 100 years, so these sums are exact (far below 2^53).
  const base = Math.max(timer.later(anchor, timer.after), floor);
  if (timer.action === 'remind') {
    const dueAt = reminderDueAt(timer, base, fired);
    return dueAt === null ? null : { timer, kind: 'reminder', dueAt: notBefore(dueAt, ticket), index: fired };
  }
  if (fired < timer.reminders.length) {
    const reminderAt = Math.max(timer.later(anchor, timer.reminders[fired]!), floor);
    // A reminder due at or after its move can never be sent: the move goes first and ends the stay.
    if (reminderAt < base && reminderAt <= MAX_TIME)
      return { timer, kind: 'reminder', dueAt: notBefore(reminderAt, ticket), index: fired };
  }
  const dueAt = moveDueAt(timer, base, ticket, fired);
  return dueAt === null || dueAt > MAX_TIME
    ? null
    : { timer, kind: 'move', dueAt: notBefore(dueAt, ticket), index: timer.reminders.length };
}

/**
 * When a reminder timer that fired `fired` times this stay is next due, from `base`: once at `base`, or its
 * repetition number `fired`; `null` when it is done or due after {@link MAX_TIME}.
 */
function reminderDueAt(timer: CompiledTimer, base: number, fired: number): number | null {
  if (timer.repeatEvery === null) return fired === 0 && base <= MAX_TIME ? base : null;
  return fired < LAST_REPEAT ? repeatAt(timer, base, fired, timer.repeatEvery) : null;
}

/**
 * `start` plus `count` repetitions of `every` on the timer's clock (plain time exactly, or a calendar's open
 * time), or `null` after {@link MAX_TIME}.
 */
function repeatAt(timer: CompiledTimer, start: number, count: number, every: number): number | null {
  if (timer.calendar === null) return addRepeats(start, count, every);
  const at = timer.later(start, count * every);
  return at <= MAX_TIME ? at : null;
}

/** The earliest item among a status's timers; ties go to reminders, then to declaration order. */
export function nextDue(status: CompiledStatus, ticket: Ticket): DueItem | null {
  let best: DueItem | null = null;
  const timers = status.timers;
  for (let i = 0; i < timers.length; i++) {
    const item = timerDue(timers[i]!, ticket);
    if (item === null) continue;
    if (
      best === null ||
      item.dueAt < best.dueAt ||
      (item.dueAt === best.dueAt && item.kind === 'reminder' && best.kind === 'move')
    )
      best = item;
  }
  return best;
}

/**
 * Applies, in due-time order, every timer item due at or before `limit`, each stamped with its own due time,
 * exactly as a scheduler that never missed a beat would have. Every event calls this first with its own `at`
 * (the same-instant law: at the very millisecond of a deadline, the timer goes first). Returns the ticket (the
 * same object when nothing was due) and, in `steps`, what happened.
 */
export function catchUp(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  status: CompiledStatus,
  limit: number,
  effects: Effect[] | null,
  steps: DueTimer[] | null,
): Ticket {
  let current = ticket;
  // A status without timers and a policy without SLAs end the loop below: nothing comes due.
  for (let n = 0; n < MAX_CATCH_UP_STEPS; n++) {
    const item = nextDue(status, current);
    // SLA marks and status timers are due at exact times and apply in one time order, so a sweep at any frequency
    // announces the same marks at the same times. A mark goes first at the same instant as the timers' next item:
    // the clock ran until then, and a move at that instant may stop it. (The SLA arithmetic is bound into
    // `compiled.sla` when the policy is compiled; the engine never imports it.)
    const sla = compiled.sla;
    const markAt = sla === null ? null : sla.due(current);
    if (markAt !== null && markAt <= limit && (item === null || item.dueAt >= markAt)) {
      current = sla!.fire(current, markAt, effects, steps);
      continue;
    }
    if (item === null || item.dueAt > limit) return current;
    if (item.kind === 'reminder') {
      current = fireReminders(compiled, status, current, limit, effects, steps);
      continue;
    }
    const { timer, dueAt } = item;
    const target = compiled.byId.get(moveTarget(timer, current))!;
    const from = status.id;
    const refused = refusedMove(current, status, target, timer, dueAt);
    if (refused !== null) {
      // Blocked: its count set one past its reminders, until a change arms a retry (`armBlockedTimers`).
      const next = copyTicket(current);
      next.timersFired = { ...current.timersFired, [timer.id]: timer.reminders.length + BLOCKED };
      next.updatedAt = dueAt;
      current = next;
      effects?.push({
        type: 'timerBlocked',
        timer: timer.id,
        dueAt,
        from,
        to: target.id,
        code: refused.code,
        message: refused.message,
      });
      steps?.push({ timer: timer.id, kind: 'blocked', dueAt, from, to: from });
      continue;
    }
    // A copy per move: `transition` tells by identity whether timers changed the ticket it read.
    current = enterStatus(copyTicket(current), status, target, dueAt, 'system', 'timer', effects, timer.reason);
    effects?.push({ type: 'timerFired', timer: timer.id, dueAt, from, to: target.id });
    if (timer.set !== null) applySet(current as DraftTicket, timer, dueAt, effects);
    steps?.push({ timer: timer.id, kind: 'move', dueAt, from, to: target.id });
    compiled.sla?.sync(current as DraftTicket, dueAt, effects);
    status = target;
  }
  return current;
}

/** A reminder that came due in a catch-up: which timer, when, and which of its repetitions or sequence steps. */
interface FiredReminder {
  readonly timer: CompiledTimer;
  readonly dueAt: number;
  readonly index: number;
}

/** Due-time order; at the same instant, declaration order (a move's reminder sequence keeps its own order). */
const byDueTime = (a: FiredReminder, b: FiredReminder): number => a.dueAt - b.dueAt || a.timer.order - b.timer.order;

/**
 * Fires, in due order, every reminder due by `lastTime` and before the stay's first move and the next SLA mark (at
 * the same instant as either, reminders wait), as one step. A repeating reminder that came due several times while
 * nobody looked fires once, for its latest repetition (its `index` tells how many were missed): nobody wants 500
 * identical mails after an outage. A reminder whose `set` changes the ticket ends the batch, and nothing folds past
 * it: the change decides what applies after it. So the ticket ends exactly where an on-time scheduler leaves it,
 * whatever moments the host ticks at, and a catch-up takes a bounded number of steps however long the outage (the
 * policy reader refuses repeating reminders that undo each other's `set`). One pass over the status's timers to
 * find the limits, one to collect, then one stable sort.
 */
function fireReminders(
  compiled: CompiledWorkflow,
  status: CompiledStatus,
  ticket: Ticket,
  lastTime: number,
  effects: Effect[] | null,
  steps: DueTimer[] | null,
): Ticket {
  const slaAt = compiled.sla === null ? null : compiled.sla.due(ticket);
  let horizon = slaAt === null ? lastTime : Math.min(lastTime, slaAt - 1);
  // The first reminder whose `set` changes the ticket, as (time, declaration order): reminders fold up to it.
  let changeAt = Infinity;
  let changeOrder = 0;
  // Indexed loops over the compiled lists: `for…of` measured about a third of this function's time on a sweep.
  const timers = status.timers;
  for (let i = 0; i < timers.length; i++) {
    const timer = timers[i]!;
    if (timer.action === 'move') {
      const anchor = timerAnchor(timer, ticket);
      const moveAt =
        anchor === null
          ? null
          : moveDueAt(
              timer,
              Math.max(timer.later(anchor, timer.after), timerFloor(timer, ticket)),
              ticket,
              firedCount(ticket, timer.id),
            );
      if (moveAt !== null) horizon = Math.min(horizon, notBefore(moveAt, ticket));
    } else if (changer(timer, ticket)) {
      const at = timerDue(timer, ticket)?.dueAt;
      if (at !== undefined && (at < changeAt || (at === changeAt && timer.order < changeOrder))) {
        changeAt = at;
        changeOrder = timer.order;
      }
    }
  }
  const fired: FiredReminder[] = [];
  for (let i = 0; i < timers.length; i++) {
    const timer = timers[i]!;
    const anchor = timerAnchor(timer, ticket);
    if (anchor === null) continue;
    const floor = timerFloor(timer, ticket);
    const count = firedCount(ticket, timer.id);
    const base = Math.max(timer.later(anchor, timer.after), floor);
    if (timer.action === 'move') {
      for (let k = count; k < timer.reminders.length; k++) {
        const dueAt = Math.max(timer.later(anchor, timer.reminders[k]!), floor);
        if (dueAt >= base || dueAt > horizon) break;
        fired.push({ timer, dueAt: notBefore(dueAt, ticket), index: k });
      }
    } else {
      // Missed repetitions fold into the latest before the first change (or at its instant, when declared before
      // it): the change may decide whether the later ones apply. A one-time or changing reminder never folds.
      const every = timer.repeatEvery;
      const until =
        every === null || changer(timer, ticket)
          ? null
          : Math.min(horizon, timer.order < changeOrder ? changeAt : changeAt - 1);
      const next = reminderDueAt(timer, base, count);
      if (next !== null && next <= (until ?? horizon)) {
        const missed =
          until === null
            ? 0
            : timer.calendar === null
              ? repeatsBetween(next, until, every!)
              : Math.floor(timer.elapsed(next, until) / every!);
        // `next + missed × every` is at most `until`, a time: never null here.
        fired.push({
          timer,
          dueAt: notBefore(missed === 0 ? next : repeatAt(timer, next, missed, every!)!, ticket),
          index: Math.min(count + missed, LAST_REPEAT - 1),
        });
      }
    }
  }
  // A stable sort: an already ordered list (the usual case) costs one compare per reminder and stays as it is.
  fired.sort(byDueTime);
  // A reminder whose `set` changes the ticket ends the batch: the change decides which timers apply after it.
  const setter = fired.findIndex((item) => changer(item.timer, ticket));
  if (setter >= 0) fired.length = setter + 1;
  const next = copyTicket(ticket);
  const counts: Record<string, number> = { ...ticket.timersFired };
  for (let i = 0; i < fired.length; i++) {
    const { timer, dueAt, index } = fired[i]!;
    counts[timer.id] = index + 1;
    next.updatedAt = dueAt;
    effects?.push({ type: 'reminderDue', timer: timer.id, dueAt, status: status.id, index });
    steps?.push({ timer: timer.id, kind: 'reminder', dueAt, from: status.id, to: status.id });
    if (timer.set !== null && timer.action === 'remind') applySet(next, timer, dueAt, effects);
  }
  next.timersFired = counts;
  // A change of priority or group may select another SLA policy, from the change's instant, as an update does.
  if (setter >= 0) compiled.sla?.sync(next, fired[setter]!.dueAt, effects);
  return next;
}

/** A reminder whose `set` would change the ticket. */
const changer = (timer: CompiledTimer, ticket: Ticket): boolean =>
  timer.action === 'remind' && timer.set !== null && setChanges(ticket, timer.set);

/** A move timer's target, or for a wake-up the status held before snoozing when `restorePrevious` allows it. */
export function moveTarget(timer: CompiledTimer, ticket: Ticket): string {
  const previous = ticket.snoozedFrom;
  if (timer.restore !== null && previous !== null && previous !== ticket.status) {
    if (timer.restore === true || timer.restore.has(previous)) return previous;
  }
  return timer.to!;
}

/**
 * Why the rules refuse a timer its move, or `null`: a timer acts as the system and passes the same rules as a
 * system event making the same move, unless it opts out with `bypassGuards`
 * (test/engine/no-path-around-guards.test.ts).
 */
export function refusedMove(
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  timer: CompiledTimer,
  dueAt: number,
): TransitionError | null {
  // Most timer moves are allowed by a rule without conditions, known when the policy was compiled.
  if (timer.bypassGuards || (to.id === timer.to && from.freeTimers.has(timer))) return null;
  return checkTimerMove(ticket, from, to, dueAt, timer.reason!);
}

/**
 * After an event changed the ticket (`ticket` is a fresh copy made for it): every move timer of its status that
 * the rules blocked is tried again at the event's time, for the change may be what it waited for (an assignee, a
 * reply, a guard's field). Ticks arm nothing, so how often the host sweeps still changes nothing.
 */
export function armBlockedTimers(status: CompiledStatus, ticket: Ticket): void {
  let counts: Record<string, number> | null = null;
  for (const timer of status.timers) {
    if (timer.action !== 'move' || firedCount(ticket, timer.id) !== timer.reminders.length + BLOCKED) continue;
    counts ??= { ...ticket.timersFired };
    counts[timer.id] = timer.reminders.length + RETRY;
  }
  if (counts !== null) (ticket as { timersFired: Readonly<Record<string, number>> }).timersFired = counts;
}
