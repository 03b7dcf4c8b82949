// Live timers on a simulated clock: auto-close on time, reminders as actions at their due times, persistence,
// catch-up after downtime, delays beyond setTimeout's limit, and cancellation when the status is left.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTicket, transition, type Effect, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { liveAgent, zendesk, type LiveAgentStatus } from 'ticket-lifecycle/presets';
import { createTicketMachine, MAX_TIMEOUT_MS } from 'ticket-lifecycle/xstate';
import { createActor, SimulatedClock, type ActorOptions, type AnyActorLogic } from 'xstate';
import { DAY } from './helpers.js';

const T0 = Date.UTC(2026, 0, 5, 9);

type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/** A ticket taken through `events` by the pure engine (every event must be accepted). */
function ticketAfter<S extends string>(workflow: Workflow<S>, events: readonly TicketEvent<S>[]): Ticket<S> {
  return events.reduce<Ticket<S>>(
    (ticket, event) => {
      const result = transition(workflow, ticket, event);
      if (!result.ok) throw new Error(`${event.type} refused: ${result.error.message}`);
      return result.ticket;
    },
    createTicket(workflow, { at: T0 }),
  );
}

const solvedZendesk = [
  { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' },
  { type: 'resolve', by: 'agent', at: T0 + 2 },
] as const;

function simulatedClockAt(time: number): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(time);
  return clock;
}

describe('a Zendesk ticket on a simulated clock', () => {
  it('is still solved 1 ms before four days and closed at four days, with the timer effects', () => {
    const clock = simulatedClockAt(T0);
    const machine = createTicketMachine(zendesk(), { now: () => clock.now() });
    const actor = createActor(machine, { clock, input: { at: T0 } });
    const effects: Effect[] = [];
    actor.on('*', (effect) => effects.push(effect));
    actor.start();
    for (const event of solvedZendesk) actor.send(event);
    const solvedAt = T0 + 2;

    clock.set(solvedAt + 4 * DAY - 1);
    expect(actor.getSnapshot().value).toBe('solved');
    effects.length = 0;
    clock.set(solvedAt + 4 * DAY);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('closed');
    expect(snapshot.context.ticket).toEqual(
      transition(zendesk(), ticketAfter(zendesk(), solvedZendesk), { type: 'tick', at: solvedAt + 4 * DAY }).ticket,
    );
    expect(snapshot.context.ticket).toMatchObject({
      closedAt: solvedAt + 4 * DAY,
      closedBy: 'system',
      closeReason: 'solved-timeout',
    });
    expect(effects).toEqual([
      { type: 'statusChanged', from: 'solved', to: 'closed', at: solvedAt + 4 * DAY, cause: 'timer' },
      { type: 'timerFired', timer: 'auto-close', dueAt: solvedAt + 4 * DAY, from: 'solved', to: 'closed' },
    ]);
    actor.stop();
  });

  it('reads the clock named in its input', () => {
    const clock = simulatedClockAt(T0);
    const actor = createActor(createTicketMachine(zendesk()), {
      clock,
      input: { at: T0, now: () => clock.now() },
    }).start();
    for (const event of solvedZendesk) actor.send(event);
    clock.set(T0 + 2 + 4 * DAY - 1);
    expect(actor.getSnapshot().value).toBe('solved');
    clock.set(T0 + 2 + 4 * DAY);
    expect(actor.getSnapshot().value).toBe('closed');
  });

  it('closes after 28 days, not at once, although 28 days exceed what setTimeout can wait', () => {
    const clock = simulatedClockAt(T0);
    const delays: number[] = [];
    // A clock as strict as setTimeout: a longer delay would fire at once in Node and browsers.
    const strict: Clock = {
      setTimeout: (fn, ms) => {
        if (ms > MAX_TIMEOUT_MS) throw new RangeError(`setTimeout cannot wait ${ms} ms`);
        delays.push(ms);
        return clock.setTimeout(fn, ms);
      },
      clearTimeout: (id) => clock.clearTimeout(id),
    };
    const workflow = zendesk({ closeAfter: 'P28D' });
    const actor = createActor(createTicketMachine(workflow, { now: () => clock.now() }), {
      clock: strict,
      input: { at: T0 },
    }).start();
    for (const event of solvedZendesk) actor.send(event);
    expect(delays).toEqual([MAX_TIMEOUT_MS]);
    clock.set(T0 + MAX_TIMEOUT_MS);
    expect(actor.getSnapshot().value).toBe('solved');
    expect(delays).toEqual([MAX_TIMEOUT_MS, 28 * DAY + 2 - MAX_TIMEOUT_MS]);
    clock.set(T0 + 2 + 28 * DAY - 1);
    expect(actor.getSnapshot().value).toBe('solved');
    clock.set(T0 + 2 + 28 * DAY);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.ticket.closedAt).toBe(T0 + 2 + 28 * DAY);
  });
});

