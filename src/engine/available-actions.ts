import type { Actor } from '../model/actor.js';
import { movesOf } from '../policy/moves.js';
import type { Workflow } from '../policy/workflow.js';
import type { TicketEvent } from '../model/events.js';
import type { Ticket } from '../model/ticket.js';
import { transition } from './transition.js';

/**
 * One thing an actor can do to a ticket now, and the status it leaves the ticket in. `setStatus` names its
 * target; `needsUntil` says the target status needs a time (`until`). `assign` gives the ticket to someone
 * (other than the current assignee); `unassign` leaves it with nobody.
 *
 * @example
 * ```ts
 * import type { AvailableAction } from 'ticket-lifecycle';
 * const button: AvailableAction<'open' | 'solved'> = { type: 'resolve', to: 'solved' };
 * ```
 */
export type AvailableAction<S extends string = string> =
  | { readonly type: 'resolve' | 'close' | 'reopen' | 'snooze' | 'assign' | 'unassign'; readonly to: S }
  | { readonly type: 'setStatus'; readonly to: S; readonly needsUntil: boolean };

/** A name that differs from the current assignee: assigning "someone else" is what an Assign button does. */
const otherAssignee = (current: string | null): string => (current === 'someone' ? 'someone-else' : 'someone');

/**
 * The actions `by` can take on the ticket at `at`: `resolve`, `close`, `reopen` (to its default target),
 * `snooze` (until the next customer message), `setStatus` to each status it may set, `assign` and `unassign`.
 * Each is one that `transition` accepts **and** that changes the ticket, so a UI draws exactly these buttons.
 * The ticket is judged as of `at`, after every timer due at or before `at` ran (as every event sees it: a
 * reopen at the very millisecond of an auto-close is a reopen of the closed ticket). The statuses
 * tried for `setStatus` are the moves table's candidates (`movesOf`) for this status and actor, each then
 * judged by `transition` (conditions included): one `transition` per candidate. An invalid ticket or time
 * yields `[]`.
 *
 * @example
 * ```ts
 * import { availableActions, createTicket } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const wf = zendesk();
 * const ticket = createTicket(wf, { at: 0 });
 * availableActions(wf, ticket, 'agent', 1);
 * // [{ type: 'setStatus', to: 'open', needsUntil: false }, { type: 'setStatus', to: 'pending', needsUntil: false },
 * //  { type: 'setStatus', to: 'hold', needsUntil: false }, { type: 'assign', to: 'open' }]
 * // No 'resolve': Zendesk needs an assignee to solve. A customer gets [].
 * ```
 */
export function availableActions<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  by: Actor,
  at: number,
): AvailableAction<S>[] {
  const out: AvailableAction<S>[] = [];
  // Timers due at or before `at` run first for every event: settle them once, so "changes" means the action's change
  // (a reminder due at `at` would make every event at `at` look like a change).
  const settled = transition(workflow, ticket, { type: 'tick', at });
  if (!settled.ok) return out;
  const base = settled.ticket;
  const landed = (event: TicketEvent<S>): S | null => {
    const result = transition(workflow, base, event);
    return result.ok && result.changed ? result.ticket.status : null;
  };
  for (const type of ['resolve', 'close', 'reopen', 'snooze'] as const) {
    const to = landed({ type, by, at });
    if (to !== null) out.push({ type, to });
  }
  const candidates = new Set<string>();
  for (const move of movesOf(workflow).byStatus.get(base.status)?.moves ?? [])
    if (move.event === 'setStatus' && move.by.includes(by)) for (const to of move.to) candidates.add(to);
  for (const status of workflow.statuses) {
    if (!candidates.has(status.id)) continue;
    const needsUntil = workflow.compiled.byId.get(status.id)?.requireUntil === true;
    const to = landed({ type: 'setStatus', by, at, to: status.id, ...(needsUntil && { until: at + 1 }) });
    if (to !== null) out.push({ type: 'setStatus', to, needsUntil });
  }
  const assigned = landed({ type: 'assign', by, at, assignee: otherAssignee(base.assignee) });
  if (assigned !== null) out.push({ type: 'assign', to: assigned });
  if (base.assignee !== null) {
    const unassigned = landed({ type: 'assign', by, at, assignee: null });
    if (unassigned !== null) out.push({ type: 'unassign', to: unassigned });
  }
  return out;
}
