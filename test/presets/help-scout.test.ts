// Help Scout scenarios. Sources: Help Scout's help center and Mailbox API (URLs below), FreeScout's source where
// they are silent, and docs/presets.md#help-scout for the preset's choices and where it differs.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket } from 'ticket-lifecycle';
import { helpScout, type HelpScoutStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, MINUTE, refusal, run, statusAfter, T0 } from './helpers.js';

const STATUSES = 'https://docs.helpscout.com/article/11-understand-conversation-icons-and-colors';
const SNOOZE = 'https://developer.helpscout.com/mailbox-api/endpoints/conversations/snooze/update/';
const UNSNOOZE = 'https://developer.helpscout.com/mailbox-api/endpoints/conversations/snooze/delete/';

const wf = helpScout();
const active = createTicket(wf, { at: T0 });
const inStatus = (status: Exclude<HelpScoutStatus, 'snoozed'>): Ticket<HelpScoutStatus> =>
  run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;

describe(`helpScout: statuses (${STATUSES})`, () => {
  it('has exactly active, pending, closed, spam, and snoozed for a snooze (docs/presets.md#help-scout)', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['active', 'pending', 'snoozed', 'closed', 'spam']);
  });

  it('creates conversations Active ("New conversations arrive Active")', () => {
    expect(active.status).toBe('active');
    expect(createTicket(wf, { at: T0, by: 'agent' }).status).toBe('active');
  });
});

describe(`helpScout: customer replies ("If a customer replies back to a Pending or Closed conversation…", ${STATUSES})`, () => {
  it('makes a Pending conversation Active', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus('pending'))).toBe('active');
  });

  it('makes a Closed conversation Active, counting the reopen', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus('closed'));
    expect(ticket).toMatchObject({ status: 'active', reopenCount: 1 });
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('keeps an Active conversation Active', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('active');
  });

  it('does not reactivate on an auto-reply or an internal note (docs/presets.md#what-every-preset-shares)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], inStatus('closed'))).toBe(
      'closed',
    );
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], inStatus('pending'))).toBe('pending');
  });

  it('refuses a reply to Spam, which stays Spam (choice, docs/presets.md#help-scout: the host files it with the spam)', () => {
    const spam = inStatus('spam');
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], spam);
    expect(ticket).toBe(spam);
    expect(effects).toEqual([
      { type: 'replyRejected', status: 'spam', at: T0 + DAY, by: 'customer', reason: 'locked' },
    ]);
  });
});

describe('helpScout: agent replies take the chosen status, Pending by default ("Status After Replying", https://github.com/freescout-helpdesk/freescout/blob/master/database/migrations/2018_06_25_065719_create_mailboxes_table.php)', () => {
  it.each(['active', 'pending', 'closed', 'spam'] as const)('sets Pending on a plain agent reply to %s', (status) => {
    const start = status === 'active' ? active : inStatus(status);
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], start)).toBe('pending');
  });

  it.each(['active', 'closed'] as const)('sets the status chosen with the reply: %s', (status) => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status }])).toBe(status);
  });

  it('keeps the current status when the agent chooses it ("Keep Current")', () => {
    const closed = inStatus('closed');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY, status: 'closed' }], closed)).toBe('closed');
  });

  it("moves nothing on a system reply (a workflow's message; choice, docs/presets.md#help-scout)", () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'system', at: T0 + HOUR }])).toBe('active');
  });
});

describe('helpScout: no built-in close timer (https://docs.helpscout.com/article/1399-automatic-workflows)', () => {
  it.each(['active', 'pending', 'closed', 'spam'] as const)(
    'has no deadline in %s and never moves by itself',
    (status) => {
      const start = status === 'active' ? active : inStatus(status);
      expect(nextDeadline(wf, start)).toBeNull();
      expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], start)).toBe(status);
    },
  );

  it('lets agents mark a conversation as spam and back (setStatus)', () => {
    const spam = inStatus('spam');
    expect(statusAfter(wf, [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'active' }], spam)).toBe('active');
  });
});

