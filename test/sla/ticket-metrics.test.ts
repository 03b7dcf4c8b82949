import { describe, expect, it } from 'vitest';
import { ticketMetrics, transition } from '../../src/index.js';
import { desk, H, MIN, MON_9, run } from './fixtures.js';

const office = {
  timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']] as const])),
};
const wf = desk([{ id: 'office', calendar: 'office', targets: { firstReply: 'PT1H', resolution: 'P2D' } }], {
  calendars: { office },
});

// Zendesk's ticket metrics report replies and time per status (agent replies, requester and agent wait time):
// https://support.zendesk.com/hc/en-us/articles/4408821871642 (Ticket metrics and properties).
describe('ticketMetrics: replies by side and time per category', () => {
  // Created Monday 09:00 (the customer's opening message), answered 10:00 (→ pending), the customer writes back
  // at 16:00 (→ open), the team answers Tuesday 10:00 (→ pending), solved Tuesday 11:00.
  const { ticket } = run(wf, MON_9, [
    { type: 'reply', by: 'agent', at: MON_9 + H },
    { type: 'reply', by: 'customer', at: MON_9 + 7 * H },
    { type: 'reply', by: 'agent', at: MON_9 + 25 * H },
    { type: 'resolve', by: 'agent', at: MON_9 + 26 * H },
  ]);

  it('counts the messages on each side, the opening one included', () => {
    const m = ticketMetrics(wf, ticket);
    expect(m.ok && m.metrics.replies).toEqual({ customer: 2, team: 2 });
    expect(m.ok && m.metrics.countedSince).toBe(MON_9);
  });

  it('splits the ticket’s age by category, in calendar and in business time (a stay of no time is left out)', () => {
    const m = ticketMetrics(wf, ticket);
    expect(m.ok && m.metrics.timeInCategory).toEqual({
      new: { calendar: H, business: H },
      pending: { calendar: 6 * H + H, business: 6 * H + H },
      // Monday 16:00 to Tuesday 10:00: one open hour on Monday, one on Tuesday.
      open: { calendar: 18 * H, business: 2 * H },
    });
  });

  it('counts a repeated message (same side, same instant) once, and messages back and forth at one instant each', () => {
    const { ticket: t } = run(wf, MON_9, [
      { type: 'reply', by: 'customer', at: MON_9 + MIN },
      { type: 'reply', by: 'customer', at: MON_9 + MIN },
      { type: 'reply', by: 'agent', at: MON_9 + 2 * MIN },
      { type: 'reply', by: 'customer', at: MON_9 + 2 * MIN },
      { type: 'reply', by: 'agent', at: MON_9 + 2 * MIN },
    ]);
    const m = ticketMetrics(wf, t);
    expect(m.ok && m.metrics.replies).toEqual({ customer: 3, team: 2 });
  });

  it('reads a ticket stored before activity was kept: counting starts with its stay in its status', () => {
    const { activity: _dropped, ...sla } = ticket.sla!;
    const old = JSON.parse(JSON.stringify({ ...ticket, sla }));
    const m = ticketMetrics(wf, old);
    expect(m.ok && m.metrics).toMatchObject({
      replies: { customer: 0, team: 0 },
      countedSince: ticket.statusChangedAt,
      timeInCategory: {},
    });
    const r = transition(wf, old, { type: 'reply', by: 'customer', at: MON_9 + 27 * H });
    expect(r.ok && ticketMetrics(wf, r.ticket)).toMatchObject({
      ok: true,
      metrics: { replies: { customer: 1, team: 0 } },
    });
  });

  it('refuses a malformed stored activity with the path of the SLA state', () => {
    const activity = { ...ticket.sla!.activity!, customerReplies: -1 };
    const bad = { ...ticket, sla: { ...ticket.sla!, activity } };
    const r = transition(wf, bad, { type: 'tick', at: MON_9 + 27 * H });
    expect(r.ok === false && r.error).toMatchObject({ code: 'invalidTicket', path: 'ticket.sla' });
  });

  it('without SLA policies, replies and time are not measured', () => {
    const plain = desk(undefined);
    const { ticket: t } = run(plain, 0, [{ type: 'reply', by: 'agent', at: MIN }]);
    const m = ticketMetrics(plain, t);
    expect(m.ok && m.metrics).toMatchObject({ replies: null, timeInCategory: null, countedSince: null });
  });
});