describe('with the default clock (Date.now and setTimeout, faked)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits 28 days in setTimeout-sized steps and closes on time', () => {
    vi.useFakeTimers({ now: T0 });
    const actor = createActor(createTicketMachine(zendesk({ closeAfter: 'P28D' })), { input: { at: T0 } }).start();
    for (const event of solvedZendesk) actor.send(event);
    // Date.now() is still T0: the deadline is 28 days and 2 ms away.
    vi.advanceTimersByTime(MAX_TIMEOUT_MS + 1);
    expect(actor.getSnapshot().value).toBe('solved');
    vi.advanceTimersByTime(28 * DAY - MAX_TIMEOUT_MS);
    expect(Date.now()).toBe(T0 + 28 * DAY + 1);
    expect(actor.getSnapshot().value).toBe('solved');
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.ticket.closedAt).toBe(T0 + 2 + 28 * DAY);
    actor.stop();
  });
});

describe('reminders', () => {
  it('are emitted as actions at their due times, then the ticket closes', () => {
    const clock = simulatedClockAt(T0);
    const workflow = liveAgent({ autoCloseAfter: 'P7D', reminders: ['P5D', 'P6D'] });
    const seen: { effect: Effect; clock: number }[] = [];
    const machine = createTicketMachine(workflow, { now: () => clock.now() }).provide({
      actions: {
        reminderDue: (_, effect) => seen.push({ effect, clock: clock.now() }),
        timerFired: (_, effect) => seen.push({ effect, clock: clock.now() }),
      },
    });
    const actor = createActor(machine, { clock, input: { at: T0 } }).start();
    actor.send({ type: 'reply', by: 'agent', at: T0 + 1 });
    actor.send({ type: 'setStatus', by: 'agent', at: T0 + 2, to: 'resolved' });
    const resolvedAt = T0 + 2;

    clock.set(resolvedAt + 5 * DAY - 1);
    expect(seen).toEqual([]);
    clock.set(resolvedAt + 8 * DAY);
    expect(seen).toEqual([
      {
        effect: { type: 'reminderDue', timer: 'auto-close', dueAt: resolvedAt + 5 * DAY, status: 'resolved', index: 0 },
        clock: resolvedAt + 8 * DAY,
      },
      {
        effect: { type: 'reminderDue', timer: 'auto-close', dueAt: resolvedAt + 6 * DAY, status: 'resolved', index: 1 },
        clock: resolvedAt + 8 * DAY,
      },
      {
        effect: {
          type: 'timerFired',
          timer: 'auto-close',
          dueAt: resolvedAt + 7 * DAY,
          from: 'resolved',
          to: 'closed',
        },
        clock: resolvedAt + 8 * DAY,
      },
    ]);
    expect(actor.getSnapshot().value).toBe('closed');
  });

  it('fire one at a time when the clock runs through them', () => {
    const clock = simulatedClockAt(T0);
    const workflow = liveAgent({ autoCloseAfter: 'P7D', reminders: ['P5D', 'P6D'] });
    const seen: { timer: string; dueAt: number; clock: number }[] = [];
    const machine = createTicketMachine(workflow, { now: () => clock.now() }).provide({
      actions: {
        reminderDue: (_, effect) => seen.push({ timer: effect.timer, dueAt: effect.dueAt, clock: clock.now() }),
      },
    });
    const actor = createActor(machine, { clock, input: { at: T0 } }).start();
    actor.send({ type: 'setStatus', by: 'agent', at: T0 + 2, to: 'resolved' });
    for (let day = 1; day <= 7; day++) clock.set(T0 + 2 + day * DAY);
    expect(seen).toEqual([
      { timer: 'auto-close', dueAt: T0 + 2 + 5 * DAY, clock: T0 + 2 + 5 * DAY },
      { timer: 'auto-close', dueAt: T0 + 2 + 6 * DAY, clock: T0 + 2 + 6 * DAY },
    ]);
    expect(actor.getSnapshot().value).toBe('closed');
  });
});

