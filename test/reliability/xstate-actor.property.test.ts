// Issue 9, proof: a fuzz property over the XState actor. Random persisted snapshots (valid, tampered, persisted
// under another policy), restored after outages of up to ten years (repeating reminders included), then random
// event objects, some sent again after being changed. The actor never throws out of createActor, start or send;
// it either refuses the snapshot with a TicketMachineError or agrees with `transition` after every step, ticket
// deep-equal and effects equal (so never more effects than `transition` yields).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  transition,
  type Effect,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { liveAgent, zammad, zendesk } from 'ticket-lifecycle/presets';
import { arbitraryEvents } from 'ticket-lifecycle/testing';
import { createTicketMachine, TicketMachineError } from 'ticket-lifecycle/xstate';
import { createActor, SimulatedClock } from 'xstate';
import { applyPure, DAY, MINUTE, sweepAt } from '../xstate/helpers.js';

const RUNS = 300;
const MAX_EVENTS = 12;
const TEN_YEARS = 3_653 * DAY;
const TIMEOUT_MS = 180_000;
const T0 = Date.UTC(2026, 0, 5, 9);

const perMinute: Workflow = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open', default: true },
    { id: 'waiting', category: 'pending', default: true },
    { id: 'solved', category: 'solved', default: true },
    { id: 'closed', category: 'closed', default: true },
  ],
  timers: [
    { id: 'nudge', in: 'waiting', after: 'PT1M', action: 'remind', repeatEvery: 'PT1M' },
    { id: 'close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' },
  ],
});

/** Policies a snapshot is persisted under and restored into; pairs differ one time in three. */
const POLICIES: readonly Workflow[] = [
  zendesk({ closeAfter: 'P4D' }),
  zendesk({ closeAfter: 'P7D' }),
  zammad(),
  liveAgent(),
  perMinute,
];

interface Stats {
  snapshots: number;
  tampered: number;
  foreign: number;
  refused: number;
  longOutages: number;
  events: number;
  resent: number;
}
const stats: Stats = { snapshots: 0, tampered: 0, foreign: 0, refused: 0, longOutages: 0, events: 0, resent: 0 };

/** A change to a persisted snapshot: a path and the value put there. */
type Tamper = readonly [path: readonly string[], value: unknown];

const junk = fc.oneof(
  fc.constantFrom<unknown>(
    'bogus',
    -7,
    2 ** 53,
    8.64e15,
    null,
    true,
    {},
    [],
    'closed',
    'open',
    'solved',
    'new',
    'pending_reminder',
    0,
    1.5,
  ),
  fc.anything({ maxDepth: 1 }),
);
const tamper: fc.Arbitrary<Tamper> = fc.tuple(
  fc.constantFrom<readonly string[]>(
    ['value'],
    ['status'],
    ['context'],
    ['children'],
    ['historyValue'],
    ['context', 'ticket'],
    ['context', 'ticket', 'status'],
    ['context', 'ticket', 'version'],
    ['context', 'ticket', 'updatedAt'],
    ['context', 'ticket', 'createdAt'],
    ['context', 'ticket', 'statusChangedAt'],
    ['context', 'ticket', 'assignee'],
    ['context', 'ticket', 'awaiting'],
    ['context', 'ticket', 'timersFired'],
    ['context', 'ticket', 'snoozedFrom'],
    ['context', 'ticket', 'until'],
    ['children', 'timers', 'snapshot', 'input', 'deadline'],
    ['children', 'timers', 'src'],
  ),
  junk,
);

interface Case {
  readonly from: number;
  readonly into: number;
  readonly history: readonly TicketEvent[];
  readonly tampers: readonly Tamper[];
  readonly outage: number;
  readonly events: readonly TicketEvent[];
  /** For each event, whether to send instead the previous event object again, with its `at` moved by this much. */
  readonly resend: readonly (number | null)[];
}

const cases: fc.Arbitrary<Case> = fc
  .record({
    from: fc.nat(POLICIES.length - 1),
    foreign: fc.nat(2),
    intoOther: fc.nat(POLICIES.length - 1),
  })
  .chain(({ from, foreign, intoOther }) => {
    const source = POLICIES[from]!;
    const into = foreign === 0 ? intoOther : from;
    return fc.record({
      from: fc.constant(from),
      into: fc.constant(into),
      history: arbitraryEvents(source, { maxLength: 10, start: T0 }),
      tampers: fc.oneof(
        { weight: 2, arbitrary: fc.constant([]) },
        { weight: 3, arbitrary: fc.array(tamper, { minLength: 1, maxLength: 3 }) },
      ),
      outage: fc.oneof(
        fc.integer({ min: 0, max: DAY }),
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: TEN_YEARS }),
      ),
      events: arbitraryEvents(POLICIES[into]!, { maxLength: MAX_EVENTS, start: T0 }),
      resend: fc.array(fc.option(fc.integer({ min: -DAY, max: DAY }), { nil: null, freq: 3 }), {
        maxLength: MAX_EVENTS,
      }),
    });
  });

/** The ticket after `history` under `workflow`, refused events skipped. */
function storedTicket(workflow: Workflow, history: readonly TicketEvent[]): Ticket {
  let ticket = createTicket(workflow, { at: T0 });
  for (const event of history) ticket = applyPure(workflow, ticket, event).ticket;
  return ticket;
}

/** A fresh copy of a generated event, its times moved by `delta` (fast-check's values are never changed). */
function moved(event: TicketEvent, delta: number): TicketEvent {
  const copy = { ...event, at: event.at + delta } as TicketEvent & { until?: number };
  if (typeof copy.until === 'number') copy.until += delta;
  return copy;
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) (node as Record<string, unknown>)[path.at(-1)!] = value;
}

