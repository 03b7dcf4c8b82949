import type { CompiledSla } from '../sla/compiled-sla.js';
import type { DueTimer } from './due-timer.js';
import type { Effect } from './effects.js';
import type { Ticket } from '../model/ticket.js';
import type { DueItem } from './timers.js';

/*
 * Where SLA marks meet the status timers: both are due at exact times and the catch-up applies them in one
 * time order, so a sweep at any frequency announces the same marks at the same times. The SLA arithmetic itself is
 * bound into `compiled.sla` when the policy is compiled; the engine never imports it.
 */

/**
 * Announces the SLA marks due at or before `limit` when they come before the status timers' next item `item` (at
 * the same instant they go first: the clock ran until then, and a move at that instant may stop it). Returns the
 * new ticket, or `null` when no mark comes first.
 */
export function slaFirst(
  sla: CompiledSla,
  ticket: Ticket,
  item: DueItem | null,
  limit: number,
  effects: Effect[] | null,
  steps: DueTimer[] | null,
): Ticket | null {
  const at = sla.due(ticket);
  if (at === null || at > limit || (item !== null && item.dueAt < at)) return null;
  return sla.fire(ticket, at, effects, steps);
}