describe('persistence', () => {
  it('a persisted and restored actor keeps its timer', () => {
    const clock = simulatedClockAt(T0);
    const machine = createTicketMachine(zendesk(), { now: () => clock.now() });
    const first = createActor(machine, { clock, input: { at: T0 } }).start();
    for (const event of solvedZendesk) first.send(event);
    clock.set(T0 + DAY);
    const stored = JSON.stringify(first.getPersistedSnapshot());
    first.stop();

    const restored = createActor(machine, { clock, snapshot: JSON.parse(stored) }).start();
    expect(restored.getSnapshot().value).toBe('solved');
    expect(restored.getSnapshot().context.ticket).toEqual(ticketAfter(zendesk(), solvedZendesk));
    clock.set(T0 + 2 + 4 * DAY - 1);
    expect(restored.getSnapshot().value).toBe('solved');
    clock.set(T0 + 2 + 4 * DAY);
    expect(restored.getSnapshot().value).toBe('closed');
    expect(restored.getSnapshot().context.ticket.closedAt).toBe(T0 + 2 + 4 * DAY);
  });

  it('a snapshot restored after its deadline applies the missed close at once, at its due time', () => {
    const clock = simulatedClockAt(T0);
    const machine = createTicketMachine(zendesk(), { now: () => clock.now() });
    const first = createActor(machine, { clock, input: { at: T0 } }).start();
    for (const event of solvedZendesk) first.send(event);
    const stored = JSON.stringify(first.getPersistedSnapshot());
    first.stop();

    clock.set(T0 + 11 * DAY); // the host was down for eleven days
    const restored = createActor(machine, { clock, snapshot: JSON.parse(stored) }).start();
    expect(restored.getSnapshot().value).toBe('closed');
    expect(restored.getSnapshot().context.ticket.closedAt).toBe(T0 + 2 + 4 * DAY);
  });

  it('a stored ticket resumed after its deadline is caught up when the actor starts', () => {
    const clock = simulatedClockAt(T0 + 11 * DAY);
    const stored = ticketAfter(zendesk(), solvedZendesk);
    const actor = createActor(createTicketMachine(zendesk(), { now: () => clock.now() }), {
      clock,
      input: { ticket: stored },
    }).start();
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.ticket).toEqual(
      transition(zendesk(), stored, { type: 'tick', at: T0 + 11 * DAY }).ticket,
    );
  });
});

describe('leaving a status', () => {
  it('cancels its timers', () => {
    const clock = simulatedClockAt(T0);
    const workflow = liveAgent();
    const effects: Effect[] = [];
    const actor = createActor(createTicketMachine(workflow, { now: () => clock.now() }), { clock, input: { at: T0 } });
    actor.on('timerFired', (effect) => effects.push(effect));
    actor.start();
    actor.send({ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'resolved' });
    expect(actor.getSnapshot().children.timers).toBeDefined();
    actor.send({ type: 'reply', by: 'customer', at: T0 + DAY });
    expect(actor.getSnapshot().value).toBe('open');
    expect(actor.getSnapshot().children.timers).toBeUndefined();
    expect(actor.system.getSnapshot()._scheduledEvents).toEqual({});
    clock.set(T0 + 30 * DAY);
    expect(actor.getSnapshot().value).toBe('open');
    expect(effects).toEqual([]);
  });

  it('a change inside the status moves its timer to the new deadline', () => {
    const clock = simulatedClockAt(T0);
    // LiveAgent counts the auto-close from the later of "resolved" and the customer's last reply.
    const workflow = liveAgent({ reopenResolved: false });
    const actor = createActor(createTicketMachine(workflow, { now: () => clock.now() }), {
      clock,
      input: { at: T0 },
    }).start();
    actor.send({ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'resolved' });
    clock.set(T0 + 3 * DAY);
    actor.send({ type: 'reply', by: 'customer', at: T0 + 3 * DAY });
    expect(actor.getSnapshot().value).toBe('resolved');
    clock.set(T0 + 10 * DAY - 1);
    expect(actor.getSnapshot().value).toBe('resolved');
    clock.set(T0 + 10 * DAY);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.ticket.closedAt).toBe(T0 + 10 * DAY);
  });
});

describe('LiveAgent postponement', () => {
  it.each<[string, TicketEvent<LiveAgentStatus>[]]>([
    ['new', []],
    ['open', [{ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'open' }]],
  ])('a ticket postponed from %s wakes up there at the chosen time', (wakesTo, before) => {
    const clock = simulatedClockAt(T0);
    const actor = createActor(createTicketMachine(liveAgent(), { now: () => clock.now() }), {
      clock,
      input: { at: T0 },
    }).start();
    for (const event of before) actor.send(event);
    actor.send({ type: 'snooze', by: 'agent', at: T0 + 2, until: T0 + 2 * DAY });
    expect(actor.getSnapshot().value).toBe('postponed');
    clock.set(T0 + 2 * DAY - 1);
    expect(actor.getSnapshot().value).toBe('postponed');
    clock.set(T0 + 2 * DAY);
    expect(actor.getSnapshot().value).toBe(wakesTo);
    expect(actor.getSnapshot().context.ticket.statusChangedAt).toBe(T0 + 2 * DAY);
  });
});
