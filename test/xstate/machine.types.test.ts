// The machine is typed by the policy: state values, `matches`, events, context, effect actions and emitted effects.
import { describe, expectTypeOf, it } from 'vitest';
import type { Effect, Ticket, TicketEvent } from 'ticket-lifecycle';
import { zendesk, type ZendeskStatus } from 'ticket-lifecycle/presets';
import { createTicketMachine, type TicketMachine } from 'ticket-lifecycle/xstate';
import { createActor } from 'xstate';

const machine = createTicketMachine(zendesk());
const actor = createActor(machine, { input: { at: 0 } });
const snapshot = actor.getSnapshot();

describe('createTicketMachine types', () => {
  it('infers the policy\'s status ids', () => {
    expectTypeOf(machine).toEqualTypeOf<TicketMachine<ZendeskStatus>>();
    expectTypeOf(snapshot.value).toEqualTypeOf<ZendeskStatus>();
    expectTypeOf(snapshot.context.ticket).toEqualTypeOf<Ticket<ZendeskStatus>>();
  });

  it('snapshot.matches accepts only the policy\'s ids', () => {
    snapshot.matches('solved');
    snapshot.matches('hold');
    // @ts-expect-error: not a Zendesk status
    snapshot.matches('resolved');
    // @ts-expect-error: the start node is no status
    snapshot.matches('(start)');
  });

  it('hasTag accepts only status categories', () => {
    snapshot.hasTag('onHold');
    // @ts-expect-error: not a category
    snapshot.hasTag('hold');
  });

  it('events are typed exactly like the engine\'s', () => {
    expectTypeOf(actor.send).parameter(0).toEqualTypeOf<TicketEvent<ZendeskStatus>>();
    actor.send({ type: 'reply', by: 'customer', at: 1 });
    actor.send({ type: 'setStatus', by: 'agent', at: 2, to: 'hold' });
    // @ts-expect-error: `to` must be a Zendesk status
    actor.send({ type: 'setStatus', by: 'agent', at: 2, to: 'resolved' });
    // @ts-expect-error: `by` must be an actor
    actor.send({ type: 'reply', by: 'bot', at: 1 });
    // @ts-expect-error: `at` is required
    actor.send({ type: 'note', by: 'agent' });
    // @ts-expect-error: `assignee` is required
    actor.send({ type: 'assign', by: 'agent', at: 1 });
    // @ts-expect-error: no such event
    actor.send({ type: 'escalate', by: 'agent', at: 1 });
  });

  it('input is a stored ticket or what createTicket takes', () => {
    createActor(machine, { input: { at: 0, by: 'agent', channel: 'email', assignee: null, now: () => 0 } });
    createActor(machine, { input: { ticket: snapshot.context.ticket } });
    // @ts-expect-error: `at` must be a number
    createActor(machine, { input: { at: '2026-01-05' } });
    // Restoring needs no input.
    createActor(machine, { snapshot: actor.getPersistedSnapshot() });
  });

  it('effect actions and emitted effects carry the effect, typed by its kind', () => {
    machine.provide({
      actions: {
        reminderDue: (_, effect) => {
          expectTypeOf(effect).toEqualTypeOf<Extract<Effect<ZendeskStatus>, { type: 'reminderDue' }>>();
        },
        // @ts-expect-error: `timer` is not a field of statusChanged
        statusChanged: (_, effect) => effect.timer,
      },
    });
    actor.on('timerFired', (effect) => {
      expectTypeOf(effect.to).toEqualTypeOf<ZendeskStatus>();
    });
  });
});
