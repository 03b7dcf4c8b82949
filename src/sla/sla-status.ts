import { readStoredTicket } from '../engine/read-stored-ticket.js';
import type { TransitionError } from '../engine/result.js';
import type { Ticket } from '../model/ticket.js';
import { catchUp } from '../engine/timers.js';
import { isTime } from '../policy/time.js';
import type { Workflow } from '../policy/workflow.js';
import { counted } from './clock.js';
import type { SlaMetric } from './sla-config.js';

/**
 * Where one SLA metric of a ticket stands: `running`, `paused` (the status pauses it), `met`, or `breached`
 * (its target passed and it is not met yet). Times in epoch ms, durations in ms of the policy's clock (open time
 * with a calendar): what a ticket list shows as "due in 2 h (business)".
 *
 * @example
 * ```ts
 * import type { SlaMetricStatus } from 'ticket-lifecycle';
 * const s: SlaMetricStatus = {
 *   metric: 'firstReply', state: 'running', target: 3_600_000, elapsed: 600_000, remaining: 3_000_000,
 *   dueAt: 3_600_000, startedAt: 0, metAt: null,
 * };
 * ```
 */
export interface SlaMetricStatus {
  readonly metric: SlaMetric;
  readonly state: 'running' | 'paused' | 'met' | 'breached';
  readonly target: number;
  /** Clock time counted so far (until met): paused stretches never count. */
  readonly elapsed: number;
  /** `target − elapsed`: negative once the target has passed. */
  readonly remaining: number;
  /** When the target is (or was) due while the clock runs; `null` while paused or once met. */
  readonly dueAt: number | null;
  readonly startedAt: number;
  readonly metAt: number | null;
}

/**
 * What `slaStatus` answers: the SLA policy that applies (`null`: none) and each of its metrics that has started,
 * or why the ticket cannot be read.
 *
 * @example
 * ```ts
 * import type { SlaStatusResult } from 'ticket-lifecycle';
 * const none: SlaStatusResult = { ok: true, policy: null, metrics: [] };
 * ```
 */
export type SlaStatusResult =
  | { readonly ok: true; readonly policy: string | null; readonly metrics: readonly SlaMetricStatus[] }
  | { readonly ok: false; readonly error: TransitionError };

const NONE: SlaStatusResult = Object.freeze({ ok: true, policy: null, metrics: Object.freeze([]) });

/**
 * The SLA clocks of `ticket` at `now`, as `transition(…, { type: 'tick', at: now })` would leave them: timers and
 * SLA marks due by then are applied first (on a copy; nothing is returned but the answer), so a metric shows
 * `breached` exactly when that tick announced (or had announced) its breach. Pure and total: a ticket that is not
 * one of this policy gets `{ ok: false, error }` (the refusal `transition` gives), a `now` before the ticket's
 * `updatedAt` is read as `updatedAt`.
 *
 * @example
 * ```ts
 * import { createTicket, defineWorkflow, slaStatus } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }, { id: 'solved', category: 'solved' }],
 *   sla: [{ id: 'standard', targets: { firstReply: 'PT1H' } }],
 * });
 * const ticket = createTicket(wf, { at: 0 });
 * const r = slaStatus(wf, ticket, 600_000);
 * if (r.ok) r.metrics[0]; // { metric: 'firstReply', state: 'running', elapsed: 600_000, remaining: 3_000_000, dueAt: 3_600_000, … }
 * ```
 */
export function slaStatus<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  now: number,
): SlaStatusResult {
  const { compiled } = workflow as Workflow;
  const read = readStoredTicket(compiled, ticket);
  if ('code' in read) return { ok: false, error: read };
  const sla = compiled.sla;
  if (sla === null) return NONE;
  const at = isTime(now) && now > read.updatedAt ? now : read.updatedAt;
  const status = compiled.byId.get(read.status)!;
  // Only a status timer due by `at` can change what the answer says (a move may pause or stop a clock): an SLA
  // mark changes a clock's `stage` alone, which nothing below reads (`breached` is told from the time counted).
  // So a ticket in a status without timers (most of a list) is answered from the read copy, with no catch-up.
  const t = status.timers.length === 0 ? read : catchUp(compiled, read, status, at, null, null);
  const state = t.sla;
  if (state === null) return NONE;
  const policy = sla.byId(state.policy);
  const metrics: SlaMetricStatus[] = [];
  for (const metric of sla.metrics) {
    const clock = state.clocks[metric];
    const target = policy.targets[metric];
    if (clock === undefined || target === undefined) continue;
    const elapsed = counted(clock, at, policy.elapsed);
    const running = clock.since !== null;
    metrics.push({
      metric,
      state: clock.metAt !== null ? 'met' : elapsed >= target ? 'breached' : running ? 'running' : 'paused',
      target,
      elapsed,
      remaining: target - elapsed,
      dueAt: running ? policy.later(clock.since!, target - clock.used) : null,
      startedAt: clock.start,
      metAt: clock.metAt,
    });
  }
  return { ok: true, policy: policy.id, metrics };
}
