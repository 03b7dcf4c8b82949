// The shape of the generated statechart and the behaviour hosts rely on: one node per status with real
// transitions and named guards, no final status, input handling, effect actions, and refusals.
import { describe, expect, it } from 'vitest';
import { can, createTicket, defineWorkflow, transition, type Effect, type Ticket } from 'ticket-lifecycle';
import { liveAgent, tawkTo, zendesk } from 'ticket-lifecycle/presets';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import {
  createActor,
  fromCallback,
  initialTransition,
  SimulatedClock,
  transition as xstateTransition,
  type AnyStateMachine,
} from 'xstate';
import { DAY, PRESETS } from './helpers.js';

const T0 = Date.UTC(2026, 0, 5, 9);

/** Input for an actor whose clock stands at T0: its live timers never fire during a test. */
const frozenAtT0 = { clock: new SimulatedClock(), now: (): number => T0 };

/** `[event, guard type, guard params, target key]` of every transition leaving one node. */
function edges(machine: AnyStateMachine, node: string): [string, string | undefined, unknown, string | undefined][] {
  const stateNode = node === '' ? machine.root : machine.root.states[node]!;
  return [...stateNode.transitions.values()].flat().map((t) => {
    const guard = t.guard as { type: string; params?: unknown } | string | undefined;
    return [
      t.eventType,
      typeof guard === 'string' ? guard : guard?.type,
      typeof guard === 'string' ? undefined : guard?.params,
      t.target?.[0]?.key,
    ];
  });
}

