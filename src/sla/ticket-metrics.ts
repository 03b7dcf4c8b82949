import { readStoredTicket } from '../engine/read-stored-ticket.js';
import type { TransitionError } from '../engine/result.js';
import type { Ticket } from '../model/ticket.js';
import type { Workflow } from '../policy/workflow.js';
import type { CompiledSlaPolicy } from './compiled-sla.js';
import type { SlaMetric } from './sla-config.js';
import { CATEGORIES, type Category } from '../policy/category.js';
import { addStretch } from './activity.js';

/**
 * A span of a ticket's life two ways: `calendar` (wall-clock ms) and `business` (ms of open time of the SLA
 * policy's calendar; equal to `calendar` without one, or with a 24/7 calendar).
 *
 * @example
 * ```ts
 * import type { MetricSpan } from 'ticket-lifecycle';
 * const overnight: MetricSpan = { calendar: 57_600_000, business: 0 };
 * ```
 */
export interface MetricSpan {
  readonly calendar: number;
  readonly business: number;
}

/**
 * The figures a helpdesk report needs, computed from the ticket alone (Zendesk's ticket metrics): first reply time,
 * full resolution time (creation to the latest solve), reopens, replies by side, time per status category, and
 * the SLA clocks' own counts (requester wait, agent work: paused stretches excluded). A figure is `null` until it exists, or when the workflow does not
 * measure it (first reply time needs an SLA policy targeting `firstReply`).
 *
 * @example
 * ```ts
 * import type { TicketMetrics } from 'ticket-lifecycle';
 * const m: TicketMetrics = {
 *   firstReply: { calendar: 1_800_000, business: 1_800_000 }, fullResolution: null, reopens: 0,
 *   replies: { customer: 0, team: 1 }, timeInCategory: { new: { calendar: 1_800_000, business: 1_800_000 } },
 *   countedSince: 0, clocks: { firstReply: 1_800_000 },
 * };
 * ```
 */
export interface TicketMetrics {
  readonly firstReply: MetricSpan | null;
  readonly fullResolution: MetricSpan | null;
  readonly reopens: number;
  /**
   * Messages recorded by each side since `countedSince` (the team: agents and the system). A repeated message (same
   * side, same instant) is one message, as the engine records it. `null` without SLA policies.
   */
  readonly replies: { readonly customer: number; readonly team: number } | null;
  /**
   * Time spent in each status category from `countedSince` to the ticket's `updatedAt`, calendar and business;
   * the calendar figures add up to `updatedAt − countedSince`. `null` without SLA policies.
   */
  readonly timeInCategory: { readonly [C in Category]?: MetricSpan } | null;
  /**
   * Since when replies and time are counted: the ticket's creation, or for a ticket stored before these figures
   * were kept, the start of its stay in the status it had then (or its first change, if it had no SLA state).
   */
  readonly countedSince: number | null;
  /** What each SLA clock counted (its latest cycle for `nextReply` and `periodicUpdate`), in the policy's clock. */
  readonly clocks: { readonly [M in SlaMetric]?: number };
}

/**
 * A ticket's metrics ({@link TicketMetrics}), or the refusal `transition` gives for a ticket that is not one of this
 * policy. Counts up to the ticket's `updatedAt`: the moment it last changed.
 *
 * @example
 * ```ts
 * import { createTicket, defineWorkflow, ticketMetrics, transition } from 'ticket-lifecycle';
 * const wf = defineWorkflow({
 *   statuses: [{ id: 'open', category: 'open' }, { id: 'solved', category: 'solved' }],
 *   sla: [{ id: 'standard', targets: { firstReply: 'PT1H' } }],
 * });
 * const r = transition(wf, createTicket(wf, { at: 0 }), { type: 'reply', by: 'agent', at: 1_800_000 });
 * if (r.ok) ticketMetrics(wf, r.ticket); // { ok: true, metrics: { firstReply: { calendar: 1_800_000, … }, … } }
 * ```
 */
export function ticketMetrics<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
): { readonly ok: true; readonly metrics: TicketMetrics } | { readonly ok: false; readonly error: TransitionError } {
  const { compiled } = workflow as Workflow;
  const t = readStoredTicket(compiled, ticket);
  if ('code' in t) return { ok: false, error: t };
  const sla = compiled.sla;
  const policy: CompiledSlaPolicy | null = sla === null || t.sla === null ? null : sla.byId(t.sla.policy);
  const span = (from: number, to: number): MetricSpan => ({
    calendar: to - from,
    business: policy === null ? to - from : policy.elapsed(from, to),
  });
  const first = t.sla?.clocks.firstReply;
  const clocks: { [M in SlaMetric]?: number } = {};
  if (t.sla !== null && policy !== null) {
    for (const metric of sla!.metrics) {
      const clock = t.sla.clocks[metric];
      if (clock !== undefined)
        clocks[metric] = clock.used + (clock.since === null ? 0 : policy.elapsed(clock.since, t.updatedAt));
    }
  }
  const activity = t.sla?.activity;
  let timeInCategory: { [C in Category]?: MetricSpan } | null = null;
  if (activity !== undefined && policy !== null) {
    // The open stretch counts up to `updatedAt`, on the clock of the policy that applies now.
    const time = addStretch(activity.time, activity.category, activity.since, t.updatedAt, policy.elapsed);
    timeInCategory = {};
    for (const c of CATEGORIES) {
      const spent = time[c];
      if (spent !== undefined) timeInCategory[c] = { calendar: spent[0], business: spent[1] };
    }
  }
  return {
    ok: true,
    metrics: {
      firstReply: first?.metAt == null ? null : span(first.start, first.metAt),
      fullResolution: t.resolvedAt === null ? null : span(t.createdAt, t.resolvedAt),
      reopens: t.reopenCount,
      replies: activity === undefined ? null : { customer: activity.customerReplies, team: activity.teamReplies },
      timeInCategory,
      countedSince: activity === undefined ? null : activity.from,
      clocks,
    },
  };
}
