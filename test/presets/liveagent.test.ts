// LiveAgent scenarios. Sources: helpdesk-systems.md §0 (seeds), §1 and §11.5-8; seeds/000-004 (LiveAgent glossary).
import { describe, expect, it } from 'vitest';
import { createTicket, evaluateAutoClose, nextDeadline } from 'ticket-lifecycle';
import { liveAgent } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const wf = liveAgent();
const answered = run(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR }]).ticket;
const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
const RESOLVED_AT = T0 + HOUR;

describe('liveAgent: statuses and replies', () => {
  it('has exactly new, open, answered, postponed, resolved, closed (§1 status codes N C A W R L)', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['new', 'open', 'answered', 'postponed', 'resolved', 'closed']);
  });

  it('starts a ticket New (§1 "New": new ticket from email, form, chat…; seeds/001)', () => {
    expect(createTicket(wf, { at: T0 }).status).toBe('new');
  });

  it('marks the ticket Answered on an agent reply to New (§11.5)', () => {
    expect(answered.status).toBe('answered');
  });

  it('marks the ticket Answered on an agent reply to Open (§11.5)', () => {
    const status = statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], answered);
    expect(status).toBe('open');
    expect(statusAfter(wf, [
      { type: 'reply', by: 'customer', at: T0 + 2 * HOUR },
      { type: 'reply', by: 'agent', at: T0 + 3 * HOUR },
    ], answered)).toBe('answered');
  });

  it('reopens Answered to Open on a customer reply (§1 "Open"; seeds/001 "when the customer writes again")', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], answered)).toBe('open');
  });

  it('keeps a New ticket New on a customer reply (§1 [infer]: New is not in the reopen list)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }]);
    expect(ticket.status).toBe('new');
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
  });

  it('reopens Resolved to Open on a customer reply when "Reopen Resolved Ticket" is on, the default (§1, §11.7)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], resolved);
    expect(ticket.status).toBe('open');
    expect(ticket.reopenCount).toBe(1);
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('keeps Resolved and tells the host (replyNeedsAttention) when reopenResolved is false (§11.7)', () => {
    const off = liveAgent({ reopenResolved: false });
    const start = run(off, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const { ticket, effects } = run(off, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start);
    expect(ticket.status).toBe('resolved');
    expect(ticket.lastCustomerMessageAt).toBe(T0 + DAY);
    expect(effectsOf(effects, 'replyNeedsAttention')).toEqual([{ type: 'replyNeedsAttention', status: 'resolved', at: T0 + DAY }]);
  });

  it('never reopens on an auto-reply (§11.3)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR, auto: true }], answered)).toBe('answered');
  });
});

describe('liveAgent: Postponed (its snooze)', () => {
  it('reopens Postponed to Open on a customer reply, ending the postponement (§1 "Open")', () => {
    const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + 3 * DAY }], answered).ticket;
    const { ticket } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], postponed);
    expect(ticket.status).toBe('open');
    expect(ticket.until).toBeNull();
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('wakes Postponed to Open at the postpone time (§1 "Postponed", §11.6)', () => {
    const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + DAY }], answered).ticket;
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + DAY - 1 }], postponed)).toBe('postponed');
    const { ticket, effects } = run(wf, [{ type: 'tick', at: T0 + DAY }], postponed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'postpone-expiry', dueAt: T0 + DAY, from: 'postponed', to: 'open' },
    ]);
  });

  it('wakes a ticket postponed from New back to New (§11.6)', () => {
    const { ticket } = run(wf, [
      { type: 'snooze', by: 'agent', at: T0 + HOUR, until: T0 + DAY },
      { type: 'tick', at: T0 + 2 * DAY },
    ]);
    expect(ticket.status).toBe('new');
  });
});

