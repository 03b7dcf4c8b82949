import type { Actor } from '../model/actor.js';
import { isDone } from '../policy/category.js';
import type { CompiledStatus } from '../policy/workflow.js';
import type { Effect, EffectCause } from './effects.js';
import type { DraftTicket } from './copy-ticket.js';

/** Shared, frozen: most tickets have fired no timer in their current stay, so they all point here. */
export const NO_TIMERS_FIRED: Readonly<Record<string, number>> = /* @__PURE__ */ Object.freeze({});

/**
 * Moves `next` (a copy this call made, edited in place: never a caller's input) from its status to `to` at `at`,
 * keeping every derived field right in one place: the stay
 * (status time, fired timers, `until`), snooze memory, resolve/close stamps and the reopen count. Pushes the
 * `statusChanged` effect, and `reopened` when a solved or closed ticket goes back to work (to `effects`, unless it
 * is `null`: a preview such as `evaluateAutoClose` wants none).
 */
export function enterStatus(
  next: DraftTicket,
  from: CompiledStatus,
  to: CompiledStatus,
  at: number,
  by: Actor,
  cause: EffectCause,
  effects: Effect[] | null,
  closeReason: string | null = null,
): DraftTicket {
  effects?.push({ type: 'statusChanged', from: from.id, to: to.id, at, cause });
  // A solved or closed ticket going back to work is reopened.
  if (isDone(from.category) && !isDone(to.category)) {
    effects?.push({ type: 'reopened', from: from.id, to: to.id, at, by });
    next.reopenCount++;
    if (from.reopenClears && next.assignee !== null) {
      effects?.push({ type: 'assigned', from: next.assignee, to: null, at, cause: 'reopen' });
      next.assignee = null;
    }
  }
  next.status = to.id;
  next.updatedAt = at;
  next.statusChangedAt = at;
  next.until = null;
  next.timersFired = NO_TIMERS_FIRED;
  next.snoozedFrom = to.category !== 'snoozed' ? null : from.category === 'snoozed' ? next.snoozedFrom : from.id;
  if (to.category === 'solved') next.resolvedAt = at;
  if (to.category === 'closed') {
    next.closedAt = at;
    next.closedBy = by;
    next.closeReason = closeReason;
  }
  return next;
}

/**
 * A new `until` in the same status (a new pending time, a longer snooze) re-arms the timers that count from it,
 * and only those: the others keep what they already fired, so nothing becomes due in the past. Edits `next` (a
 * copy this call made) in place.
 */
export function rearmUntil(next: DraftTicket, status: CompiledStatus, until: number | null, at: number): DraftTicket {
  // One copy at most, whatever the number of timers re-armed: linear in the timers and the record.
  let timersFired: Record<string, number> | null = null;
  for (const timer of status.timers) {
    if (timer.anchors.includes('until') && Object.hasOwn(next.timersFired, timer.id)) {
      timersFired ??= { ...next.timersFired };
      delete timersFired[timer.id];
    }
  }
  next.until = until;
  next.updatedAt = at;
  if (timersFired !== null) next.timersFired = timersFired;
  return next;
}