describe('the statechart', () => {
  it.each(PRESETS)('has one state node per status of %s, tagged with its category, none final', (_name, workflow) => {
    const machine = createTicketMachine(workflow);
    const statuses = workflow.statuses.map((s) => s.id);
    expect(Object.keys(machine.root.states).filter((key) => key !== '(start)')).toEqual(statuses);
    for (const status of workflow.statuses) {
      const node = machine.root.states[status.id]!;
      expect(node.tags).toEqual([status.category]);
      expect(node.type).not.toBe('final');
    }
    // Stately imports the machine's JSON definition.
    expect(JSON.parse(JSON.stringify(machine.toJSON())).states).toHaveProperty(workflow.initial);
  });

  it('stays linear in size for a Zendesk-sized policy of 300 statuses where agents may set any status', () => {
    const categories = ['new', 'open', 'pending', 'onHold', 'snoozed', 'solved', 'closed'] as const;
    const statuses = Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      category: categories[i % 7]!,
      default: i < 7,
    }));
    const workflow = defineWorkflow({
      statuses,
      replies: [
        { by: 'customer', fromCategory: ['pending', 'solved'], action: 'reopen' },
        { by: 'agent', fromCategory: 'open', to: 's2' },
      ],
      timers: [
        { id: 'wake', inCategory: 'snoozed', since: 'until', action: 'move', to: 's1', restorePrevious: true },
        { id: 'close', inCategory: 'solved', after: 'P4D', action: 'move', to: 's6' },
      ],
    });
    const machine = createTicketMachine(workflow);
    const count = Object.values(machine.root.states).reduce(
      (n, node) => n + [...node.transitions.values()].flat().length,
      0,
    );
    // A transition per pair of statuses would be 300 × 300 per event type; "set status" lives on the root instead.
    expect(count).toBeLessThan(300 * 9 * 8);
    // One per status, then the three shared by every status: re-arm timers, stay, and the router for timer moves.
    expect([...machine.root.transitions.get('setStatus')!].length).toBe(303);
    const clock = new SimulatedClock();
    const actor = createActor(machine, { clock, input: { at: T0, now: () => T0 } }).start();
    let ticket = createTicket(workflow, { at: T0 });
    // Open s295 → snoozed s4 → wakes back to s295 (a root transition) → pending s9 → the customer reopens it to s1.
    const events = [
      { type: 'setStatus', by: 'agent', at: T0 + 1, to: 's295' },
      { type: 'snooze', by: 'agent', at: T0 + 2, until: T0 + DAY },
      { type: 'tick', at: T0 + DAY },
      { type: 'setStatus', by: 'agent', at: T0 + DAY + 1, to: 's9' },
      { type: 'reply', by: 'customer', at: T0 + DAY + 2 },
    ] as const;
    const visited: string[] = [];
    for (const event of events) {
      const result = transition(workflow, ticket, event);
      if (result.ok) ticket = result.ticket;
      actor.send(event);
      expect(actor.getSnapshot().context.ticket).toEqual(ticket);
      visited.push(actor.getSnapshot().value);
    }
    expect(visited).toEqual(['s295', 's4', 's295', 's9', 's1']);
  });

  it("draws the policy's own moves between status nodes, under named guards", () => {
    const machine = createTicketMachine(zendesk());
    // A customer reply reopens Pending, On-hold and Solved to Open.
    expect(edges(machine, 'pending')).toContainEqual(['reply', 'replyRule', { to: 'open' }, 'open']);
    expect(edges(machine, 'solved')).toContainEqual(['reply', 'replyRule', { to: 'open' }, 'open']);
    // Assigning a New ticket opens it; solving needs the resolve rule; the auto-close is a timer move.
    expect(edges(machine, 'new')).toContainEqual(['assign', 'assignmentRule', { to: 'open' }, 'open']);
    expect(edges(machine, 'open')).toContainEqual(['resolve', 'resolveRule', { to: 'solved' }, 'solved']);
    expect(edges(machine, 'solved')).toContainEqual(['tick', 'timerRule', { to: 'closed' }, 'closed']);
    expect(edges(machine, 'solved')).toContainEqual(['close', 'closeRule', { to: 'closed' }, 'closed']);
    // The edges are the moves table's: Zendesk's rules let nobody reopen Closed, so Closed has no reopen edge.
    expect(edges(machine, 'closed').filter(([event]) => event === 'reopen')).toEqual([]);
    const [fresh] = initialTransition(machine, { at: T0 });
    const closed = machine.resolveState({
      value: 'closed',
      context: { ticket: { ...fresh.context.ticket, status: 'closed' } },
    });
    expect(closed.can({ type: 'reopen', by: 'agent', at: T0 + 1 })).toBe(false);
    // Status changes of the agent's choosing are drawn once, on the root, to each status they may reach.
    expect(
      edges(machine, '')
        .filter(([event]) => event === 'setStatus')
        .map(([, guard, params]) => [guard, params]),
    ).toEqual([
      ...['open', 'pending', 'hold', 'solved', 'closed'].map((to) => ['statusChangeRule', { to }]),
      ['rearmsTimers', undefined],
      ['accepted', undefined],
      ['landsElsewhere', undefined],
    ]);
    // Moves made by timers that came due before the event route through `(start)` to the engine's status.
    expect(
      edges(machine, '')
        .filter(([event]) => event === 'setStatus')
        .at(-1)?.[3],
    ).toBe('(start)');
  });

  it('changes that move a deadline re-enter the status through (start), restarting its timer; others stay', () => {
    const machine = createTicketMachine(liveAgent());
    // Drawn once on the root, for every status: `rearmsTimers` leads back into the same status through `(start)`.
    const reply = edges(machine, '').filter(([event]) => event === 'reply');
    expect(reply).toContainEqual(['reply', 'rearmsTimers', undefined, '(start)']);
    expect(reply.findIndex(([, guard]) => guard === 'rearmsTimers')).toBeLessThan(
      reply.findIndex(([, guard]) => guard === 'accepted'),
    );
    // …which sends the ticket on to its status at once.
    expect(machine.root.states['(start)']!.always!.map((t) => t.target?.[0]?.key)).toEqual(
      liveAgent().statuses.map((s) => s.id),
    );
    expect(machine.root.states.resolved!.invoke.map((i) => i.src)).toEqual(['ticketTimers']);
    expect(machine.root.states.open!.invoke).toEqual([]);
  });

  it('keeps statuses whose ids contain dots apart from XState paths', () => {
    const workflow = defineWorkflow({
      statuses: [
        { id: 'waiting.customer', category: 'pending' },
        { id: 'open', category: 'open' },
        { id: 'done.v2', category: 'closed' },
      ],
      replies: [{ by: 'agent', from: 'open', to: 'waiting.customer' }],
    });
    const actor = createActor(createTicketMachine(workflow), {
      clock: frozenAtT0.clock,
      input: { at: T0, now: frozenAtT0.now },
    }).start();
    actor.send({ type: 'reply', by: 'agent', at: T0 + 1 });
    expect(actor.getSnapshot().value).toBe('waiting.customer');
    actor.send({ type: 'close', by: 'agent', at: T0 + 2 });
    expect(actor.getSnapshot().value).toBe('done.v2');
    expect(actor.getSnapshot().hasTag('closed')).toBe(true);
  });
});

