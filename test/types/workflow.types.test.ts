import { describe, expectTypeOf, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  transition,
  validateWorkflow,
  type Effect,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { liveAgent, tawkTo, zendesk } from 'ticket-lifecycle/presets';

const wf = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'done', category: 'closed' },
  ],
  replies: [{ by: 'agent', from: 'open', to: 'waiting' }],
});
const ticket = createTicket(wf, { at: 0 });

describe('status ids are inferred as a literal union', () => {
  it('from an inline config', () => {
    expectTypeOf(wf).toEqualTypeOf<Workflow<'open' | 'waiting' | 'done'>>();
    expectTypeOf(ticket.status).toEqualTypeOf<'open' | 'waiting' | 'done'>();
    expectTypeOf(wf.initial).toEqualTypeOf<'open' | 'waiting' | 'done'>();
    expectTypeOf(evaluateAutoClose(wf, ticket, 0).status).toEqualTypeOf<'open' | 'waiting' | 'done'>();
  });

  it('for every preset', () => {
    expectTypeOf(zendesk().initial).toEqualTypeOf<'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed'>();
    expectTypeOf(liveAgent().initial).toEqualTypeOf<'new' | 'open' | 'answered' | 'postponed' | 'resolved' | 'closed'>();
    expectTypeOf(tawkTo().initial).toEqualTypeOf<'open' | 'pending' | 'closed'>();
  });

  it('effects and results carry the ids', () => {
    const result = transition(wf, ticket, { type: 'reply', by: 'agent', at: 1 });
    if (result.ok) {
      expectTypeOf(result.ticket).toEqualTypeOf<Ticket<'open' | 'waiting' | 'done'>>();
      expectTypeOf(result.effects).toEqualTypeOf<readonly Effect<'open' | 'waiting' | 'done'>[]>();
      const changed = result.effects.find((e) => e.type === 'statusChanged');
      if (changed?.type === 'statusChanged') expectTypeOf(changed.to).toEqualTypeOf<'open' | 'waiting' | 'done'>();
    }
  });

  it('untyped configs from a database give string ids', () => {
    const loaded = validateWorkflow(JSON.parse('{}'));
    if (loaded.ok) expectTypeOf(loaded.workflow).toEqualTypeOf<Workflow<string>>();
  });
});

describe('a wrong status id does not compile', () => {
  it('in setStatus, a reply’s status, or reopen', () => {
    transition(wf, ticket, { type: 'setStatus', by: 'agent', at: 1, to: 'waiting' });
    // @ts-expect-error 'typo' is not a status of this workflow
    transition(wf, ticket, { type: 'setStatus', by: 'agent', at: 1, to: 'typo' });
    // @ts-expect-error 'closed' is not a status of this workflow (it is 'done')
    transition(wf, ticket, { type: 'reply', by: 'agent', at: 1, status: 'closed' });
    // @ts-expect-error 'solved' is a Zendesk status, not this workflow's
    transition(wf, ticket, { type: 'reopen', by: 'agent', at: 1, to: 'solved' });
    // @ts-expect-error Zendesk has no 'answered' status
    transition(zendesk(), createTicket(zendesk(), { at: 0 }), { type: 'setStatus', by: 'agent', at: 1, to: 'answered' });
  });

  it('inside the config itself', () => {
    // Only type-checked: these configs would throw WorkflowError at run time.
    const configs = [
      () =>
        defineWorkflow({
          statuses: [{ id: 'a', category: 'open' }, { id: 'b', category: 'closed' }],
          // @ts-expect-error 'c' is not declared in statuses
          replies: [{ by: 'agent', from: 'a', to: 'c' }],
        }),
      () =>
        defineWorkflow({
          statuses: [{ id: 'a', category: 'open' }, { id: 'b', category: 'closed' }],
          // @ts-expect-error 'zz' is not declared in statuses
          timers: [{ id: 't', in: 'zz', after: 'P1D', action: 'move', to: 'b' }],
        }),
      () =>
        defineWorkflow({
          // @ts-expect-error 'archived' is not a category
          statuses: [{ id: 'a', category: 'archived' }],
        }),
    ];
    expectTypeOf(configs).toBeArray();
  });

  it('wrong event shapes', () => {
    // @ts-expect-error an actor is required
    transition(wf, ticket, { type: 'reply', at: 1 });
    // @ts-expect-error 'bot' is not an actor
    transition(wf, ticket, { type: 'note', by: 'bot', at: 1 });
    // @ts-expect-error `until` is a number of epoch milliseconds
    transition(wf, ticket, { type: 'snooze', by: 'agent', at: 1, until: 'tomorrow' });
    // @ts-expect-error a ticket of another workflow is refused
    transition(wf, createTicket(zendesk(), { at: 0 }), { type: 'tick', at: 1 });
  });

  it('events are a discriminated union', () => {
    const describe = (e: TicketEvent<'open'>): string => (e.type === 'setStatus' ? e.to : e.type);
    expectTypeOf(describe).returns.toEqualTypeOf<string>();
  });
});
