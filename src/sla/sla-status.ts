import { readStoredTicket } from '../engine/read-stored-ticket.js';
import type { TicketSpan } from '../engine/read-ticket.js';
import type { TransitionError } from '../engine/result.js';
import type { Ticket } from '../model/ticket.js';
import { catchUp, nextDue } from '../engine/timers.js';
import { isTime, MAX_TIME } from '../policy/time.js';
import type { CompiledWorkflow, Workflow } from '../policy/workflow.js';
import type { SlaState } from '../model/sla-state.js';
import type { CompiledSla, CompiledSlaPolicy } from './compiled-sla.js';
import type { DraftTicket } from '../engine/copy-ticket.js';
import { readActivity } from './activity.js';
import { countedBy } from './clock.js';
import { isClockOf, isPolicyId, isRecord } from './read-state.js';
import { isSealedFor } from './sealed.js';
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
  /** When the target is (or was) due while the clock runs; `null` while paused, once met, or past the Date range. */
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

const NONE: SlaStatusResult = /* @__PURE__ */ Object.freeze({
  ok: true,
  policy: null,
  metrics: /* @__PURE__ */ Object.freeze([]),
});

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
  const sla = compiled.sla;
  // Every field but `sla` read and checked as `transition` reads it (copied only in a status with timers); `sla` is
  // then read once, here.
  const read = readStoredTicket(compiled, ticket, true);
  if ('code' in read) return { ok: false, error: read };
  if (sla === null) return NONE;
  let answer: SlaStatusResult | undefined;
  if (!('status' in read)) answer = untimed(sla, ticket, read, now);
  else {
    // Only a status timer due by then can change the answer (a move may pause or stop a clock): an SLA mark changes
    // a clock's `stage` alone, which the answer does not show (`breached` is told from the time counted).
    const due = nextDue(compiled.byId.get(read.status)!, read);
    answer =
      due === null || due.dueAt > atOf(read, now)
        ? untimed(sla, ticket, read, now)
        : timed(compiled, sla, ticket, read, now);
  }
  if (answer !== undefined) return answer;
  // Refused: with the very error (code, path) `transition` gives, from its own reading (or, should a getter answer
  // otherwise this time, what that reading finds).
  const full = readStoredTicket(compiled, ticket);
  return 'code' in full ? { ok: false, error: full } : caughtUp(compiled, sla, full, now);
}

/** The answer once everything due by `now` is applied to a ticket read whole (its SLA state included). */
function caughtUp(compiled: CompiledWorkflow, sla: CompiledSla, read: DraftTicket, now: number): SlaStatusResult {
  const at = atOf(read, now);
  return report(sla, catchUp(compiled, read, compiled.byId.get(read.status)!, at, null, null).sla, at);
}

/** `now`, or the ticket's `updatedAt` when `now` is not a time after it. */
const atOf = (read: TicketSpan, now: number): number => (isTime(now) && now > read.updatedAt ? now : read.updatedAt);

/**
 * A ticket with a status timer due by `at`, which may move it (and pause or stop a clock): the stored state is read
 * into a copy and everything due is applied to it first. Its activity is checked but not copied: no clock depends on
 * it and the answer does not show it, so the catch-up starts a fresh one instead of folding stretches into a copy.
 * `undefined` when the state is malformed.
 */
function timed(
  compiled: CompiledWorkflow,
  sla: CompiledSla,
  ticket: object,
  read: DraftTicket,
  now: number,
): SlaStatusResult | undefined {
  let state: SlaState | null | undefined;
  try {
    state = sla.read((ticket as { sla?: unknown }).sla, read, false);
  } catch {
    return undefined;
  }
  if (state === undefined) return undefined;
  read.sla = state;
  return caughtUp(compiled, sla, read, now);
}

/**
 * A ticket with no status timer due by `at` (most of a list): nothing due can change the answer, so it is read
 * straight from the stored state, each field once and checked as `readSlaState` checks it, with nothing copied or
 * sealed. `undefined` when the state is malformed (or a getter throws).
 */
function untimed(sla: CompiledSla, ticket: object, read: TicketSpan, now: number): SlaStatusResult | undefined {
  const at = atOf(read, now);
  try {
    const value = (ticket as { sla?: unknown }).sla;
    if (value === undefined || value === null) return NONE;
    if (!isRecord(value)) return undefined;
    if (isSealedFor(value, sla, read.createdAt, read.updatedAt)) return report(sla, value, at);
    const { policy, clocks, activity } = value;
    if (!isPolicyId(policy) || !isRecord(clocks)) return undefined;
    if (activity !== undefined && readActivity(activity, read, false) === undefined) return undefined;
    return statuses(sla, sla.byId(policy), clocks, at, read);
  } catch {
    return undefined;
  }
}

/**
 * The first `n` metrics of a list made for all of them: its length is set only when one is missing (setting an
 * array's length is a runtime call even when it stays).
 */
function cut(metrics: SlaMetricStatus[], n: number): SlaMetricStatus[] {
  if (n < metrics.length) metrics.length = n;
  return metrics;
}

/** The answer for a checked state (a copy, or one the engine sealed) at `at`. */
function report(sla: CompiledSla, state: SlaState | null, at: number): SlaStatusResult {
  return state === null ? NONE : statuses(sla, sla.byId(state.policy), state.clocks, at, null)!;
}

/**
 * Where each metric of `clocks` stands at `at` (not before a running clock's `since`), each clock field read once.
 * With `span`, the clocks are a stored state's, checked here as `readSlaState` checks them: `undefined` when one is
 * malformed. Each status is built in this loop, not by a function it calls: its times, passed as arguments to a call
 * V8 did not inline, were boxed again (145 B a row over a JSON-parsed table).
 */
function statuses(
  sla: CompiledSla,
  policy: CompiledSlaPolicy,
  clocks: Readonly<Record<string, unknown>>,
  at: number,
  span: TicketSpan | null,
): SlaStatusResult | undefined {
  const metrics = new Array<SlaMetricStatus>(sla.metrics.length);
  let n = 0;
  // An index, not `for…of`: with an early `return` (inside the caller's `try`) V8 kept the array iterator (130 B a
  // row).
  for (let i = 0; i < sla.metrics.length; i++) {
    const metric = sla.metrics[i]!;
    if (!Object.hasOwn(clocks, metric)) continue;
    const clock = clocks[metric];
    if (typeof clock !== 'object' || clock === null) return undefined;
    const { start, used, since, metAt, stage } = clock as Record<string, unknown>;
    if (span !== null && !isClockOf(start, used, since, metAt, stage, span.createdAt, span.updatedAt)) return undefined;
    const target = policy.targets[metric];
    if (target === undefined) continue;
    const running = since as number | null;
    const elapsed = countedBy(used as number, running, at, policy.elapsed);
    // Past the end of the Date range a target never comes due (a calendar says so with 2^53 − 1).
    const due = running === null ? null : policy.later(running, target - (used as number));
    metrics[n++] = {
      metric,
      state: metAt !== null ? 'met' : elapsed >= target ? 'breached' : running !== null ? 'running' : 'paused',
      target,
      elapsed,
      remaining: target - elapsed,
      dueAt: due !== null && due <= MAX_TIME ? due : null,
      startedAt: start as number,
      metAt: metAt as number | null,
    };
  }
  return { ok: true, policy: policy.id, metrics: cut(metrics, n) };
}
