import {
  evaluateAutoClose,
  nextDeadline,
  transition,
  type Actor,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import { MAX_TIME } from './options.js';
import { eachStep, first, replay } from './replay.js';
import { SLA_LAWS, sameSlaEffects } from './sla-laws.js';
import { deepEqual, deepFreeze, jsonCopy } from './structural.js';

export { replay };

/**
 * A ticket's life to check a law on: who created it and at what time, and the events that followed.
 *
 * @example
 * ```ts
 * import type { Scenario } from 'ticket-lifecycle/testing';
 * const s: Scenario = { start: 0, by: 'customer', events: [{ type: 'reply', by: 'agent', at: 60_000 }] };
 * ```
 */
export interface Scenario {
  readonly start: number;
  readonly by: Actor;
  /** The channel the ticket came in through, when the policy starts some channels elsewhere. */
  readonly channel?: string;
  readonly events: readonly TicketEvent[];
}

/**
 * A law holds (`null`) or says how it broke.
 *
 * @example
 * ```ts
 * import type { Law } from 'ticket-lifecycle/testing';
 * const startsSomewhere: Law = (workflow) => (workflow.statuses.length > 0 ? null : 'no status');
 * ```
 */
export type Law = (workflow: Workflow, scenario: Scenario) => string | null;

const TEAM_FACING = new Set(['new', 'open', 'onHold']);
const withoutVersion = (t: Ticket): Ticket => ({ ...t, version: 0 });

/**
 * The laws every policy gets for free (design page, "Invariants"), as plain checks over a {@link Scenario}.
 *
 * @example
 * ```ts
 * import { LAWS } from 'ticket-lifecycle/testing';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * LAWS.versionGrowsByOne(zendesk(), { start: 0, by: 'customer', events: [] }); // null: holds
 * ```
 */
export const LAWS = {
  /** Frozen inputs are accepted and left untouched; the output equals the one from unfrozen copies. */
  pureAndDeterministic: eachStep(({ before, event, result }, workflow) => {
    const ticket = deepFreeze(jsonCopy(before));
    const frozenEvent = deepFreeze(jsonCopy(event));
    const again = transition(workflow, ticket, frozenEvent);
    if (!deepEqual(ticket, before) || !deepEqual(frozenEvent, event)) return 'transition changed its input';
    return deepEqual(again, result) ? null : `same inputs gave different outputs at ${event.type}`;
  }),

  /** Tickets and events survive JSON, and the engine gives the same answer for the copies. */
  jsonRoundTrip: eachStep(({ before, event, result }, workflow) => {
    if (!deepEqual(jsonCopy(before), before)) return 'the ticket does not survive JSON';
    return deepEqual(jsonCopy(transition(workflow, jsonCopy(before), jsonCopy(event))), jsonCopy(result))
      ? null
      : `a JSON copy of the ticket gave a different result at ${event.type}`;
  }),

  /** `version` grows by one exactly when the ticket changes; refusals and no-ops return the input itself. */
  versionGrowsByOne: eachStep(({ before, event, result }) => {
    if (!result.ok) return result.ticket === before ? null : `a refused ${event.type} returned another ticket`;
    if (!result.changed) return result.ticket === before ? null : `unchanged ${event.type} returned a copy`;
    if (deepEqual(result.ticket, { ...before, version: before.version + 1 }))
      return `${event.type} claimed a change but changed nothing`;
    return result.ticket.version === before.version + 1
      ? null
      : `version went ${before.version} → ${result.ticket.version}`;
  }),

  /** `tick(t1)` then `tick(t2)` leaves the same ticket as `tick(t2)` alone (but for `version`). */
  ticksCompose: eachStep(({ before, event }, workflow) => {
    const t1 = event.at;
    // Three days on, but never past the end of the Date range, where a tick is refused and compares with nothing
    // (an event already past it keeps its own time: both ticks are refused).
    const t2 = Math.max(t1, Math.min(t1 + 3 * 86_400_000, MAX_TIME));
    const once = transition(workflow, before, { type: 'tick', at: t2 });
    const firstTick = transition(workflow, before, { type: 'tick', at: t1 });
    const twice = firstTick.ok ? transition(workflow, firstTick.ticket, { type: 'tick', at: t2 }) : firstTick;
    return deepEqual(withoutVersion(once.ticket), withoutVersion(twice.ticket))
      ? null
      : `tick(${t1}) then tick(${t2}) differs from tick(${t2})`;
  }),

  /**
   * Ticks inserted anywhere, at the same instant as an event included (every event first applies what is due at or
   * before its time), change no status, no status time and no SLA clock, and the SLA effects stay the same at the
   * same times: sweep frequency never matters.
   */
  sweeperIndependence: (workflow, scenario) => {
    // A sweep strictly between two events, and one at the very instant of each event, just before it.
    const events: TicketEvent[] = [];
    const original: number[] = [];
    let previous = scenario.start;
    for (const event of scenario.events) {
      if (event.at > previous + 1) events.push({ type: 'tick', at: previous + Math.floor((event.at - previous) / 2) });
      if (event.type !== 'tick') events.push({ type: 'tick', at: event.at });
      original.push(events.push(event) - 1);
      previous = Math.max(previous, event.at);
    }
    const ticked = replay(workflow, { ...scenario, events });
    return (
      first(replay(workflow, scenario), ({ result, event }, i) => {
        const other = ticked[original[i]!]!.result;
        if (result.ok !== other.ok)
          return `${event.type} was ${result.ok ? 'accepted' : 'refused'} without ticks and not with them`;
        // A refused event returns its input untouched: compare both tickets as the event saw them, at its time (at
        // the end of the Date range for an event beyond it, where a tick would be refused too and settle nothing).
        const settle = (r: TransitionResult): Ticket =>
          r.ok ? r.ticket : transition(workflow, r.ticket, { type: 'tick', at: Math.min(event.at, MAX_TIME) }).ticket;
        const [a, b] = [settle(result), settle(other)];
        if (!deepEqual(a.sla, b.sla)) return `after ${event.type}: the SLA clocks differ with ticks`;
        return a.status === b.status && a.statusChangedAt === b.statusChangedAt
          ? null
          : `after ${event.type}: ${a.status}@${a.statusChangedAt} without ticks, ${b.status}@${b.statusChangedAt} with`;
      }) ?? sameSlaEffects(replay(workflow, scenario), ticked)
    );
  },

  /** Nothing is due before `nextDeadline`, something is due at it, and it is never before `updatedAt`. */
  nextDeadlineIsExact: eachStep(({ result }, workflow) => {
    const ticket = result.ticket;
    const deadline = nextDeadline(workflow, ticket);
    if (deadline === null)
      return evaluateAutoClose(workflow, ticket, ticket.updatedAt + 3_650 * 86_400_000).due.length === 0
        ? null
        : 'null deadline but something came due';
    if (deadline < ticket.updatedAt) return `deadline ${deadline} before updatedAt ${ticket.updatedAt}`;
    if (evaluateAutoClose(workflow, ticket, deadline - 1).due.length > 0)
      return `something was due before the deadline ${deadline}`;
    return evaluateAutoClose(workflow, ticket, deadline).due.length > 0
      ? null
      : `nothing was due at the deadline ${deadline}`;
  }),

  /** `evaluateAutoClose(now)` predicts exactly where `tick(now)` lands, and `close` means a closed status. */
  evaluateMatchesTick: eachStep(({ before, event }, workflow) => {
    const evaluation = evaluateAutoClose(workflow, before, event.at);
    const ticked = transition(workflow, before, { type: 'tick', at: event.at });
    if (evaluation.status !== ticked.ticket.status)
      return `evaluate says ${evaluation.status}, tick lands in ${ticked.ticket.status}`;
    const closed = workflow.statuses.find((s) => s.id === evaluation.status)?.category === 'closed';
    return evaluation.close === closed ? null : `close is ${evaluation.close} in ${evaluation.status}`;
  }),

  /** A customer's message lands where the team looks, or an effect says what became of it. */
  customerReplyNeverLost: eachStep(({ event, result }, workflow) => {
    if (event.type !== 'reply' || event.by !== 'customer' || event.auto === true || !result.ok) return null;
    const category = workflow.statuses.find((s) => s.id === result.ticket.status)?.category ?? '';
    const told = result.effects.some(
      (e) => e.type === 'followUpRequested' || e.type === 'replyRejected' || e.type === 'replyNeedsAttention',
    );
    return TEAM_FACING.has(category) || told
      ? null
      : `a customer reply left the ticket in ${result.ticket.status} with no effect`;
  }),

  /**
   * Timers act no earlier than their due time and in order: never before the last update, never after the event
   * (one due at the very instant of the event applies first, whatever the event: design page, "Timers").
   */
  timersOnTime: eachStep(({ before, event, result }) => {
    if (!result.ok) return null;
    let last = before.updatedAt;
    for (const e of result.effects) {
      if (e.type !== 'timerFired' && e.type !== 'reminderDue' && e.type !== 'timerBlocked') continue;
      if (e.dueAt < last) return `${e.timer} fired at ${e.dueAt}, before ${last}`;
      // Same-instant law (design page, "Timers"): every event first applies the timers due at or before its time.
      if (e.dueAt > event.at) return `${e.timer} fired at ${e.dueAt} for an event at ${event.at}`;
      last = e.dueAt;
    }
    return null;
  }),

  ...SLA_LAWS,
} satisfies Record<string, Law>;

/**
 * The name of a law in {@link LAWS}.
 *
 * @example
 * ```ts
 * import type { LawName } from 'ticket-lifecycle/testing';
 * const law: LawName = 'sweeperIndependence';
 * ```
 */
export type LawName = keyof typeof LAWS;
