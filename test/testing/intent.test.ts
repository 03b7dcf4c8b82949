import { createTicket, defineWorkflow, transition, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { applicableIntents, checkStep, intentStep, type Intent } from 'ticket-lifecycle/testing';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;

function stepOf(workflow: Workflow, events: readonly TicketEvent[]) {
  let ticket = createTicket(workflow, { at: 0, by: 'customer' });
  const steps = [];
  for (const event of events) {
    const result = transition(workflow, ticket, event);
    steps.push(intentStep(workflow, ticket, event, result));
    ticket = result.ticket;
  }
  return steps;
}

describe('intentStep', () => {
  it('takes the engine answer apart: after, effects, refusal and the timers that fired inside the step', () => {
    const wf = zendesk();
    const [assign, solve, reply] = stepOf(wf, [
      { type: 'assign', by: 'agent', at: 1, assignee: 'ana' },
      { type: 'resolve', by: 'agent', at: 2 },
      { type: 'reply', by: 'customer', at: 10 * DAY },
    ]);
    expect(assign!.after.status).toBe('open');
    expect(solve!.refusal).toBeNull();
    // The auto-close fired inside the customer's reply, 4 days after solving: the reply reached a closed ticket.
    expect(reply!.timers).toMatchObject([{ type: 'timerFired', timer: 'auto-close', from: 'solved', to: 'closed' }]);
    expect(reply!.effects.map((e) => e.type)).toContain('followUpRequested');
  });

  it('reports a refusal with its code and no effects', () => {
    const [close] = stepOf(zendesk(), [{ type: 'close', by: 'agent', at: 1 }]);
    expect(close!.refusal?.code).toBe('closeNotAllowed');
    expect(close!.effects).toEqual([]);
    expect(close!.after).toBe(close!.before);
  });
});

describe('checkStep', () => {
  const wf = zendesk();
  const [step] = stepOf(wf, [{ type: 'reply', by: 'customer', at: 1 }]);

  it('returns the first violation, naming the intent', () => {
    const never: Intent = { name: 'never', description: '', incident: '', applies: () => true, check: () => 'no' };
    expect(checkStep([never], step!)).toEqual({ intent: 'never', message: 'no' });
  });

  it('counts an intent that throws as violated', () => {
    const throws: Intent = {
      name: 'throws',
      description: '',
      incident: '',
      applies: () => true,
      check: () => {
        throw new Error('boom');
      },
    };
    expect(checkStep([throws], step!)?.message).toContain('boom');
  });
});

describe('applicableIntents', () => {
  it('builds the catalogue for a policy, minus the skipped ones', () => {
    const names = applicableIntents(zendesk()).map((i) => i.name);
    expect(names).toContain('customerMessageReachesTeam');
    expect(applicableIntents(zendesk(), { skip: ['customerMessageReachesTeam'] }).map((i) => i.name)).not.toContain(
      'customerMessageReachesTeam',
    );
  });

  it('leaves out intents that mean nothing for the policy', () => {
    const bare = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }] });
    expect(applicableIntents(bare).map((i) => i.name)).not.toContain('neverAutoFinishWhileCustomerWaits');
  });

  it('flags a reply swallowed in pending', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'waiting', category: 'pending' },
        { id: 'done', category: 'closed' },
      ],
      replies: [{ by: 'agent', from: 'open', to: 'waiting' }],
    });
    const steps = stepOf(wf, [
      { type: 'reply', by: 'agent', at: 1 },
      { type: 'reply', by: 'customer', at: 2 },
    ]);
    expect(checkStep(applicableIntents(wf), steps[1]!)).toMatchObject({ intent: 'customerMessageReachesTeam' });
  });
});
