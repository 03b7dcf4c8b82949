// A team property-tests its own policy before customers meet it (run by `npm test`).
//
// The rule the team cares about: "a ticket never closes within 7 days of the customer's last message" (unless the
// customer closes it themselves, confirming the solution).
// checkWorkflow checks it after every event of thousands of random conversations, together with the laws every
// policy gets for free, and returns a short, replayable counterexample when it breaks.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type Ticket, type TicketEvent } from 'ticket-lifecycle';
import { checkWorkflow, type Invariant } from 'ticket-lifecycle/testing';

const DAY = 86_400_000;

const statuses = [
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending' },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
] as const;
const replies = [
  { by: 'agent', from: 'open', to: 'waiting' },
  { by: 'customer', from: ['waiting', 'solved'], action: 'reopen' },
  { by: 'customer', from: 'closed', action: 'followUp' },
] as const;

/**
 * Good: the customer may close; the system (the auto-close timer acts as it, and so does any automation) only after
 * a quiet week, a guard that states the promise. Auto-close counts from the later of "solved" and their last message.
 */
const good = defineWorkflow(
  {
    statuses,
    replies,
    close: [
      { by: 'customer', from: 'solved' },
      { by: 'system', from: 'solved', guards: 'quietForAWeek' },
    ],
    timers: [
      {
        id: 'auto-close',
        in: 'solved',
        since: ['statusEntered', 'lastCustomerMessage'],
        after: 'P7D',
        action: 'move',
        to: 'closed',
      },
    ],
  },
  {
    guards: {
      quietForAWeek: (ticket, event) => event.at - (ticket.lastCustomerMessageAt ?? ticket.createdAt) >= 7 * DAY,
    },
  },
);

/** Broken: auto-close counts from "solved" only, so a customer who wrote just before solving gets closed early. */
const broken = defineWorkflow({
  statuses,
  replies,
  close: { by: ['customer', 'system'], from: 'solved' },
  timers: [{ id: 'auto-close', in: 'solved', after: 'P2D', action: 'move', to: 'closed' }],
});

const neverCloseWithin7Days: Invariant = (before: Ticket, _event: TicketEvent, after: Ticket) => {
  const justClosed = after.status === 'closed' && before.status !== 'closed' && after.closedBy !== 'customer';
  if (!justClosed || after.lastCustomerMessageAt === null || after.closedAt === null) return true;
  const quiet = after.closedAt - after.lastCustomerMessageAt;
  return quiet >= 7 * DAY || `closed ${(quiet / DAY).toFixed(2)} days after the customer's last message`;
};

describe('property-test your policy', () => {
  it('the good policy keeps the promise, and every built-in law holds', () => {
    const report = checkWorkflow(good, { numRuns: 300, seed: 7, invariants: { neverCloseWithin7Days } });
    expect(report.ok ? [] : report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    if (report.ok) expect(report.checked).toContain('neverCloseWithin7Days');
  }, 120_000); // 300 runs of every law: ample on a loaded CI machine.

  it('fast-check finds a short counterexample in the broken policy', () => {
    const report = checkWorkflow(broken, { numRuns: 300, seed: 7, invariants: { neverCloseWithin7Days } });
    if (report.ok) throw new Error('expected the broken policy to fail');
    const [failure] = report.failures;
    expect(failure?.law).toBe('neverCloseWithin7Days');
    expect(failure?.message).toMatch(/closed \d+\.\d\d days after the customer's last message/);
    // Shrunk to a handful of readable steps, e.g.
    //   2026-01-01T00:00:00.000Z  ticket created by customer
    //   2026-01-01T00:00:00.000Z  agent resolve
    //   2026-01-03T00:00:00.000Z  tick
    expect(failure?.steps.length).toBeLessThanOrEqual(4);
    expect(failure?.steps[0]).toMatch(/ticket created by/);
    expect(typeof failure?.seed).toBe('number');
  }, 120_000);
});
