import type { CompiledStatus, CompiledWorkflow, Workflow } from '../policy/workflow.js';
import { hasTicketFields } from './check-input.js';
import type { Ticket } from './ticket.js';
import { isTime } from './time.js';
import type { DueTimer } from './due-timer.js';
import { catchUp, moveTarget, nextDue } from './timers.js';


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

/** The compiled status a value claims to be in, if it is an object and names one. */
function statusOf(compiled: CompiledWorkflow, ticket: unknown): CompiledStatus | undefined {
  if (typeof ticket !== 'object' || ticket === null) return undefined;
  const id = (ticket as { status?: unknown }).status;
  return typeof id === 'string' ? compiled.byId.get(id) : undefined;
}

const NOTHING_DUE: readonly DueTimer[] = Object.freeze([]);

/**
 * What is due at `now`, without applying it: the read-only half of a sweep. `status` equals the status that
 * `transition(…, { type: 'tick', at: now })` would leave. An invalid ticket or time yields nothing due (and
 * `close: false`, unless the ticket names a closed status that has no timers).
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
  // Most tickets of a sweep rest in a status with no timer: nothing is due, whatever the rest of the ticket holds,
  // so the full field check (most of a sweep's time) is skipped.
  const status = statusOf(compiled, ticket);
  if (status !== undefined && status.timers.length === 0 && isTime(now)) return status.idle as unknown as AutoCloseEvaluation<S>;
  if (status === undefined || !isTime(now) || !hasTicketFields(compiled, ticket as never)) {
    return { due: NOTHING_DUE as DueTimer<S>[], status: (ticket as Ticket<S> | null)?.status, close: false, nextCheckAt: null } as AutoCloseEvaluation<S>;
  }
  const first = nextDue(status, ticket);
  // The common case in a sweep: nothing due yet. Answer without copying the ticket.
  if (first === null || first.dueAt > now) {
    return { due: NOTHING_DUE as DueTimer<S>[], status: ticket.status, close: status.category === 'closed', nextCheckAt: first?.dueAt ?? null };
  }
  // The common auto-close: one move into a status with no timers of its own. Nothing can follow it, so the
  // answer needs no copy of the ticket.
  if (first.kind === 'move') {
    const target = compiled.byId.get(moveTarget(first.timer, ticket))!;
    if (target.timers.length === 0) {
      const step: DueTimer<S> = { timer: first.timer.id, kind: 'move', dueAt: first.dueAt, from: ticket.status, to: target.id as S };
      return { due: [step], status: target.id as S, close: target.category === 'closed', nextCheckAt: null };
    }
  }
  const steps: DueTimer<S>[] = [];
  const after = catchUp(compiled, ticket, now, true, null, steps);
  const landed = compiled.byId.get(after.status)!;
  return {
    due: steps,
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
  const status = statusOf(compiled, ticket);
  // No timer, no deadline: that holds for a malformed ticket too, so the full field check is skipped.
  if (status === undefined || status.timers.length === 0 || !hasTicketFields(compiled, ticket as never)) return null;
  return nextDue(status, ticket)?.dueAt ?? null;
}
