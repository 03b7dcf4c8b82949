import fc from 'fast-check';
import { ACTORS, createTicket, transition, type Actor, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';

/**
 * Options for generated event sequences.
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

/** Gaps between events: often none (same instant) or minutes, sometimes days, so timers come due. */
const gap = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 90 * MINUTE }) },
  { weight: 3, arbitrary: fc.integer({ min: 90 * MINUTE, max: 12 * DAY }) },
);
const actor = fc.constantFrom<Actor>(...ACTORS);
const later = fc.integer({ min: 1, max: 10 * DAY });

/** An event whose times are relative to its `at` (filled in once the sequence's times are known). */
type Draft = (at: number) => TicketEvent;

function draft<S extends string>(workflow: Workflow<S>): fc.Arbitrary<Draft> {
  const ids = workflow.statuses.map((s) => s.id);
  const status = fc.constantFrom(...ids);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ by: actor, status: fc.option(status, { nil: undefined, freq: 6 }), auto: fc.boolean() }).map(({ by, status, auto }): Draft => (at) => ({ type: 'reply', by, at, ...(status !== undefined && { status }), ...(auto && by === 'customer' && { auto }) })) },
    { weight: 1, arbitrary: actor.map((by): Draft => (at) => ({ type: 'note', by, at })) },
    { weight: 1, arbitrary: fc.tuple(actor, fc.constantFrom('ana', 'bo', null)).map(([by, assignee]): Draft => (at) => ({ type: 'assign', by, at, assignee })) },
    { weight: 2, arbitrary: fc.tuple(actor, status, fc.option(later, { nil: undefined })).map(([by, to, until]): Draft => (at) => ({ type: 'setStatus', by, at, to, ...(until !== undefined && { until: at + until }) })) },
    { weight: 1, arbitrary: fc.tuple(actor, fc.boolean()).map(([by, force]): Draft => (at) => ({ type: 'resolve', by, at, ...(force && { force }) })) },
    { weight: 1, arbitrary: fc.tuple(actor, fc.boolean()).map(([by, force]): Draft => (at) => ({ type: 'close', by, at, reason: 'done', ...(force && { force }) })) },
    { weight: 1, arbitrary: fc.tuple(actor, fc.option(status, { nil: undefined })).map(([by, to]): Draft => (at) => ({ type: 'reopen', by, at, ...(to !== undefined && { to }) })) },
    { weight: 1, arbitrary: fc.tuple(actor, fc.option(later, { nil: undefined })).map(([by, until]): Draft => (at) => ({ type: 'snooze', by, at, ...(until !== undefined && { until: at + until }) })) },
    { weight: 2, arbitrary: fc.constant<Draft>((at) => ({ type: 'tick', at })) },
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
export function arbitraryEvent<S extends string>(workflow: Workflow<S>, options: Pick<ArbitraryEventsOptions, 'start'> = {}): fc.Arbitrary<TicketEvent<S>> {
  const start = options.start ?? DEFAULT_START;
  return fc.tuple(fc.integer({ min: 0, max: 365 * DAY }), draft(workflow)).map(([offset, make]) => make(start + offset) as TicketEvent<S>);
}

/**
 * Random event sequences with non-decreasing times. Times are built from gaps, so they stay ordered while
 * fast-check shrinks a failing sequence: counterexamples come out short and still realistic.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { liveAgent } from 'ticket-lifecycle/presets';
 * import { arbitraryEvents } from 'ticket-lifecycle/testing';
 * const [events] = fc.sample(arbitraryEvents(liveAgent(), { maxLength: 10 }), 1);
 * ```
 */
export function arbitraryEvents<S extends string>(workflow: Workflow<S>, options: ArbitraryEventsOptions = {}): fc.Arbitrary<TicketEvent<S>[]> {
  const { maxLength = 20, start = DEFAULT_START } = options;
  return fc.array(fc.tuple(gap, draft(workflow)), { maxLength }).map((steps) => {
    let at = start;
    return steps.map(([delta, make]) => make((at += delta)) as TicketEvent<S>);
  });
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
export function arbitraryTicket<S extends string>(workflow: Workflow<S>, options: ArbitraryEventsOptions = {}): fc.Arbitrary<Ticket<S>> {
  const start = options.start ?? DEFAULT_START;
  return fc.tuple(actor, arbitraryEvents(workflow, { ...options, start })).map(([by, events]) =>
    events.reduce<Ticket<S>>((ticket, event) => {
      const result = transition(workflow, ticket, event);
      return result.ok ? result.ticket : ticket;
    }, createTicket(workflow, { at: start, by })),
  );
}
