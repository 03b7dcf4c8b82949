// Invariant 6: the machine from createTicketMachine(workflow) and the pure `transition` agree on every event
// sequence — through actor.send, through xstate's own pure transition(), and with live timers firing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTORS, can, createTicket, type Actor, type Effect, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { arbitraryEvents, arbitraryWorkflow } from 'ticket-lifecycle/testing';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { createActor, initialTransition, SimulatedClock, transition as xstateTransition, type AnyEventObject } from 'xstate';
import { applyPure, fireDeadlinesBefore, PRESETS } from './helpers.js';

/** At least 200 policy/sequence pairs per property in every run (the floor), a few seconds in all. */
const RANDOM_RUNS = 200;
const PRESET_RUNS = 40;
/** Live-timer runs fire every deadline one by one: a repeating one-minute reminder over weeks would take long. */
const TICK_BUDGET = 300;

interface Case {
  readonly workflow: Workflow;
  readonly by: Actor;
  readonly events: readonly TicketEvent[];
}

const start = (events: readonly TicketEvent[]): number => events[0]?.at ?? Date.UTC(2026, 0, 1);
const emittedEffects = (actions: readonly { type: string; params?: unknown }[]): unknown[] =>
  actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: unknown }).event);

/**
 * Event-driven agreement: with no clock running, `actor.send`, xstate's pure `transition()` and our `transition`
 * give the same status, the same ticket and the same effects after every event, and `snapshot.can` is `can`.
 */
function agreesEventByEvent({ workflow, by, events }: Case): void {
  const at = start(events);
  const machine = createTicketMachine(workflow);
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

  for (const event of events) {
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
 * Live agreement: the actor's clock runs to just before each event, so its timers fire on their own, one deadline
 * at a time; the reference inserts a `tick` at each of those deadlines. Same status, ticket and effects.
 */
function agreesWithLiveTimers({ workflow, by, events }: Case): void {
  const at = start(events);
  const clock = new SimulatedClock();
  clock.set(at);
  const machine = createTicketMachine(workflow, { now: () => clock.now() });
  const actor = createActor(machine, { clock, input: { at, by } });
  const emitted: AnyEventObject[] = [];
  actor.on('*', (effect) => emitted.push(effect));
  actor.start();
  let ticket: Ticket = createTicket(workflow, { at, by });
  let budget = TICK_BUDGET;

  for (const event of events) {
    const due = fireDeadlinesBefore(workflow, ticket, event.at, budget);
    if (due.exhausted) break;
    budget -= due.ticks;
    const reference = applyPure(workflow, due.ticket, event);
    emitted.length = 0;
    if (event.at - 1 > clock.now()) clock.set(event.at - 1);
    const fired = [...emitted];
    emitted.length = 0;
    actor.send(event);
    ticket = reference.ticket;
    expect(fired).toEqual(due.effects as Effect[]);
    expect(emitted).toEqual(reference.effects);
    expect(actor.getSnapshot().value).toBe(ticket.status);
    expect(actor.getSnapshot().context.ticket).toEqual(ticket);
  }
  actor.stop();
}

const randomCases = arbitraryWorkflow().chain((workflow) =>
  fc.record({ workflow: fc.constant(workflow), by: fc.constantFrom(...ACTORS), events: arbitraryEvents(workflow, { maxLength: 25 }) }),
);
const presetCases = (workflow: Workflow): fc.Arbitrary<Case> =>
  fc.record({ workflow: fc.constant(workflow), by: fc.constantFrom(...ACTORS), events: arbitraryEvents(workflow, { maxLength: 30 }) });

describe('createTicketMachine agrees with transition, event by event', () => {
  it(`on ${RANDOM_RUNS} random policies with random event sequences`, () => {
    fc.assert(fc.property(randomCases, agreesEventByEvent), { numRuns: RANDOM_RUNS });
  }, 60_000);
  it.each(PRESETS)('on the %s preset', (_name, workflow) => {
    fc.assert(fc.property(presetCases(workflow), agreesEventByEvent), { numRuns: PRESET_RUNS });
  });
});

describe('createTicketMachine agrees with transition while its own timers fire', () => {
  it(`on ${RANDOM_RUNS} random policies with random event sequences`, () => {
    fc.assert(fc.property(randomCases, agreesWithLiveTimers), { numRuns: RANDOM_RUNS });
  }, 60_000);
  it.each(PRESETS)('on the %s preset', (_name, workflow) => {
    fc.assert(fc.property(presetCases(workflow), agreesWithLiveTimers), { numRuns: PRESET_RUNS });
  });
});