describe(`helpScout: snooze (${SNOOZE})`, () => {
  const WAKE = T0 + 2 * DAY;
  const snoozed = run(wf, [
    { type: 'reply', by: 'agent', at: T0 + HOUR },
    { type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: WAKE },
  ]).ticket;

  it('snoozes a Pending or Active conversation until snoozedUntil', () => {
    expect(snoozed).toMatchObject({ status: 'snoozed', until: WAKE, snoozedFrom: 'pending' });
    expect(nextDeadline(wf, snoozed)).toBe(WAKE);
    expect(statusAfter(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR, until: WAKE }])).toBe('snoozed');
    expect(statusAfter(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'snoozed', until: WAKE }])).toBe(
      'snoozed',
    );
  });

  it('refuses a snooze without a time, as snoozedUntil is required', () => {
    const active = createTicket(wf, { at: T0 });
    expect(refusal(wf, active, { type: 'snooze', by: 'agent', at: T0 + HOUR }).code).toBe('guardRejected');
    expect(refusal(wf, active, { type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'snoozed' }).code).toBe(
      'untilRequired',
    );
    expect(refusal(wf, active, { type: 'reply', by: 'agent', at: T0 + HOUR, status: 'snoozed' }).code).toBe(
      'untilRequired',
    );
  });

  it('replaces the time on a new snooze ("every subsequent request overrides the previous snooze settings")', () => {
    const later = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + DAY, until: WAKE + DAY }], snoozed).ticket;
    expect(later).toMatchObject({ status: 'snoozed', until: WAKE + DAY });
    expect(statusAfter(wf, [{ type: 'tick', at: WAKE }], later)).toBe('snoozed');
  });

  it(`makes the conversation Active when the snooze ends ("reactivated if needed", ${UNSNOOZE}): still snoozed 1 ms before`, () => {
    expect(statusAfter(wf, [{ type: 'tick', at: WAKE - 1 }], snoozed)).toBe('snoozed');
    const { ticket, effects } = run(wf, [{ type: 'tick', at: WAKE }], snoozed);
    expect(ticket).toMatchObject({ status: 'active', until: null });
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'snooze-expiry', dueAt: WAKE, from: 'snoozed', to: 'active' },
    ]);
  });

  it('makes it Active on a customer reply before then, with unsnoozeOnCustomerReply (the default)', () => {
    const { ticket } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], snoozed);
    expect(ticket).toMatchObject({ status: 'active', until: null });
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('keeps it snoozed on a customer reply with unsnoozeOnCustomerReply: false, telling the host, and wakes it on time', () => {
    const keep = helpScout({ unsnoozeOnCustomerReply: false });
    const start = run(keep, [{ type: 'snooze', by: 'agent', at: T0 + HOUR, until: WAKE }]).ticket;
    const { ticket, effects } = run(keep, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start);
    expect(ticket).toMatchObject({ status: 'snoozed', until: WAKE, lastCustomerMessageAt: T0 + DAY });
    expect(effectsOf(effects, 'replyNeedsAttention')).toEqual([
      { type: 'replyNeedsAttention', status: 'snoozed', at: T0 + DAY },
    ]);
    expect(statusAfter(keep, [{ type: 'tick', at: WAKE }], ticket)).toBe('active');
  });

  it('does not snooze a Closed or Spam conversation (choice, docs/presets.md#help-scout)', () => {
    expect(refusal(wf, inStatus('closed'), { type: 'snooze', by: 'agent', at: T0 + DAY, until: WAKE }).code).toBe(
      'snoozeNotAllowed',
    );
    expect(refusal(wf, inStatus('spam'), { type: 'snooze', by: 'agent', at: T0 + DAY, until: WAKE }).code).toBe(
      'snoozeNotAllowed',
    );
    expect(
      refusal(wf, createTicket(wf, { at: T0 }), { type: 'snooze', by: 'customer', at: T0 + MINUTE, until: WAKE }).code,
    ).toBe('snoozeNotAllowed');
  });

  it('takes the status an agent reply chooses, Pending by default (choice, docs/presets.md#help-scout)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], snoozed)).toBe('pending');
  });

  it('throws WorkflowError invalidOption when unsnoozeOnCustomerReply is not a boolean', () => {
    expectInvalidOption(() => helpScout({ unsnoozeOnCustomerReply: 'yes' as never }), 'unsnoozeOnCustomerReply');
  });
});