describe('closed statuses are never final', () => {
  it('LiveAgent: a customer reply reopens a closed ticket', () => {
    const actor = createActor(createTicketMachine(liveAgent()), {
      clock: frozenAtT0.clock,
      input: { at: T0, now: frozenAtT0.now },
    }).start();
    actor.send({ type: 'resolve', by: 'agent', at: T0 + 1 });
    actor.send({ type: 'close', by: 'customer', at: T0 + 1 });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'reply', by: 'customer', at: T0 + 2 });
    expect(actor.getSnapshot().value).toBe('open');
  });

  it('Zendesk: a closed ticket cannot reopen, yet still answers a customer reply with a follow-up request', () => {
    const followUps: Effect[] = [];
    const machine = createTicketMachine(zendesk()).provide({
      actions: { followUpRequested: (_, effect) => followUps.push(effect) },
    });
    const actor = createActor(machine, { clock: frozenAtT0.clock, input: { at: T0, now: frozenAtT0.now } }).start();
    actor.send({ type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' });
    actor.send({ type: 'resolve', by: 'agent', at: T0 + 2 });
    actor.send({ type: 'tick', at: T0 + 2 + 4 * DAY });
    expect(actor.getSnapshot().value).toBe('closed');
    actor.send({ type: 'reply', by: 'customer', at: T0 + 5 * DAY });
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().value).toBe('closed');
    expect(followUps).toEqual([{ type: 'followUpRequested', status: 'closed', at: T0 + 5 * DAY, by: 'customer' }]);
  });
});

describe('input', () => {
  it('creates a ticket exactly as createTicket does, channel and assignee included', () => {
    const workflow = zendesk();
    const input = { at: T0, by: 'agent', channel: 'email', assignee: 'ana' } as const;
    const actor = createActor(createTicketMachine(workflow), { input }).start();
    expect(actor.getSnapshot().context.ticket).toEqual(createTicket(workflow, input));
    expect(actor.getSnapshot().value).toBe('new');
  });

  it('resumes a stored ticket in its own status, in a copy of its own that later changes to the object do not reach', () => {
    const workflow = tawkTo();
    const start = createTicket(workflow, { at: T0 });
    const result = transition(workflow, start, { type: 'reply', by: 'agent', at: T0 + 1 });
    if (!result.ok) throw new Error(result.error.message);
    const stored: Ticket<'open' | 'pending' | 'closed'> = JSON.parse(JSON.stringify(result.ticket));
    const actor = createActor(createTicketMachine(workflow), { input: { ticket: stored } }).start();
    expect(actor.getSnapshot().value).toBe('pending');
    expect(actor.getSnapshot().context.ticket).toEqual(stored);
    (stored as { status: string }).status = 'closed';
    expect(actor.getSnapshot().context.ticket.status).toBe('pending');
  });

  it('refuses a stored ticket that is not valid for the workflow: the actor fails at start', () => {
    const stored = { ...createTicket(tawkTo(), { at: T0 }), status: 'archived' } as unknown as Ticket<'open'>;
    const errors: unknown[] = [];
    const actor = createActor(createTicketMachine(tawkTo()), { input: { ticket: stored } });
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/unknownStatus/);
  });

  it('without input, the actor fails at start and says what it needs', () => {
    const errors: unknown[] = [];
    const actor = createActor(createTicketMachine(tawkTo()));
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(String(errors[0])).toMatch(/needs input/);
  });
});

