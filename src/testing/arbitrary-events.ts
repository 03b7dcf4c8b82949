import fc from 'fast-check';
import {
  ACTORS,
  createTicket,
  transition,
  type Actor,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { eventsOptionsOrThrow } from './options.js';

/**
 * Options for generated event sequences. A value out of range (a `start` that is not a whole time inside the
 * Date range, a negative `maxLength`, an unknown option) makes the arbitraries throw one `RangeError` naming it;
 * `checkWorkflow` returns it as an `invalidOption` issue instead.
 *
 * @example
 * ```ts
 * import type { ArbitraryEventsOptions } from 'ticket-lifecycle/testing';
 * const options: ArbitraryEventsOptions = { maxLength: 30, start: Date.UTC(2026, 0, 1) };
 * ```
 */
export interface ArbitraryEventsOptions {
  /** Default 20. */
  readonly maxLength?: number;
  /** The time of the first event's earliest possible `at`. Default 2026-01-01T00:00Z. */
  readonly start?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
export const DEFAULT_START = Date.UTC(2026, 0, 1);

/** How far a scenario reaches: an afternoon, a few days, or a month (long enough for every auto-close). */
const reach = fc.constantFrom(2 * 60 * MINUTE, 3 * DAY, 30 * DAY);

const actor = fc.constantFrom<Actor>(...ACTORS);
const later = fc.integer({ min: 1, max: 10 * DAY });

/** An event whose times are relative to its `at` (filled in once the sequence's times are known). */
type Draft = (at: number) => TicketEvent;

/** `arbitrary` in `percent` % of cases, else absent: optional event fields at realistic rates. */
const sometimes = (percent: number, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(undefined) }, { weight: percent, arbitrary });

/** One kind of event and how often it comes; absent (`undefined`) fields are left out, `until` is relative. */
function kind(weight: number, fields: Record<string, fc.Arbitrary<unknown>>): fc.WeightedArbitrary<Draft> {
  return {
    weight,
    arbitrary: fc.record(fields).map(
      (event): Draft =>
        (at) => {
          const out: Record<string, unknown> = { at };
          for (const [key, value] of Object.entries(event)) {
            if (value !== undefined) out[key] = key === 'until' ? at + (value as number) : value;
          }
          return out as unknown as TicketEvent;
        },
    ),
  };
}

/**
 * Half of the agents' events that may solve a ticket name who acted (`actorId`), so a resolve rule with `assignSolver` can
 * assign them. Which half follows from the event's minute, not from a random draw of its own: a seed keeps
 * generating the very scenarios it did before the field existed (detection budgets are measured per seed).
 */
function named(weighted: fc.WeightedArbitrary<Draft>): fc.WeightedArbitrary<Draft> {
  return {
    weight: weighted.weight,
    arbitrary: weighted.arbitrary.map(
      (make): Draft =>
        (at) => {
          const event = make(at);
          // Agents' events at odd minutes: a shrunk counterexample (offsets shrink to 0) names nobody it needn't.
          const named = event.type !== 'tick' && event.by === 'agent' && Math.floor(at / MINUTE) % 2 === 1;
          return named ? ({ ...event, actorId: 'ana' } as TicketEvent) : event;
        },
    ),
  };
}

function draft<S extends string>(workflow: Workflow<S>): fc.Arbitrary<Draft> {
  const status = fc.constantFrom(...workflow.statuses.map((s) => s.id));
  const type = <T extends TicketEvent['type']>(name: T) => fc.constant(name);
  const force = sometimes(20, fc.constant(true));
  return fc.oneof(
    named(
      kind(6, {
        type: type('reply'),
        by: actor,
        status: sometimes(20, status),
        auto: sometimes(10, fc.constant(true)),
      }),
    ),
    kind(1, { type: type('note'), by: actor }),
    kind(1, { type: type('assign'), by: actor, assignee: fc.constantFrom('ana', 'bo', null) }),
    named(kind(2, { type: type('setStatus'), by: actor, to: status, until: sometimes(30, later) })),
    named(kind(1, { type: type('resolve'), by: actor, force })),
    kind(1, { type: type('close'), by: actor, reason: fc.constant('done'), force }),
    kind(1, { type: type('reopen'), by: actor, to: sometimes(50, status) }),
    kind(1, { type: type('snooze'), by: actor, until: sometimes(60, later) }),
    kind(1, { type: type('merge'), by: actor, into: fc.constantFrom('t-2', '') }),
    // Updates use the workflow's priorities, now and then one it lacks, or tags over the limit: refusals are laws too.
    kind(2, {
      type: type('update'),
      by: actor,
      priority: sometimes(60, fc.constantFrom<string | null>(...workflow.priorities, null, 'bogus')),
      group: sometimes(40, fc.constantFrom('tier-1', 'tier-2', null)),
      tags: sometimes(40, fc.subarray(['vip', 'spam', 'vip'])),
      actorId: sometimes(20, fc.constant('ana')),
    }),
    kind(2, { type: type('tick') }),
  );
}

/**
 * One random event for a workflow (every type, every actor, the workflow's status ids), at a time in the first
 * year after `start`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { arbitraryEvent } from 'ticket-lifecycle/testing';
 * const [event] = fc.sample(arbitraryEvent(zendesk()), 1);
 * ```
 */
export function arbitraryEvent<S extends string>(
  workflow: Workflow<S>,
  options: Pick<ArbitraryEventsOptions, 'start'> = {},
): fc.Arbitrary<TicketEvent<S>> {
  const { start = DEFAULT_START } = eventsOptionsOrThrow<ArbitraryEventsOptions>('arbitraryEvent', options);
  return fc
    .tuple(fc.integer({ min: 0, max: 365 * DAY }), draft(workflow))
    .map(([offset, make]) => make(start + offset) as TicketEvent<S>);
}

/**
 * Random event sequences with non-decreasing times, reaching over hours, days or a month. Every event has its
 * own time and the sequence is sorted, so times stay ordered while fast-check shrinks a failing sequence and
 * dropping one event moves no other: counterexamples come out short and still realistic.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { liveAgent } from 'ticket-lifecycle/presets';
 * import { arbitraryEvents } from 'ticket-lifecycle/testing';
 * const [events] = fc.sample(arbitraryEvents(liveAgent(), { maxLength: 10 }), 1);
 * ```
 */
export function arbitraryEvents<S extends string>(
  workflow: Workflow<S>,
  options: ArbitraryEventsOptions = {},
): fc.Arbitrary<TicketEvent<S>[]> {
  const { maxLength = 20, start = DEFAULT_START } = eventsOptionsOrThrow<ArbitraryEventsOptions>(
    'arbitraryEvents',
    options,
  );
  // Each event has its own offset on a minute grid (so events meet timer deadlines exactly, and each other), and
  // the sequence is sorted: removing an event while shrinking moves no other one.
  return reach.chain((span) =>
    fc
      .array(fc.tuple(fc.nat({ max: span / MINUTE }), draft(workflow)), { maxLength, size: 'max' })
      .map((steps) =>
        [...steps].sort((a, b) => a[0] - b[0]).map(([minute, make]) => make(start + minute * MINUTE) as TicketEvent<S>),
      ),
  );
}

/**
 * Tickets reached by real events: created at `start`, then a random sequence applied (refused events skipped).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { nextDeadline } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { arbitraryTicket } from 'ticket-lifecycle/testing';
 * const wf = zendesk();
 * fc.assert(fc.property(arbitraryTicket(wf), (t) => (nextDeadline(wf, t) ?? Infinity) >= t.updatedAt));
 * ```
 */
export function arbitraryTicket<S extends string>(
  workflow: Workflow<S>,
  options: ArbitraryEventsOptions = {},
): fc.Arbitrary<Ticket<S>> {
  const checked = eventsOptionsOrThrow<ArbitraryEventsOptions>('arbitraryTicket', options);
  const start = checked.start ?? DEFAULT_START;
  return fc.tuple(actor, arbitraryEvents(workflow, { ...checked, start })).map(([by, events]) =>
    events.reduce<Ticket<S>>(
      (ticket, event) => {
        const result = transition(workflow, ticket, event);
        return result.ok ? result.ticket : ticket;
      },
      createTicket(workflow, { at: start, by }),
    ),
  );
}
