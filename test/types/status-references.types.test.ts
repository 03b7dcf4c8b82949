// Typo safety (README, Types): every status reference in a policy is checked against its statuses, one
// `@ts-expect-error` per rule family. A typo must never widen the inferred status union.
import { describe, expectTypeOf, it } from 'vitest';
import { defineWorkflow, validateWorkflow, type Workflow, type WorkflowValidation } from 'ticket-lifecycle';

const statuses = [
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending' },
  { id: 'later', category: 'snoozed' },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
] as const;
type Id = (typeof statuses)[number]['id'];

// Compile-time only: each call below is type-checked, never run (defineWorkflow would throw on the typos).
function typos(): void {
  // @ts-expect-error replies: a typo in `from`
  defineWorkflow({ statuses: [...statuses], replies: [{ by: 'agent', from: 'opne', to: 'waiting' }] });
  // @ts-expect-error replies: a typo in `to`
  defineWorkflow({ statuses: [...statuses], replies: [{ by: 'agent', from: 'open', to: 'wating' }] });
  // @ts-expect-error assignments: a typo in `from`
  defineWorkflow({ statuses: [...statuses], assignments: [{ from: 'opne', to: 'open' }] });
  // @ts-expect-error assignments: a typo in `to`
  defineWorkflow({ statuses: [...statuses], assignments: [{ from: 'open', to: 'opne' }] });
  // @ts-expect-error statusChanges: a typo in `from`
  defineWorkflow({ statuses: [...statuses], statusChanges: [{ from: 'opne', to: 'waiting' }] });
  // @ts-expect-error statusChanges: a typo in `to`
  defineWorkflow({ statuses: [...statuses], statusChanges: [{ from: 'open', to: 'wating' }] });
  // @ts-expect-error resolve: a typo in `from`
  defineWorkflow({ statuses: [...statuses], resolve: { from: 'opne' } });
  // @ts-expect-error close: a typo in `from` (the issue's own example)
  defineWorkflow({ statuses: [...statuses], close: { from: 'opne' } });
  // @ts-expect-error snooze: a typo in `from`
  defineWorkflow({ statuses: [...statuses], snooze: [{ from: ['open', 'wating'] }] });
  // @ts-expect-error reopen: a typo in `from`
  defineWorkflow({ statuses: [...statuses], reopen: { from: 'solvd' } });
  // @ts-expect-error assign: a typo in `from`
  defineWorkflow({ statuses: [...statuses], assign: { from: 'solvd', keepAssignee: true } });
  // @ts-expect-error merge: a typo in `from`
  defineWorkflow({ statuses: [...statuses], merge: { from: 'opne' } });
  // @ts-expect-error timers: a typo in `in`
  defineWorkflow({ statuses: [...statuses], timers: [{ id: 't', in: 'solvd', after: 'P1D', action: 'move', to: 'closed' }] });
  // @ts-expect-error timers: a typo in `to`
  defineWorkflow({ statuses: [...statuses], timers: [{ id: 't', in: 'solved', after: 'P1D', action: 'move', to: 'closd' }] });
  // @ts-expect-error timers: a typo in `restorePrevious`
  defineWorkflow({ statuses: [...statuses], timers: [{ id: 't', in: 'later', since: 'until', action: 'move', to: 'open', restorePrevious: ['wating'] }] });
  // @ts-expect-error initial: a typo
  defineWorkflow({ statuses: [...statuses], initial: 'opne' });
  // @ts-expect-error initialByChannel: a typo
  defineWorkflow({ statuses: [...statuses], initialByChannel: { chat: 'wating' } });
  // @ts-expect-error statuses: a typo in `reopenTo`
  defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'solved', category: 'solved', reopenTo: 'opne' }] });
}

describe('status references in a policy', () => {
  it('keep the inferred union exactly the declared ids (no rule widens it)', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      replies: [{ by: 'agent', from: 'open', to: 'waiting' }],
      close: { from: 'solved' },
      assign: { from: ['open', 'waiting'] },
      timers: [{ id: 't', in: 'solved', after: 'P1D', action: 'move', to: 'closed' }],
    });
    expectTypeOf(wf).toEqualTypeOf<Workflow<Id>>();
    expectTypeOf(typos).toBeFunction();
  });

  it('name validateWorkflow’s result', () => {
    expectTypeOf(validateWorkflow({})).toEqualTypeOf<WorkflowValidation>();
  });
});
