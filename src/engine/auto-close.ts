import type { CompiledStatus, CompiledWorkflow, Workflow } from '../policy/workflow.js';
import { lookUpStatus, readTicket } from './read-ticket.js';
import type { Ticket } from '../model/ticket.js';
import { isTime } from './time.js';
import { NONE } from './none.js';
import type { DueTimer } from './due-timer.js';
import { catchUp, moveTarget, nextDue, refusedMove } from './timers.js';

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

/**
 * What is due at `now`, without applying it: the read-only half of a sweep. `status` equals the status that
 * `transition(…, { type: 'tick', at: now })` would leave. An invalid time yields nothing due, the ticket's status
 * and whether it is closed; an invalid ticket yields nothing due (and `close: false`, unless the ticket names a
 * closed status that has no timers).
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
  try {
    return evaluate(workflow, ticket, now);
  } catch {
    // Only a hostile object (a throwing getter, a Proxy) gets here: like any invalid ticket, nothing is due.
    return { due: NONE, status: undefined as unknown as S, close: false, nextCheckAt: null };
  }
}

// Refusals are told apart with `'code' in` written at each site, not through the shared `isError`: see `run` in
// transition.ts for why.
function evaluate<S extends string>(workflow: Workflow<S>, ticket: Ticket<S>, now: number): AutoCloseEvaluation<S> {
  const { compiled } = workflow;
  const status = lookUpStatus(compiled, ticket);
  if ('code' in status) return { due: NONE, status: statusField(ticket) as S, close: false, nextCheckAt: null };
  // A time `tick` refuses: nothing is due and the ticket stays where it is, so `close` says what that status is,
  // as it does for every other answer (a closed ticket asked about a time past the Date range is still closed).
  if (!isTime(now))
    return { due: NONE, status: status.id as S, close: status.category === 'closed', nextCheckAt: null };
  // Most tickets of a sweep rest in a status with no timer: nothing is due, whatever the rest of the ticket holds,
  // so the field check (most of a sweep's time) is skipped.
  if (status.timers.length === 0 && compiled.sla === null) return status.idle as unknown as AutoCloseEvaluation<S>;
  const copy = readTicket(compiled, ticket, status);
  if ('code' in copy) return { due: NONE, status: status.id as S, close: false, nextCheckAt: null };
  if (compiled.sla !== null) return catchUpAll(compiled, copy, status, now);
  const first = nextDue(status, copy);
  // The common case in a sweep: nothing due yet.
  if (first === null || first.dueAt > now) {
    return {
      due: NONE,
      status: status.id as S,
      close: status.category === 'closed',
      nextCheckAt: first?.dueAt ?? null,
    };
  }
  // The common auto-close: one move into a status with no timers of its own. Nothing can follow it.
  if (first.kind === 'move') {
    const target = compiled.byId.get(moveTarget(first.timer, copy))!;
    if (target.timers.length === 0 && refusedMove(copy, status, target, first.timer, first.dueAt) === null) {
      const step: DueTimer<S> = {
        timer: first.timer.id,
        kind: 'move',
        dueAt: first.dueAt,
        from: status.id as S,
        to: target.id as S,
      };
      return { due: [step], status: target.id as S, close: target.category === 'closed', nextCheckAt: null };
    }
  }
  return catchUpAll(compiled, copy, status, now);
}

/** Applies, on the read copy, everything due by `now` (status timers and SLA marks), and tells where it lands. */
function catchUpAll<S extends string>(
  compiled: CompiledWorkflow,
  copy: Ticket,
  status: CompiledStatus,
  now: number,
): AutoCloseEvaluation<S> {
  const steps: DueTimer<S>[] = [];
  const after = catchUp(compiled, copy, status, now, null, steps);
  const landed = compiled.byId.get(after.status)!;
  return {
    due: steps,
    status: after.status as S,
    close: landed.category === 'closed',
    nextCheckAt: nextDueAt(compiled, landed, after),
  };
}

/** The next moment anything is due on `ticket` (a status timer or an SLA mark), or `null`. */
function nextDueAt(compiled: CompiledWorkflow, status: CompiledStatus, ticket: Ticket): number | null {
  const timer = nextDue(status, ticket)?.dueAt ?? null;
  const mark = compiled.sla === null ? null : compiled.sla.due(ticket);
  return timer === null ? mark : mark === null ? timer : Math.min(timer, mark);
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
  try {
    return deadline(workflow as Workflow, ticket);
  } catch {
    return null; // A hostile object (a throwing getter, a Proxy): like any invalid ticket, no deadline.
  }
}

function deadline(workflow: Workflow, ticket: object): number | null {
  const { compiled } = workflow;
  const status = lookUpStatus(compiled, ticket);
  // No timer, no deadline: that holds for a malformed ticket too, so the field check is skipped.
  if ('code' in status || (status.timers.length === 0 && compiled.sla === null)) return null;
  const copy = readTicket(compiled, ticket, status);
  return 'code' in copy ? null : nextDueAt(compiled, status, copy);
}

/** The status an invalid ticket names, echoed in the answer's `status` field and never acted on. */
function statusField(ticket: unknown): unknown {
  return typeof ticket === 'object' && ticket !== null ? (ticket as { status?: unknown }).status : undefined;
}