describe('events', () => {
  it('an event the engine refuses takes no transition, and snapshot.can says so', () => {
    const workflow = zendesk();
    const [snapshot] = initialTransition(createTicketMachine(workflow), { at: T0 });
    const resolve = { type: 'resolve', by: 'agent', at: T0 + 1 } as const; // Zendesk: no assignee yet
    expect(can(workflow, snapshot.context.ticket, resolve)).toBe(false);
    expect(snapshot.can(resolve)).toBe(false);
    const [after, actions] = xstateTransition(createTicketMachine(workflow), snapshot, resolve);
    expect(after.value).toBe('new');
    expect(after.context.ticket).toBe(snapshot.context.ticket);
    expect(actions).toEqual([]);
  });

  it('a stale event is refused just as transition refuses it', () => {
    const actor = createActor(createTicketMachine(tawkTo()), { input: { at: T0 } }).start();
    actor.send({ type: 'reply', by: 'agent', at: T0 + 10 });
    const before = actor.getSnapshot().context.ticket;
    actor.send({ type: 'reply', by: 'customer', at: T0 + 5 });
    expect(actor.getSnapshot().context.ticket).toBe(before);
  });
});

describe('effects', () => {
  it('are emitted by default, so actor.on observes them', () => {
    const seen: Effect[] = [];
    const actor = createActor(createTicketMachine(zendesk()), { input: { at: T0 } });
    actor.on('*', (effect) => seen.push(effect));
    actor.start();
    actor.send({ type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' });
    expect(seen).toEqual([
      { type: 'assigned', from: null, to: 'ana', at: T0 + 1, cause: 'assign' },
      { type: 'statusChanged', from: 'new', to: 'open', at: T0 + 1, cause: 'assign' },
    ]);
  });

  it('are named actions with the effect as params, which machine.provide replaces', () => {
    const machine = createTicketMachine(zendesk()).provide({ actions: { assigned: () => {} } });
    const [snapshot] = initialTransition(machine, { at: T0 });
    const [, actions] = xstateTransition(machine, snapshot, {
      type: 'assign',
      by: 'agent',
      at: T0 + 1,
      assignee: 'ana',
    });
    expect(actions.map((a) => [a.type, a.params])).toEqual([
      ['assigned', { type: 'assigned', from: null, to: 'ana', at: T0 + 1, cause: 'assign' }],
      ['xstate.emit', { event: { type: 'statusChanged', from: 'new', to: 'open', at: T0 + 1, cause: 'assign' } }],
    ]);
  });
});

describe('the timer actor', () => {
  it('can be replaced by a host that sweeps with its own scheduler', () => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const machine = createTicketMachine(liveAgent(), { now: () => clock.now() }).provide({
      actors: { ticketTimers: fromCallback(() => undefined) },
    });
    const actor = createActor(machine, { clock, input: { at: T0 } }).start();
    actor.send({ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'resolved' });
    clock.set(T0 + 30 * DAY);
    expect(actor.getSnapshot().value).toBe('resolved');
    actor.send({ type: 'tick', at: T0 + 30 * DAY });
    expect(actor.getSnapshot().value).toBe('closed');
  });

  it('is not invoked in a pure initialTransition, so the bench can resume tickets without a clock', () => {
    const workflow = liveAgent();
    const result = transition(workflow, createTicket(workflow, { at: T0 }), {
      type: 'setStatus',
      by: 'agent',
      at: T0 + 1,
      to: 'resolved',
    });
    if (!result.ok) throw new Error(result.error.message);
    const [snapshot, actions] = initialTransition(createTicketMachine(workflow), { ticket: result.ticket });
    expect(snapshot.value).toBe('resolved');
    expect(actions.map((a) => a.type)).toEqual(['xstate.spawnChild']);
  });
});
