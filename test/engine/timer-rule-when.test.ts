// A timer's move passes the rules a system event making it passes (docs/guards.md), a rule's `when` included: a
// close rule for urgent tickets only never lets an auto-close close a low-priority one. Before the decision
// structure, a rule with a `when` but no other condition counted as "no condition", and the timer skipped the check.
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, transition } from 'ticket-lifecycle';

const DAY = 86_400_000;
const workflow = defineWorkflow({
  priorities: ['low', 'urgent'],
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  close: [{ by: 'system', when: { priority: 'urgent' } }],
  timers: [{ id: 'autoClose', in: 'solved', after: 'P1D', since: 'statusEntered', action: 'move', to: 'closed' }],
});

const solved = (priority: 'low' | 'urgent') => {
  const ticket = createTicket(workflow, { at: 0, priority });
  const result = transition(workflow, ticket, { type: 'resolve', by: 'agent', at: 1 });
  expect(result.ok).toBe(true);
  return result.ticket;
};

describe("a timer's move and the `when` of the rule that would let the system make it", () => {
  it('closes the tickets the rule matches', () => {
    const r = transition(workflow, solved('urgent'), { type: 'tick', at: 2 * DAY });
    expect(r.ticket.status).toBe('closed');
  });

  it('leaves the others where they are (the move is blocked, as a system close event would be refused)', () => {
    const ticket = solved('low');
    expect(transition(workflow, ticket, { type: 'close', by: 'system', at: 2 * DAY }).ok).toBe(false);
    const r = transition(workflow, ticket, { type: 'tick', at: 2 * DAY });
    expect(r.ticket.status).toBe('solved');
  });
});
