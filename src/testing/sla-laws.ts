import {
  slaStatus,
  ticketMetrics,
  transition,
  type Effect,
  type SlaClock,
  type SlaMetric,
  type Ticket,
} from 'ticket-lifecycle';
import { eachStep, type Step } from './replay.js';
import { deepEqual } from './structural.js';

const isMark = (e: Effect): boolean => e.type === 'slaWarning' || e.type === 'slaBreached';
const isSla = (e: Effect): boolean => isMark(e) || e.type === 'slaMet' || e.type === 'slaPolicyChanged';

/**
 * The SLA effects of two replays of one scenario (one with ticks inserted) are the same list, or what differs. Only
 * when every event was accepted: a refused event returns its input and no effect, so what came due before it is
 * announced by the next accepted event or tick instead (its clocks are compared step by step all the same).
 */
export function sameSlaEffects(plain: readonly Step[], ticked: readonly Step[]): string | null {
  if (plain.some((s) => !s.result.ok)) return null;
  const sla = (steps: readonly Step[]): Effect[] =>
    steps.flatMap((s) => (s.result.ok ? s.result.effects : [])).filter(isSla);
  const [a, b] = [sla(plain), sla(ticked)];
  return deepEqual(a, b) ? null : `SLA effects differ with ticks: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

const clocks = (t: Ticket): readonly [SlaMetric, SlaClock][] =>
  t.sla === null ? [] : (Object.entries(t.sla.clocks) as [SlaMetric, SlaClock][]);

/** The laws of SLA clocks (docs/sla.md), part of `LAWS`: they hold trivially for policies without `sla`. */
export const SLA_LAWS = {
  /**
   * `slaStatus(now)` agrees with what `tick(now)` does: the same answer before and after the tick, and a metric
   * shows `breached` exactly when its breach has been announced and it is not met.
   */
  slaStatusMatchesTick: eachStep(({ before, event }, workflow) => {
    const now = event.at;
    const ticked = transition(workflow, before, { type: 'tick', at: now });
    const [s1, s2] = [slaStatus(workflow, before, now), slaStatus(workflow, ticked.ticket, now)];
    if (!deepEqual(s1, s2)) return `slaStatus at ${now} changes when the ticket is ticked to ${now}`;
    if (!s2.ok) return null;
    const announced = new Set(
      clocks(ticked.ticket)
        .filter(([, c]) => c.stage === 2 && c.metAt === null)
        .map(([m]) => m),
    );
    for (const m of s2.metrics) {
      if ((m.state === 'breached') !== announced.has(m.metric))
        return `${m.metric} is ${m.state} at ${now} but its breach was ${announced.has(m.metric) ? '' : 'not '}announced`;
    }
    return null;
  }),

  /** SLA marks come at their due time: never before the last update nor after the event, in time order. */
  slaMarksOnTime: eachStep(({ before, event, result }) => {
    if (!result.ok) return null;
    let last = before.updatedAt;
    for (const e of result.effects) {
      if (e.type !== 'slaWarning' && e.type !== 'slaBreached') continue;
      if (e.at < last || e.at > event.at) return `${e.type} ${e.metric} at ${e.at}, outside [${last}, ${event.at}]`;
      if (e.type === 'slaBreached' && e.dueAt > e.at)
        return `${e.metric} breached at ${e.at} before its due ${e.dueAt}`;
      last = e.at;
    }
    return null;
  }),

  /**
   * A paused interval never counts: a clock paused before a step that moved no status is still paused after it,
   * with the same count.
   */
  pausedClockNeverCounts: eachStep(({ before, result }) => {
    if (!result.ok || result.effects.some((e) => e.type === 'statusChanged' || e.type === 'slaPolicyChanged'))
      return null;
    const after = new Map(clocks(result.ticket));
    for (const [metric, clock] of clocks(before)) {
      const next = after.get(metric);
      if (clock.since !== null || clock.metAt !== null || next === undefined || next.start !== clock.start) continue;
      if (next.used !== clock.used || next.since !== null) return `${metric} counted while paused`;
    }
    return null;
  }),

  /**
   * `ticketMetrics` adds up: the calendar time per category sums to the time from `countedSince` to `updatedAt`,
   * business time never exceeds calendar time, and each step adds one reply on the side whose message it recorded
   * (a changed `lastCustomerMessageAt`, `lastAgentMessageAt` or turn), none otherwise.
   */
  ticketMetricsAddUp: eachStep(({ before, result }, workflow) => {
    if (!result.ok) return null;
    const [m0, m1] = [ticketMetrics(workflow, before), ticketMetrics(workflow, result.ticket)];
    if (!m1.ok) return `ticketMetrics refuses the engine's ticket: ${m1.error.code}`;
    const { replies, timeInCategory, countedSince } = m1.metrics;
    if (replies === null || timeInCategory === null || countedSince === null) return null;
    let total = 0;
    for (const span of Object.values(timeInCategory)) {
      if (span.business > span.calendar) return `business time ${span.business} exceeds calendar time ${span.calendar}`;
      total += span.calendar;
    }
    if (total !== result.ticket.updatedAt - countedSince)
      return `time per category sums to ${total}, not ${result.ticket.updatedAt - countedSince}`;
    const was = m0.ok && m0.metrics.countedSince === countedSince ? m0.metrics.replies : null;
    if (was === null) return null;
    const [a, b] = [before, result.ticket];
    const customer =
      a.lastCustomerMessageAt !== b.lastCustomerMessageAt || (a.awaiting !== b.awaiting && b.awaiting === 'team');
    const team = !customer && (a.lastAgentMessageAt !== b.lastAgentMessageAt || a.awaiting !== b.awaiting);
    const expected = { customer: was.customer + (customer ? 1 : 0), team: was.team + (team ? 1 : 0) };
    return deepEqual(replies, expected)
      ? null
      : `replies ${JSON.stringify(replies)} after a step from ${JSON.stringify(was)}, expected ${JSON.stringify(expected)}`;
  }),
} satisfies Record<string, (...args: never[]) => string | null>;
