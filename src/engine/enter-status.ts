import type { Actor } from '../policy/actor.js';
import { DONE } from '../policy/category.js';
import type { CompiledStatus } from '../policy/workflow.js';
import type { Effect, EffectCause } from './effects.js';
import type { Ticket } from './ticket.js';

/** Shared, frozen: most tickets have fired no timer in their current stay, so they all point here. */
export const NO_TIMERS_FIRED: Readonly<Record<string, number>> = Object.freeze({});

/**
 * Moves `ticket` from its status to `to` at `at`, keeping every derived field right in one place: the stay
 * (status time, fired timers, `until`), snooze memory, resolve/close stamps and the reopen count. Pushes the
 * `statusChanged` effect, and `reopened` when a solved or closed ticket goes back to work.
 */
export function enterStatus(
  ticket: Ticket,
  from: CompiledStatus,
  to: CompiledStatus,
  at: number,
  by: Actor,
  cause: EffectCause,
  effects: Effect[],
  closeReason: string | null = null,
): Ticket {
  const reopened = DONE.has(from.category) && !DONE.has(to.category);
  effects.push({ type: 'statusChanged', from: from.id, to: to.id, at, cause });
  if (reopened) effects.push({ type: 'reopened', from: from.id, to: to.id, at, by });
  return {
    ...ticket,
    status: to.id,
    updatedAt: at,
    statusChangedAt: at,
    until: null,
    timersFired: NO_TIMERS_FIRED,
    snoozedFrom: to.category !== 'snoozed' ? null : from.category === 'snoozed' ? ticket.snoozedFrom : from.id,
    reopenCount: reopened ? ticket.reopenCount + 1 : ticket.reopenCount,
    resolvedAt: to.category === 'solved' ? at : ticket.resolvedAt,
    ...(to.category === 'closed' && { closedAt: at, closedBy: by, closeReason }),
  };
}

/**
 * A new `until` in the same status (a new pending time, a longer snooze) re-arms the timers that count from it,
 * and only those: the others keep what they already fired, so nothing becomes due in the past.
 */
export function rearmUntil(ticket: Ticket, status: CompiledStatus, until: number | null, at: number): Ticket {
  let timersFired: Readonly<Record<string, number>> = ticket.timersFired;
  for (const timer of status.timers) {
    if (timer.anchors.includes('until') && timer.id in timersFired) {
      const { [timer.id]: _rearmed, ...rest } = timersFired;
      timersFired = rest;
    }
  }
  return { ...ticket, until, updatedAt: at, timersFired };
}