function actorAgreesWithTransition(c: Case): void {
  const source = POLICIES[c.from]!;
  const target = POLICIES[c.into]!;
  const clock = new SimulatedClock();
  const stored = storedTicket(source, c.history);
  clock.set(stored.updatedAt);

  // Persisted by a real actor of the source policy, through JSON, then tampered with.
  const first = createActor(createTicketMachine(source, { now: () => clock.now() }), {
    clock,
    input: { ticket: stored },
  });
  first.subscribe({ error: () => {} });
  first.start();
  const snapshot = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as Record<string, unknown>;
  first.stop();
  for (const [path, value] of c.tampers) put(snapshot, path, value);
  stats.snapshots++;
  if (c.tampers.length > 0) stats.tampered++;
  if (c.from !== c.into) stats.foreign++;
  if (c.outage > 365 * DAY) stats.longOutages++;

  const restoredAt = clock.now() + c.outage;
  clock.set(restoredAt);
  const effects: Effect[] = [];
  const errors: unknown[] = [];
  const machine = createTicketMachine(target, { now: () => clock.now() });
  const actor = createActor(machine, { clock, snapshot: snapshot as never });
  actor.on('*', (effect) => effects.push(effect as Effect));
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();

  const context = snapshot.context as { ticket?: unknown } | undefined;
  const ticket = (typeof context === 'object' && context !== null ? context.ticket : undefined) as Ticket | undefined;
  if (actor.getSnapshot().status === 'error') {
    // Refused: with a TicketMachineError, and only for a reason transition itself or the snapshot's shape gives.
    stats.refused++;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TicketMachineError);
    const probe = transition(target, ticket as Ticket, { type: 'tick', at: restoredAt });
    expect(snapshot.status !== 'active' || !probe.ok || snapshot.value !== ticket?.status).toBe(true);
    for (const event of c.events) expect(() => actor.send(event)).not.toThrow();
    return;
  }
  expect(errors).toEqual([]);
  // Restored: caught up with one tick at the restore time, exactly as a sweeper's, from the snapshot's ticket.
  let reference = sweepAt(target, ticket!, restoredAt);
  expect(effects).toEqual(reference.effects);
  expect(actor.getSnapshot().context.ticket).toEqual(reference.ticket);
  let current = reference.ticket;

  // The events start when the actor is restored.
  const events = c.events.map((event) => moved(event, restoredAt - T0));
  let previous: { type: string; at: number } | undefined;
  for (let i = 0; i < events.length; i++) {
    const shift = c.resend[i] ?? null;
    let event: TicketEvent = events[i]!;
    if (shift !== null && previous !== undefined) {
      // The very object sent before, changed in place and sent again.
      previous.at = Math.max(0, previous.at + shift);
      event = previous as TicketEvent;
      stats.resent++;
    }
    stats.events++;
    const time = Math.max(clock.now(), Math.min(event.at, 8.64e15));
    const swept = sweepAt(target, current, time);
    effects.length = 0;
    clock.set(time);
    expect(effects).toEqual(swept.effects);
    effects.length = 0;
    // A copy for the reference: the engine gets the event exactly as the actor does at this moment.
    reference = applyPure(target, swept.ticket, { ...event });
    expect(() => actor.send(event)).not.toThrow();
    // A deadline the event itself set at or before the clock's time (a timer due on entry) fires at once.
    const after = sweepAt(target, reference.ticket, time);
    expect(effects).toEqual([...reference.effects, ...after.effects]);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().value).toBe(after.ticket.status);
    expect(actor.getSnapshot().context.ticket).toEqual(after.ticket);
    current = after.ticket;
    previous = event as { type: string; at: number };
  }
  expect(errors).toEqual([]);
  actor.stop();
}

describe('the XState actor under hostile snapshots, outages and re-sent events', () => {
  it(
    `agrees with transition or refuses with a TicketMachineError, over ${RUNS} restores`,
    () => {
      fc.assert(fc.property(cases, actorAgreesWithTransition), { numRuns: RUNS });
      // The hostile inputs this property ran (the issue asks for the count); floors keep the mix honest.
      console.info(`xstate actor fuzz: ${JSON.stringify(stats)}`);
      expect(stats.tampered).toBeGreaterThan(RUNS / 3);
      expect(stats.foreign).toBeGreaterThan(RUNS / 10);
      expect(stats.refused).toBeGreaterThan(RUNS / 10);
      expect(stats.snapshots - stats.refused).toBeGreaterThan(RUNS / 3);
      expect(stats.longOutages).toBeGreaterThan(RUNS / 10);
      expect(stats.resent).toBeGreaterThan(RUNS / 3);
    },
    TIMEOUT_MS,
  );
});

// A minute-by-minute reminder restored after up to ten years: one effect, never one per missed minute.
describe('repeating reminders after outages of up to ten years', () => {
  it('emit what one tick at the restore time yields, within a second', () => {
    fc.assert(
      fc.property(fc.integer({ min: MINUTE, max: TEN_YEARS }), (outage) => {
        const waiting = applyPure(perMinute, createTicket(perMinute, { at: T0 }), {
          type: 'setStatus',
          by: 'agent',
          at: T0 + 1,
          to: 'waiting',
        }).ticket;
        const clock = new SimulatedClock();
        clock.set(waiting.updatedAt + outage);
        const effects: Effect[] = [];
        const actor = createActor(createTicketMachine(perMinute, { now: () => clock.now() }), {
          clock,
          input: { ticket: waiting },
        });
        actor.on('*', (effect) => effects.push(effect as Effect));
        const started = performance.now();
        actor.start();
        expect(performance.now() - started).toBeLessThan(1_000);
        expect(effects).toEqual(sweepAt(perMinute, waiting, waiting.updatedAt + outage).effects);
        expect(effects.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