describe('liveAgent: closing follows Resolved, by the customer or the system (seeds/000, 003: best practice)', () => {
  it('lets the customer close a Resolved ticket (confirmation)', () => {
    const { ticket } = run(wf, [{ type: 'close', by: 'customer', at: T0 + DAY, reason: 'confirmed' }], resolved);
    expect(ticket.status).toBe('closed');
    expect(ticket.closedBy).toBe('customer');
  });

  it('lets the system close a Resolved ticket', () => {
    expect(statusAfter(wf, [{ type: 'close', by: 'system', at: T0 + DAY }], resolved)).toBe('closed');
  });

  it('refuses an agent close, by close or by setStatus', () => {
    expect(refusal(wf, resolved, { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe('closeNotAllowed');
    expect(refusal(wf, resolved, { type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'closed' }).code).toBe('closeNotAllowed');
  });

  it('refuses closing a ticket that is not Resolved ("Closed must follow the solved status")', () => {
    expect(refusal(wf, answered, { type: 'close', by: 'customer', at: T0 + DAY }).code).toBe('closeNotAllowed');
    expect(refusal(wf, answered, { type: 'close', by: 'system', at: T0 + DAY }).code).toBe('closeNotAllowed');
  });
});

describe('liveAgent: auto-close of Resolved (§0 "no customer reply for 7 days"; §1 Time Rules)', () => {
  it('closes 7 days after resolving by default: still Resolved 1 ms before', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY - 1 }], resolved)).toBe('resolved');
    const { ticket } = run(wf, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY }], resolved);
    expect(ticket).toMatchObject({ status: 'closed', closedAt: RESOLVED_AT + 7 * DAY, closedBy: 'system', closeReason: 'inactivity' });
    expect(nextDeadline(wf, resolved)).toBe(RESOLVED_AT + 7 * DAY);
  });

  it('counts from the customer\'s last reply when that is later (reopenResolved: false)', () => {
    const off = liveAgent({ reopenResolved: false });
    const start = run(off, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const replied = run(off, [{ type: 'reply', by: 'customer', at: RESOLVED_AT + 3 * DAY }], start).ticket;
    expect(nextDeadline(off, replied)).toBe(RESOLVED_AT + 10 * DAY);
    expect(statusAfter(off, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY - 1 }], replied)).toBe('resolved');
    expect(statusAfter(off, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY }], replied)).toBe('closed');
  });

  it('counts from resolving when the customer wrote before it', () => {
    const { ticket } = run(wf, [
      { type: 'reply', by: 'customer', at: T0 + HOUR },
      { type: 'resolve', by: 'agent', at: T0 + DAY },
    ]);
    expect(nextDeadline(wf, ticket)).toBe(T0 + 8 * DAY);
  });

  it('takes another delay from autoCloseAfter', () => {
    const short = liveAgent({ autoCloseAfter: 'P3D' });
    const start = run(short, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    expect(nextDeadline(short, start)).toBe(RESOLVED_AT + 3 * DAY);
  });

  it('sends no reminder unless the options ask for one', () => {
    const { effects } = run(wf, [{ type: 'tick', at: RESOLVED_AT + 30 * DAY }], resolved);
    expect(effectsOf(effects, 'reminderDue')).toEqual([]);
    expect(effectsOf(effects, 'timerFired')).toHaveLength(1);
  });

  it('sends the reminders the options ask for, then closes (§0 "send a reminder", §1 Time Rules)', () => {
    const reminding = liveAgent({ reminders: ['P5D', 'P6D'] });
    const start = run(reminding, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const { ticket, effects } = run(reminding, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY }], start);
    expect(ticket.status).toBe('closed');
    expect(effectsOf(effects, 'reminderDue').map((e) => e.dueAt)).toEqual([RESOLVED_AT + 5 * DAY, RESOLVED_AT + 6 * DAY]);
    expect(evaluateAutoClose(reminding, start, RESOLVED_AT + 5 * DAY).due).toEqual([
      { timer: 'auto-close', kind: 'reminder', dueAt: RESOLVED_AT + 5 * DAY, from: 'resolved', to: 'resolved' },
    ]);
  });
});

describe('liveAgent: choices where the sources are silent (preset TSDoc)', () => {
  const closed = run(wf, [{ type: 'close', by: 'customer', at: T0 + DAY }], resolved).ticket;

  it('reopens Closed to Open on a customer reply (seeds: "the end user can re-establish contact")', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * DAY }], closed)).toBe('open');
  });

  it('rejects an agent reply to Closed ("locked from further actions"), but lets an agent reopen it', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * DAY }], closed);
    expect(ticket).toBe(closed);
    expect(effectsOf(effects, 'replyRejected')).toHaveLength(1);
    expect(statusAfter(wf, [{ type: 'reopen', by: 'agent', at: T0 + 2 * DAY }], closed)).toBe('open');
  });
});

describe('liveAgent: SLA (helpdesk-systems.md §1 SLA)', () => {
  it('counts SLA time only in New and Open: answer times are what LiveAgent measures', () => {
    const paused = wf.statuses.filter((s) => s.slaPaused).map((s) => s.id);
    expect(paused).toEqual(['answered', 'postponed', 'resolved']);
  });
});
