import fc from 'fast-check';
import {
  createTicket,
  nextDeadline,
  transition,
  type Actor,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { DEFAULT_START, type ArbitraryEventsOptions } from './arbitrary-events.js';
import type { Scenario } from './laws.js';
import { eventsOptionsOrThrow } from './options.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When the next event comes, relative to the ticket as it stands: at its next timer deadline −1 ms, exactly or
 * +1 ms (where off-by-one bugs live), after a short gap (a conversation), or after a long silence (weeks: every
 * timer fires, loops show). Without a deadline, a deadline timing falls back to a short gap.
 */
type Timing =
  | { readonly kind: 'deadline'; readonly delta: -1 | 0 | 1 }
  | { readonly kind: 'gap'; readonly ms: number }
  | { readonly kind: 'silence'; readonly ms: number };

/** What happens, decided once the ticket is known (so "send as pending while the customer waits" is possible). */
type Act = (ticket: Ticket, at: number) => TicketEvent;

/** One planned event: when and what. */
interface Plan {
  readonly timing: Timing;
  readonly act: Act;
}

const timing: fc.Arbitrary<Timing> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<-1 | 0 | 1>(-1, 0, 1).map((delta) => ({ kind: 'deadline', delta }) as const),
  },
  {
    weight: 5,
    arbitrary: fc.integer({ min: 1, max: 8 * 60 }).map((m) => ({ kind: 'gap', ms: m * MINUTE }) as const),
  },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }).map((d) => ({ kind: 'gap', ms: d * DAY }) as const) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 120 }).map((d) => ({ kind: 'silence', ms: d * DAY }) as const) },
);

/** The time a plan's event happens at, never before the previous event. */
function timeOf(workflow: Workflow, ticket: Ticket, previous: number, when: Timing): number {
  if (when.kind === 'deadline') {
    const deadline = nextDeadline(workflow, ticket);
    if (deadline !== null) return Math.max(previous, deadline + when.delta);
    return previous + 30 * MINUTE;
  }
  return previous + when.ms;
}

/** Plausible acts for each role: customers write (and now and then close), agents work the ticket, time passes. */
function acts(workflow: Workflow): fc.Arbitrary<Act> {
  const statuses = workflow.statuses.map((s) => s.id);
  const status = fc.constantFrom(...statuses);
  // Statuses a timer counts to a chosen time in (Zammad's pending close) or that wait for the customer.
  const waiting = workflow.statuses
    .filter((s) => s.category === 'pending' || s.category === 'snoozed')
    .map((s) => s.id);
  const waitingStatus = waiting.length > 0 ? fc.constantFrom(...waiting) : status;
  const until = fc.integer({ min: 1, max: 10 * 24 }).map((h) => h * HOUR);
  const by = (actor: Actor) => fc.constant(actor);
  const act = (weight: number, arbitrary: fc.Arbitrary<Act>): fc.WeightedArbitrary<Act> => ({ weight, arbitrary });
  return fc.oneof(
    act(
      6,
      fc.boolean().map(
        (auto): Act =>
          (_t, at) => ({ type: 'reply', by: 'customer', at, ...(auto && { auto: true }) }),
      ),
    ),
    act(
      5,
      fc.option(status, { nil: undefined, freq: 2 }).map(
        (to): Act =>
          (_t, at) => ({ type: 'reply', by: 'agent', at, ...(to !== undefined && { status: to }) }),
      ),
    ),
    // setStatus with `until` while the customer waits, and plain status changes.
    act(
      3,
      fc.tuple(waitingStatus, fc.option(until, { nil: undefined, freq: 3 })).map(
        ([to, ms]): Act =>
          (_t, at) => ({ type: 'setStatus', by: 'agent', at, to, ...(ms !== undefined && { until: at + ms }) }),
      ),
    ),
    act(
      2,
      fc.tuple(status, by('agent')).map(
        ([to, who]): Act =>
          (_t, at) => ({ type: 'setStatus', by: who, at, to }),
      ),
    ),
    act(
      2,
      fc.constantFrom('ana', 'bo', null).map(
        (assignee): Act =>
          (_t, at) => ({ type: 'assign', by: 'agent', at, assignee }),
      ),
    ),
    act(
      3,
      fc.constantFrom<Actor>('agent', 'agent', 'customer').map(
        (who): Act =>
          (_t, at) => ({ type: 'resolve', by: who, at }),
      ),
    ),
    act(
      2,
      fc.constantFrom<Actor>('agent', 'customer', 'system').map(
        (who): Act =>
          (_t, at) => ({ type: 'close', by: who, at, reason: 'done' }),
      ),
    ),
    act(
      2,
      fc.option(status, { nil: undefined }).map(
        (to): Act =>
          (_t, at) => ({ type: 'reopen', by: 'agent', at, ...(to !== undefined && { to }) }),
      ),
    ),
    act(
      1,
      fc.option(until, { nil: undefined }).map(
        (ms): Act =>
          (_t, at) => ({ type: 'snooze', by: 'agent', at, ...(ms !== undefined && { until: at + ms }) }),
      ),
    ),
    act(
      1,
      fc.constant<Act>((_t, at) => ({ type: 'note', by: 'agent', at })),
    ),
    act(
      3,
      fc.constant<Act>((_t, at) => ({ type: 'tick', at })),
    ),
  );
}

