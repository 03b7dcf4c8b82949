// Invariant 6: the machine from createTicketMachine(workflow) and the pure `transition` agree on every event
// sequence — through actor.send, through xstate's own pure transition(), and with live timers firing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  can,
  createTicket,
  nextDeadline,
  transition,
  type Actor,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { arbitraryEvents, arbitraryWorkflow } from 'ticket-lifecycle/testing';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import {
  createActor,
  initialTransition,
  SimulatedClock,
  transition as xstateTransition,
  type AnyEventObject,
} from 'xstate';
import { applyPure, PRESETS, sweepAt } from './helpers.js';

/** At least 200 policy/sequence pairs per property in every run (the floor), a few seconds in all. */
/** Ample for a loaded CI machine: these run thousands of events through three implementations. */
const TIMEOUT_MS = 120_000;
const RANDOM_RUNS = 200;
const PRESET_RUNS = 40;
interface Case {
  readonly workflow: Workflow;
  readonly by: Actor;
  readonly events: readonly TicketEvent[];
  /**
   * Which events are moved to the ticket's next deadline (offset 0: the very instant, design page "Timers") or
   * just after it (offset 1: timers move the ticket first), and which keep their time (`null`).
   */
  readonly onDeadline: readonly (0 | 1 | null)[];
  /** Live runs: the actor's clock reaches each event's own instant (its timer fires first), or stops 1 ms short. */
  readonly sameInstant: boolean;
}

/** The `i`-th event, moved to (or just after) the ticket's next deadline when the case says so. */
function retimed({ events, onDeadline }: Case, i: number, workflow: Workflow, ticket: Ticket): TicketEvent {
  const event = events[i]!;
  const due = nextDeadline(workflow, ticket);
  const offset = onDeadline[i] ?? null;
  return offset !== null && due !== null ? { ...event, at: due + offset } : event;
}

/**
 * Machines built with a spy on the router guard: it must only carry moves made by timers that came due before
 * the event. Any other move the machine has no transition for would still end in the right status (through
 * `(start)`), so agreement alone would hide a gap in the statechart that Stately and `xstate/graph` show.
 */
function machineWithoutGaps(workflow: Workflow, options?: Parameters<typeof createTicketMachine>[1]) {
  const machine = createTicketMachine(workflow, options);
  return machine.provide({
    guards: {
      landsElsewhere: ({ context, event }) => {
        const result = transition(workflow, context.ticket, event);
        if (!result.ok || result.ticket.status === context.ticket.status) return false;
        if (!result.effects.some((e) => e.type === 'timerFired')) {
          throw new Error(`no transition from ${context.ticket.status} to ${result.ticket.status} on ${event.type}`);
        }
        return true;
      },
    },
  });
}

const start = (events: readonly TicketEvent[]): number => events[0]?.at ?? Date.UTC(2026, 0, 1);
const emittedEffects = (actions: readonly { type: string; params?: unknown }[]): unknown[] =>
  actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: unknown }).event);

/**
 * Event-driven agreement: with no clock running, `actor.send`, xstate's pure `transition()` and our `transition`
 * give the same status, the same ticket and the same effects after every event, and `snapshot.can` is `can`.
 */
function agreesEventByEvent(testCase: Case): void {
  const { workflow, by, events } = testCase;
  const at = start(events);
  const machine = machineWithoutGaps(workflow);
  // The clock stands still just before the first event: no deadline (never before `updatedAt`) is ever due.
  const clock = new SimulatedClock();
  clock.set(at - 1);
  const actor = createActor(machine, { clock, input: { at, by, now: () => clock.now() } });
  const emitted: AnyEventObject[] = [];
  actor.on('*', (effect) => emitted.push(effect));
  actor.start();
  let [snapshot] = initialTransition(machine, { at, by });
  let ticket: Ticket = createTicket(workflow, { at, by });
  expect(actor.getSnapshot().context.ticket).toEqual(ticket);
  expect(snapshot.value).toBe(ticket.status);

  for (let i = 0; i < events.length; i++) {
    const event = retimed(testCase, i, workflow, ticket);
    expect(snapshot.can(event)).toBe(can(workflow, ticket, event));
    const reference = applyPure(workflow, ticket, event);
    const [next, actions] = xstateTransition(machine, snapshot, event);
    emitted.length = 0;
    actor.send(event);
    ticket = reference.ticket;
    snapshot = next;
    expect(snapshot.value).toBe(ticket.status);
    expect(snapshot.context.ticket).toEqual(ticket);
    expect(emittedEffects(actions)).toEqual(reference.effects);
    const live = actor.getSnapshot();
    expect(live.status).toBe('active');
    expect(live.value).toBe(ticket.status);
    expect(live.context.ticket).toEqual(ticket);
    expect(emitted).toEqual(reference.effects);
  }
  actor.stop();
}

