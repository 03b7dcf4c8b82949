import type { Workflow } from '../policy/workflow.js';
import { checkTicket } from './check-input.js';
import type { Ticket } from './ticket.js';
import { isTime } from './time.js';
import { catchUp, nextDue, type DueStep } from './timers.js';


/**
 * One timer that came due: its id, whether it reminds or moves, when it was due, the status it ran in and the
 * status it leaves the ticket in (the same, for a reminder).
 *
 * @example
 * ```ts
 * import type { DueTimer } from 'ticket-lifecycle';
 * const d: DueTimer<'solved' | 'closed'> = { timer: 'auto-close', kind: 'move', dueAt: 345_600_000, from: 'solved', to: 'closed' };
 * ```
 */
export interface DueTimer<S extends string = string> {
  readonly timer: string;
  readonly kind: 'reminder' | 'move';
  readonly dueAt: number;
  readonly from: S;
  readonly to: S;
}

/**
 * What `evaluateAutoClose` found: every timer due by `now` in due-time order, where applying them leaves the
 * ticket, whether that is a `closed` status, and when to look again.
 *
 * @example
 * ```ts
 * import type { AutoCloseEvaluation } from 'ticket-lifecycle';
 * const nothing: AutoCloseEvaluation<'open'> = { due: [], status: 'open', close: false, nextCheckAt: null };
 * ```
 */
export interface AutoCloseEvaluation<S extends string = string> {
  readonly due: readonly DueTimer<S>[];
  readonly status: S;
  readonly close: boolean;
  /** The next deadline after `now`, or `null` when nothing more will come due as things stand. */
  readonly nextCheckAt: number | null;
}

const NOTHING_DUE: readonly DueTimer[] = Object.freeze([]);

/**
 * What is due at `now`, without applying it: the read-only half of a sweep. `status` equals the status that
 * `transition(…, { type: 'tick', at: now })` would leave. An invalid ticket or time yields nothing due.
 *
 * @example
 * ```ts
 * import { createTicket, evaluateAutoClose, transition } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 *
 * const wf = zendesk();
 * const day = 86_400_000;
 * let t = createTicket(wf, { at: 0 });
 * for (const e of [
 *   { type: 'assign', by: 'agent', at: 1, assignee: 'ana' },
 *   { type: 'resolve', by: 'agent', at: 2 },
 * ] as const) {
 *   const r = transition(wf, t, e);
 *   if (r.ok) t = r.ticket;
 * }
 * evaluateAutoClose(wf, t, 2 + 4 * day);
 * // { due: [{ timer: 'auto-close', kind: 'move', dueAt: 2 + 4 * day, from: 'solved', to: 'closed' }],
 * //   status: 'closed', close: true, nextCheckAt: null }
 * ```
 */
export function evaluateAutoClose<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  now: number,
): AutoCloseEvaluation<S> {
  const { compiled } = workflow;
  const unchanged = (): AutoCloseEvaluation<S> => ({ due: NOTHING_DUE as DueTimer<S>[], status: ticket?.status, close: false, nextCheckAt: null });
  if (!isTime(now) || checkTicket(compiled, ticket) !== null) return unchanged();
  const status = compiled.byId.get(ticket.status)!;
  if (status.timers.length === 0) return { due: NOTHING_DUE as DueTimer<S>[], status: ticket.status, close: status.category === 'closed', nextCheckAt: null };
  const first = nextDue(status, ticket);
  // The common case in a sweep: nothing due yet. Answer without copying the ticket.
  if (first === null || first.dueAt > now) {
    return { due: NOTHING_DUE as DueTimer<S>[], status: ticket.status, close: status.category === 'closed', nextCheckAt: first?.dueAt ?? null };
  }
  const steps: DueStep[] = [];
  const after = catchUp(compiled, ticket, now, true, null, steps);
  const landed = compiled.byId.get(after.status)!;
  return {
    due: steps as DueTimer<S>[],
    status: after.status as S,
    close: landed.category === 'closed',
    nextCheckAt: nextDue(landed, after)?.dueAt ?? null,
  };
}

/**
 * The earliest time at which `evaluateAutoClose` would find something due, or `null`. Store it in an indexed
 * column and sweep `WHERE next_deadline <= now()`; recompute it after every transition. Never earlier than the
 * ticket's `updatedAt`.
 *
 * @example
 * ```ts
 * import { createTicket, nextDeadline } from 'ticket-lifecycle';
 * import { tawkTo } from 'ticket-lifecycle/presets';
 * nextDeadline(tawkTo(), createTicket(tawkTo(), { at: 0 })); // null: tawk.to never closes by itself
 * ```
 */
export function nextDeadline<S extends string>(workflow: Workflow<S>, ticket: Ticket<NoInfer<S>>): number | null {
  const { compiled } = workflow;
  if (checkTicket(compiled, ticket) !== null) return null;
  const status = compiled.byId.get(ticket.status)!;
  return status.timers.length === 0 ? null : (nextDue(status, ticket)?.dueAt ?? null);
}