/** Close → reopen → re-solve → reply: the chain where reopen windows and old close times go wrong. */
function reopenChain(): fc.Arbitrary<Plan[]> {
  const soon = fc.integer({ min: 1, max: 3 * 24 }).map((h) => ({ kind: 'gap', ms: h * HOUR }) as const);
  // Reopened work can take weeks before it is solved again: long enough for an old close to fall out of a window.
  const work = fc.oneof(
    soon,
    fc.integer({ min: 7, max: 45 }).map((d) => ({ kind: 'gap', ms: d * DAY }) as const),
  );
  return fc
    .tuple(soon, fc.constantFrom(-1, 0, 1), soon, work, soon, fc.boolean())
    .map(([t1, delta, t3, t4, t5, byCustomer]) => [
      { timing: { kind: 'gap', ms: MINUTE }, act: (_t, at) => ({ type: 'assign', by: 'agent', at, assignee: 'ana' }) },
      { timing: t1, act: (_t, at) => ({ type: 'resolve', by: 'agent', at }) },
      // Let the auto-close (if any) run, landing on its deadline ±1 ms; else close by hand.
      {
        timing: { kind: 'deadline', delta: delta as -1 | 0 | 1 },
        act: (_t, at) => ({ type: 'close', by: 'agent', at, reason: 'done' }),
      },
      {
        timing: t3,
        act: (_t, at) => (byCustomer ? { type: 'reply', by: 'customer', at } : { type: 'reopen', by: 'agent', at }),
      },
      { timing: t4, act: (_t, at) => ({ type: 'resolve', by: 'agent', at }) },
      { timing: t5, act: (_t, at) => ({ type: 'reply', by: 'customer', at }) },
    ]);
}

/** A customer waiting while an agent parks the ticket with a chosen time: "pending close" set on an unanswered ticket. */
function parkWhileWaiting(workflow: Workflow): fc.Arbitrary<Plan[]> {
  const waiting = workflow.statuses.filter((s) => s.category === 'pending').map((s) => s.id);
  if (waiting.length === 0) return fc.constant([]);
  return fc
    .tuple(fc.constantFrom(...waiting), fc.integer({ min: 1, max: 7 * 24 }), fc.constantFrom<-1 | 0 | 1>(-1, 0, 1))
    .map(([to, hours, delta]) => [
      { timing: { kind: 'gap', ms: 5 * MINUTE }, act: (_t, at) => ({ type: 'reply', by: 'customer', at }) },
      {
        timing: { kind: 'gap', ms: MINUTE },
        act: (_t, at) => ({ type: 'setStatus', by: 'agent', at, to, until: at + hours * HOUR }),
      },
      { timing: { kind: 'deadline', delta }, act: (_t, at) => ({ type: 'tick', at }) },
    ]);
}

/** Turns plans into events by playing them: each plan's time depends on the ticket the events before it left. */
function materialize(
  workflow: Workflow,
  start: number,
  by: Actor,
  channel: string | undefined,
  plans: readonly Plan[],
) {
  let ticket = createTicket(workflow, { at: start, by, ...(channel !== undefined && { channel }) });
  let previous = start;
  const events: TicketEvent[] = [];
  for (const plan of plans) {
    const at = timeOf(workflow, ticket, previous, plan.timing);
    const event = plan.act(ticket, at);
    events.push(event);
    const result = transition(workflow, ticket, event);
    if (result.ok) ticket = result.ticket;
    previous = at;
  }
  return events;
}

/**
 * Scenarios that hunt the boundaries where policies break: events placed at the ticket's next timer deadline
 * (−1 ms, exactly, +1 ms), `setStatus` with `until` while the customer waits, close → reopen → re-solve → reply
 * chains, long silences, and conversations where each role does what it plausibly does. Event times are chosen
 * while the sequence is played, so when fast-check shrinks a failing plan the remaining events still land on the
 * deadlines of the shorter story.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { zammad } from 'ticket-lifecycle/presets';
 * import { arbitraryBoundaryScenario } from 'ticket-lifecycle/testing';
 * const [scenario] = fc.sample(arbitraryBoundaryScenario(zammad(), { maxLength: 8 }), 1);
 * ```
 */
export function arbitraryBoundaryScenario(
  workflow: Workflow,
  options: ArbitraryEventsOptions = {},
): fc.Arbitrary<Scenario> {
  const checked = eventsOptionsOrThrow<ArbitraryEventsOptions>('arbitraryBoundaryScenario', options);
  const start = checked.start ?? DEFAULT_START;
  const maxLength = checked.maxLength ?? 20;
  const single = fc.record({ timing, act: acts(workflow) }).map((plan: Plan) => [plan]);
  const piece = fc.oneof(
    { weight: 12, arbitrary: single },
    { weight: 1, arbitrary: reopenChain() },
    { weight: 1, arbitrary: parkWhileWaiting(workflow) },
  );
  const channels = Object.keys(workflow.config.initialByChannel ?? {});
  return fc
    .tuple(
      fc.constantFrom<Actor>('customer', 'customer', 'customer', 'agent'),
      channels.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...channels), { nil: undefined }),
      fc.array(piece, { maxLength: Math.ceil(maxLength / 2), size: 'max' }),
    )
    .map(([by, channel, pieces]) => {
      const plans = pieces.flat().slice(0, maxLength);
      return {
        start,
        by,
        ...(channel !== undefined && { channel }),
        events: materialize(workflow, start, by, channel, plans),
      };
    });
}