/**
 * Live agreement: the actor's clock runs to each event's instant (or just before it), so its timer fires on its
 * own, once, catching up everything due by then; the reference inserts one `tick` at that time when a deadline
 * has passed. Same status, ticket and effects. Events at the very instant of a deadline included.
 */
function agreesWithLiveTimers(testCase: Case): void {
  const { workflow, by, events, sameInstant } = testCase;
  const at = start(events);
  const clock = new SimulatedClock();
  clock.set(at);
  const machine = machineWithoutGaps(workflow, { now: () => clock.now() });
  const actor = createActor(machine, { clock, input: { at, by } });
  const emitted: AnyEventObject[] = [];
  actor.on('*', (effect) => emitted.push(effect));
  actor.start();
  let ticket: Ticket = createTicket(workflow, { at, by });

  for (let i = 0; i < events.length; i++) {
    const event = retimed(testCase, i, workflow, ticket);
    const time = Math.max(clock.now(), sameInstant ? event.at : event.at - 1);
    const due = sweepAt(workflow, ticket, time);
    const reference = applyPure(workflow, due.ticket, event);
    emitted.length = 0;
    clock.set(time);
    const fired = [...emitted];
    emitted.length = 0;
    actor.send(event);
    // A deadline the event itself set at or before the clock's time (a timer due on entry) fires at once.
    const after = sweepAt(workflow, reference.ticket, time);
    ticket = after.ticket;
    expect(fired).toEqual(due.effects);
    expect(emitted).toEqual([...reference.effects, ...after.effects]);
    expect(actor.getSnapshot().value).toBe(ticket.status);
    expect(actor.getSnapshot().context.ticket).toEqual(ticket);
  }
  actor.stop();
}

const casesFor = (workflow: Workflow, maxLength: number): fc.Arbitrary<Case> =>
  fc.record({
    workflow: fc.constant(workflow),
    by: fc.constantFrom(...ACTORS),
    events: arbitraryEvents(workflow, { maxLength }),
    onDeadline: fc.array(fc.constantFrom(0 as const, 1 as const, null), { maxLength }),
    sameInstant: fc.boolean(),
  });
const randomCases = arbitraryWorkflow().chain((workflow) => casesFor(workflow, 25));
const presetCases = (workflow: Workflow): fc.Arbitrary<Case> => casesFor(workflow, 30);

describe('createTicketMachine agrees with transition, event by event', () => {
  it(
    `on ${RANDOM_RUNS} random policies with random event sequences`,
    () => {
      fc.assert(fc.property(randomCases, agreesEventByEvent), { numRuns: RANDOM_RUNS });
    },
    TIMEOUT_MS,
  );
  it.each(PRESETS)('on the %s preset', (_name, workflow) => {
    fc.assert(fc.property(presetCases(workflow), agreesEventByEvent), { numRuns: PRESET_RUNS });
  });
});

describe('createTicketMachine agrees with transition while its own timers fire', () => {
  it(
    `on ${RANDOM_RUNS} random policies with random event sequences`,
    () => {
      fc.assert(fc.property(randomCases, agreesWithLiveTimers), { numRuns: RANDOM_RUNS });
    },
    TIMEOUT_MS,
  );
  it.each(PRESETS)('on the %s preset', (_name, workflow) => {
    fc.assert(fc.property(presetCases(workflow), agreesWithLiveTimers), { numRuns: PRESET_RUNS });
  });
});
