import type { CompiledStatus, CompiledTimer, CompiledWorkflow } from '../policy/workflow.js';
import type { Effect } from './effects.js';
import { enterStatus } from './enter-status.js';
import type { Ticket } from './ticket.js';

/** The next thing a status's timers will do, and when. */
export interface DueItem {
  readonly timer: CompiledTimer;
  readonly kind: 'reminder' | 'move';
  readonly dueAt: number;
  /** Which reminder of a move's sequence, or which repetition of a reminder timer. */
  readonly index: number;
}

/**
 * One timer step as applied: the status it ran in and where it left the ticket (the same status for a
 * reminder).
 */
export interface DueStep {
  readonly timer: string;
  readonly kind: 'reminder' | 'move';
  readonly dueAt: number;
  readonly from: string;
  readonly to: string;
}

/**
 * Catching up applies at most this many timer steps at once. Timer cycles are refused when a policy is
 * defined, so only reminders repeating every few minutes over years of downtime can reach it.
 */
export const MAX_CATCH_UP_STEPS = 10_000;

/** The latest of a timer's anchors, or `null` while none of them has happened. */
function anchorTime(timer: CompiledTimer, ticket: Ticket): number | null {
  let latest: number | null = null;
  for (const anchor of timer.anchors) {
    const t =
      anchor === 'statusEntered' ? ticket.statusChangedAt
      : anchor === 'lastCustomerMessage' ? ticket.lastCustomerMessageAt
      : anchor === 'lastAgentMessage' ? ticket.lastAgentMessageAt
      : anchor === 'lastActivity' ? ticket.lastActivityAt
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

/** When `timer` next acts on `ticket`, or `null` if it will not in this stay as things stand. */
function timerDue(timer: CompiledTimer, ticket: Ticket): DueItem | null {
  if (timer.skipWhileCustomerWaits && ticket.awaiting === 'team') return null;
  const anchor = anchorTime(timer, ticket);
  if (anchor === null) return null;
  // Never before the stay began; a paused timer never before the reply that ended the customer's wait.
  let floor = ticket.statusChangedAt;
  if (timer.skipWhileCustomerWaits && ticket.lastAgentMessageAt !== null && ticket.lastAgentMessageAt > floor) {
    floor = ticket.lastAgentMessageAt;
  }
  const fired = firedCount(ticket, timer.id);
  const base = Math.max(anchor + timer.after, floor);
  if (timer.action === 'remind') {
    if (timer.repeatEvery === null) return fired === 0 ? { timer, kind: 'reminder', dueAt: base, index: 0 } : null;
    return { timer, kind: 'reminder', dueAt: base + fired * timer.repeatEvery, index: fired };
  }
  if (fired < timer.reminders.length) {
    const reminderAt = Math.max(anchor + timer.reminders[fired]!, floor);
    // A reminder due at or after its move can never be sent: the move goes first and ends the stay.
    if (reminderAt < base) return { timer, kind: 'reminder', dueAt: reminderAt, index: fired };
  }
  return { timer, kind: 'move', dueAt: base, index: timer.reminders.length };
}

/** The earliest item among a status's timers; ties go to reminders, then to declaration order. */
export function nextDue(status: CompiledStatus, ticket: Ticket): DueItem | null {
  let best: DueItem | null = null;
  for (const timer of status.timers) {
    const item = timerDue(timer, ticket);
    if (item === null) continue;
    if (
      best === null ||
      item.dueAt < best.dueAt ||
      (item.dueAt === best.dueAt && (item.kind === 'reminder' ? 0 : 1) < (best.kind === 'reminder' ? 0 : 1))
    ) {
      best = item;
    }
  }
  return best;
}

/**
 * Applies, in due-time order, every timer item due before `limit` (or at it, when `inclusive`), each stamped with
 * its own due time, exactly as a scheduler that never missed a beat would have. Returns the ticket (the same
 * object when nothing was due) and, in `steps`, what happened.
 */
export function catchUp(
  compiled: CompiledWorkflow,
  ticket: Ticket,
  limit: number,
  inclusive: boolean,
  effects: Effect[] | null,
  steps: DueStep[] | null,
): Ticket {
  let current = ticket;
  let status = compiled.byId.get(current.status)!;
  for (let n = 0; n < MAX_CATCH_UP_STEPS; n++) {
    if (status.timers.length === 0) return current;
    const item = nextDue(status, current);
    if (item === null || item.dueAt > limit || (item.dueAt === limit && !inclusive)) return current;
    const { timer } = item;
    if (item.kind === 'reminder') {
      const { dueAt, index } = timer.repeatEvery === null ? item : latestRepetition(status, current, item, inclusive ? limit : limit - 1);
      current = {
        ...current,
        updatedAt: dueAt,
        timersFired: { ...current.timersFired, [timer.id]: index + 1 },
      };
      effects?.push({ type: 'reminderDue', timer: timer.id, dueAt, status: status.id, index });
      steps?.push({ timer: timer.id, kind: 'reminder', dueAt, from: status.id, to: status.id });
      continue;
    }
    const { dueAt } = item;
    const target = compiled.byId.get(moveTarget(timer, current))!;
    const scratch: Effect[] = effects ?? [];
    const from = status.id;
    current = enterStatus(current, status, target, dueAt, 'system', 'timer', scratch, timer.reason ?? `timer:${timer.id}`);
    if (effects === null) scratch.length = 0;
    effects?.push({ type: 'timerFired', timer: timer.id, dueAt, from, to: target.id });
    steps?.push({ timer: timer.id, kind: 'move', dueAt, from, to: target.id });
    status = target;
  }
  return current;
}

/**
 * A repeating reminder that came due several times while nobody looked fires once, for its latest repetition
 * (its `index` tells how many were missed): nobody wants 500 identical mails after an outage. Repetitions stop at
 * the next other timer's due time, so the ticket still ends exactly where an on-time scheduler leaves it.
 */
function latestRepetition(status: CompiledStatus, ticket: Ticket, item: DueItem, lastTime: number): { dueAt: number; index: number } {
  let horizon = lastTime;
  for (const other of status.timers) {
    if (other === item.timer) continue;
    const due = timerDue(other, ticket);
    if (due !== null && due.dueAt < horizon) horizon = due.dueAt;
  }
  const every = item.timer.repeatEvery!;
  const missed = Math.max(0, Math.floor((horizon - item.dueAt) / every));
  return { dueAt: item.dueAt + missed * every, index: item.index + missed };
}

/** A move timer's target, or for a wake-up the status held before snoozing when `restorePrevious` allows it. */
function moveTarget(timer: CompiledTimer, ticket: Ticket): string {
  const previous = ticket.snoozedFrom;
  if (timer.restore !== null && previous !== null && previous !== ticket.status) {
    if (timer.restore === true || timer.restore.has(previous)) return previous;
  }
  return timer.to!;
}
