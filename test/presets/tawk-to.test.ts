// tawk.to scenarios. Source: tawk.to's help article (HELP below), and docs/presets.md#tawkto for the one reading it chose.
import { describe, expect, it } from 'vitest';
import { createTicket, evaluateAutoClose, nextDeadline, type Ticket, type TicketEvent } from 'ticket-lifecycle';
import { tawkTo, type TawkToStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, HOUR, run, statusAfter, T0 } from './helpers.js';

const HELP = 'https://help.tawk.to/article/the-difference-between-open-pending-or-closed-tickets';

const wf = tawkTo();
const pending = run(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR }]).ticket;
const closed = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'closed' }]).ticket;

describe('tawkTo: statuses and creation', () => {
  it(`has exactly open, pending, closed (${HELP})`, () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['open', 'pending', 'closed']);
  });

  it('starts Open whether from a chat, an offline message or by hand ("Open")', () => {
    expect(createTicket(wf, { at: T0, channel: 'chat' }).status).toBe('open');
    expect(createTicket(wf, { at: T0, channel: 'offline' }).status).toBe('open');
    expect(createTicket(wf, { at: T0, by: 'agent' }).status).toBe('open');
  });
});

describe(`tawkTo: replies (${HELP})`, () => {
  it('marks Open as Pending on an agent reply', () => {
    expect(pending.status).toBe('pending');
  });

  it('brings Pending back to Open on a visitor reply', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], pending)).toBe('open');
  });

  it('brings Pending back to Open on an agent reply too (the literal reading, docs/presets.md#tawkto)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR }], pending)).toBe('open');
  });

  it('reopens Closed to Open on a customer reply', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], closed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('reopens Closed to Open on an agent reply', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], closed)).toBe('open');
  });

  it('keeps Open on a customer reply', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('open');
  });
});

describe(`tawkTo: "Send and mark as" and status changes without a reply (${HELP})`, () => {
  it('sends and marks as Open, overriding the automatic Pending', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'open' }])).toBe('open');
  });

  it('sends and marks as Pending, overriding the automatic Open', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'pending' }], pending)).toBe(
      'pending',
    );
  });

  it('sends and marks as Closed, from Open or Pending', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'closed' }])).toBe('closed');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'closed' }], pending)).toBe(
      'closed',
    );
  });

  it('changes the status without replying: Open → Pending → Closed', () => {
    const { ticket } = run(wf, [
      { type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' },
      { type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'closed' },
    ]);
    expect(ticket.status).toBe('closed');
    expect(ticket.lastAgentMessageAt).toBeNull();
  });

  it('reopens a closed ticket by setting it Open ("a closed ticket can be reopened by changing its status to Open")', () => {
    const { ticket, effects } = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'open' }], closed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });
});

describe(`tawkTo: never closes by itself ("Tickets are never automatically marked as Closed", ${HELP})`, () => {
  const events: TicketEvent<TawkToStatus>[] = [
    { type: 'reply', by: 'agent', at: T0 + HOUR },
    { type: 'tick', at: T0 + 30 * DAY },
    { type: 'reply', by: 'customer', at: T0 + 31 * DAY },
    { type: 'reply', by: 'agent', at: T0 + 32 * DAY, status: 'pending' },
    { type: 'note', by: 'agent', at: T0 + 33 * DAY },
    { type: 'tick', at: T0 + 400 * DAY },
  ];

  it('has no deadline after any of these events, and a tick a year later changes nothing', () => {
    let ticket: Ticket<TawkToStatus> = createTicket(wf, { at: T0 });
    expect(nextDeadline(wf, ticket)).toBeNull();
    for (const event of events) {
      ticket = run(wf, [event], ticket).ticket;
      expect(nextDeadline(wf, ticket)).toBeNull();
    }
    expect(ticket.status).toBe('pending');
    expect(evaluateAutoClose(wf, ticket, T0 + 10_000 * DAY)).toMatchObject({
      due: [],
      status: 'pending',
      close: false,
      nextCheckAt: null,
    });
  });

  it('keeps a closed ticket closed, with no deadline either', () => {
    expect(nextDeadline(wf, closed)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 1000 * DAY }], closed)).toBe('closed');
  });
});
