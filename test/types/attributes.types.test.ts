// Priorities are typed like status ids (issue 13): inferred as a literal union from `priorities`, so a typo in a
// `when`, an `update` event or `createTicket` does not compile, and the ticket's `priority` is the union or null.
import { describe, expectTypeOf, it } from 'vitest';
import { createTicket, defineWorkflow, transition, type Ticket, type Workflow } from 'ticket-lifecycle';

const statuses = [
  { id: 'open', category: 'open' },
  { id: 'closed', category: 'closed' },
] as const;
type Id = (typeof statuses)[number]['id'];
const priorities = ['low', 'normal', 'urgent'] as const;
type Priority = (typeof priorities)[number];

// Compile-time only: each call below is type-checked, never run.
function typos(): void {
  const wf = defineWorkflow({ statuses: [...statuses], priorities: [...priorities] });
  // @ts-expect-error when on a permission rule: a typo in `priority`
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], close: { when: { priority: 'urgnt' } } });
  // @ts-expect-error when on a reply rule: a typo in a priority list
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], replies: [{ by: 'agent', when: { priority: ['low', 'hgh'] } }] });
  // @ts-expect-error when on a status change rule: a typo in `priority`
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], statusChanges: [{ when: { priority: 'lo' } }] });
  // @ts-expect-error createTicket: a typo in `priority`
  createTicket(wf, { at: 0, priority: 'urgnt' });
  const ticket = createTicket(wf, { at: 0, priority: 'urgent' });
  // @ts-expect-error update event: a typo in `priority`
  transition(wf, ticket, { type: 'update', by: 'agent', at: 1, priority: 'hgh' });
  // @ts-expect-error tags must be a list
  transition(wf, ticket, { type: 'update', by: 'agent', at: 1, tags: 'vip' });
  // @ts-expect-error a timer's when: a typo in `priority`
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], timers: [{ id: 't', in: 'open', after: 'PT1H', action: 'remind', when: { priority: 'urgnt' } }] });
  // @ts-expect-error a timer's escalation: a typo in the priority it sets
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], timers: [{ id: 't', in: 'open', after: 'PT1H', action: 'remind', set: { priority: 'urgnt' } }] });
  // @ts-expect-error an SLA policy's when: a typo in `priority`
  defineWorkflow({ statuses: [...statuses], priorities: [...priorities], sla: [{ id: 's', when: { priority: 'hgh' }, targets: { firstReply: 'PT1H' } }] });
  // @ts-expect-error a stored ticket whose priority the policy lacks
  const stored: Ticket<Id, Priority> = { ...ticket, priority: 'critical' };
  // @ts-expect-error assignSolver goes with resolve rules only
  defineWorkflow({ statuses: [...statuses], close: { by: 'agent', assignSolver: true } });
  // @ts-expect-error assignSolver is a boolean
  defineWorkflow({ statuses: [...statuses], resolve: { by: 'agent', assignSolver: 'agent' } });
  defineWorkflow({ statuses: [...statuses], resolve: [{ by: 'agent', requireAssignee: true, assignSolver: true }] });
  expectTypeOf(stored).toBeObject();
}

describe('priorities in a policy', () => {
  it('are inferred as a literal union, carried to the workflow, tickets and results', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      priorities: [...priorities],
      close: { when: { priority: ['urgent', null], group: 'tier-2', tags: { any: 'vip' } } },
    });
    expectTypeOf(wf).toEqualTypeOf<Workflow<Id, Priority>>();
    expectTypeOf(wf.priorities).toEqualTypeOf<readonly Priority[]>();
    const ticket = createTicket(wf, { at: 0, priority: 'low', group: 'tier-1', tags: ['a'] });
    expectTypeOf(ticket).toEqualTypeOf<Ticket<Id, Priority>>();
    expectTypeOf(ticket.priority).toEqualTypeOf<Priority | null>();
    const r = transition(wf, ticket, { type: 'update', by: 'agent', at: 1, priority: null, actorId: 'ana' });
    if (r.ok) expectTypeOf(r.ticket.priority).toEqualTypeOf<Priority | null>();
    expectTypeOf(typos).toBeFunction();
  });

  it('without priorities, any string (the runtime refuses what the policy lacks) and Workflow<S> as before', () => {
    const wf = defineWorkflow({ statuses: [...statuses] });
    expectTypeOf(wf).toEqualTypeOf<Workflow<Id>>();
    expectTypeOf(createTicket(wf, { at: 0 }).priority).toEqualTypeOf<string | null>();
  });

  it('a workflow with priorities is still a Workflow<S> where priorities do not matter', () => {
    const wf = defineWorkflow({ statuses: [...statuses], priorities: [...priorities] });
    const plain: Workflow<Id> = wf;
    expectTypeOf(plain).toEqualTypeOf<Workflow<Id>>();
  });
});
