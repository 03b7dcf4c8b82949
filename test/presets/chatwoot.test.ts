// Chatwoot scenarios. Sources: Chatwoot's source at chatwoot/chatwoot@e13e3c87 and its issues (URLs below), and
// docs/presets.md#chatwoot for the preset's choices.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket } from 'ticket-lifecycle';
import { chatwoot, type ChatwootOptions, type ChatwootStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, MINUTE, refusal, run, statusAfter, T0 } from './helpers.js';

const SRC = 'https://github.com/chatwoot/chatwoot/blob/e13e3c87';

const wf = chatwoot();
const open = createTicket(wf, { at: T0 });
const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
const snoozedUntilReply = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR }]).ticket;
const WAKE = T0 + 2 * DAY;
const snoozedTimed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR, until: WAKE }]).ticket;
const pending = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' }]).ticket;

describe(`chatwoot: statuses and creation (${SRC}/app/models/conversation.rb)`, () => {
  it('has exactly open, pending, snoozed, resolved', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['open', 'pending', 'snoozed', 'resolved']);
  });

  it('creates conversations open', () => {
    expect(open.status).toBe('open');
  });

  it('creates conversations pending when the inbox has an active bot (determine_conversation_status)', () => {
    expect(createTicket(chatwoot({ botActive: true }), { at: T0 }).status).toBe('pending');
  });

  it('has no closed status: close is refused, resolve works (choice, docs/presets.md#chatwoot)', () => {
    expect(refusal(wf, open, { type: 'close', by: 'agent', at: T0 + HOUR }).code).toBe('noTargetStatus');
    expect(resolved.status).toBe('resolved');
  });
});

describe('chatwoot: agent messages never change the status (https://github.com/chatwoot/chatwoot/issues/938)', () => {
  it.each<[ChatwootStatus, Ticket<ChatwootStatus>]>([
    ['open', open],
    ['pending', pending],
    ['snoozed', snoozedTimed],
    ['resolved', resolved],
  ])('keeps %s on an agent reply', (status, start) => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR }], start)).toBe(status);
  });
});

describe(`chatwoot: customer messages (reopen_conversation, ${SRC}/app/models/message.rb)`, () => {
  it('wakes a snoozed conversation to open, whatever snoozed_until says', () => {
    const { ticket } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], snoozedTimed);
    expect(ticket).toMatchObject({ status: 'open', until: null });
  });

  it('reopens a resolved conversation to open', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], resolved);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('reopens a resolved conversation to pending when the inbox has an active bot', () => {
    const bot = chatwoot({ botActive: true });
    const start = run(bot, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
    expect(statusAfter(bot, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start)).toBe('pending');
  });

  it('leaves a pending (bot-owned) conversation as it is, where the bot answers it', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], pending);
    expect(ticket.status).toBe('pending');
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
    expect(effectsOf(effects, 'replyNeedsAttention')).toEqual([]);
  });

  it('leaves an open conversation open', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('open');
  });
});

describe('chatwoot: snooze (https://developers.chatwoot.com/api-reference/conversations/toggle-status)', () => {
  it('lasts until the customer writes when snoozed without until', () => {
    expect(snoozedUntilReply.until).toBeNull();
    expect(nextDeadline(wf, snoozedUntilReply)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], snoozedUntilReply)).toBe('snoozed');
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 365 * DAY }], snoozedUntilReply)).toBe('open');
  });

  it('wakes to open at until: still snoozed 1 ms before', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: WAKE - 1 }], snoozedTimed)).toBe('snoozed');
    const { ticket, effects } = run(wf, [{ type: 'tick', at: WAKE }], snoozedTimed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'snooze-expiry', dueAt: WAKE, from: 'snoozed', to: 'open' },
    ]);
  });

  it('wakes a conversation snoozed from pending to open (toggle_status: snoozed → open)', () => {
    const start = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: WAKE }], pending).ticket;
    expect(statusAfter(wf, [{ type: 'tick', at: WAKE }], start)).toBe('open');
  });

  it('wakes a snooze whenever the sweep comes, even days late (known difference: no 3-day window, docs/presets.md#chatwoot)', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: WAKE + 10 * DAY }], snoozedTimed)).toBe('open');
  });
});

describe(`chatwoot: auto-resolve (${SRC}/app/models/account.rb)`, () => {
  const hourly = chatwoot({ autoResolveAfter: 'PT1H' });

  it('is off by default', () => {
    expect(nextDeadline(wf, open)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }])).toBe('open');
  });

  it('resolves an open conversation after autoResolveAfter of inactivity: still open 1 ms before', () => {
    expect(statusAfter(hourly, [{ type: 'tick', at: T0 + HOUR - 1 }])).toBe('open');
    const { ticket, effects } = run(hourly, [{ type: 'tick', at: T0 + HOUR }]);
    expect(ticket).toMatchObject({ status: 'resolved', resolvedAt: T0 + HOUR });
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'auto-resolve', dueAt: T0 + HOUR, from: 'open', to: 'resolved' },
    ]);
  });

  it.each([
    ['a customer message', { type: 'reply', by: 'customer', at: T0 + 30 * MINUTE }],
    ['an agent message', { type: 'reply', by: 'agent', at: T0 + 30 * MINUTE }],
    ['a private note', { type: 'note', by: 'agent', at: T0 + 30 * MINUTE }],
    ['an auto-reply', { type: 'reply', by: 'customer', at: T0 + 30 * MINUTE, auto: true }],
  ] as const)('counts %s as activity (last_activity_at)', (_name, event) => {
    const { ticket } = run(hourly, [event]);
    expect(nextDeadline(hourly, ticket)).toBe(T0 + 90 * MINUTE);
  });

  it('never resolves pending (bot) or snoozed conversations: only open ones (resolvable_all)', () => {
    const bot = chatwoot({ autoResolveAfter: 'PT1H', botActive: true });
    expect(statusAfter(bot, [{ type: 'tick', at: T0 + 30 * DAY }])).toBe('pending');
    const snoozed = run(hourly, [{ type: 'snooze', by: 'agent', at: T0 + MINUTE }]).ticket;
    expect(nextDeadline(hourly, snoozed)).toBeNull();
    expect(statusAfter(hourly, [{ type: 'tick', at: T0 + 30 * DAY }], snoozed)).toBe('snoozed');
  });

  it('sends no reminder before resolving (https://github.com/chatwoot/chatwoot/issues/12742)', () => {
    expect(effectsOf(run(hourly, [{ type: 'tick', at: T0 + DAY }]).effects, 'reminderDue')).toEqual([]);
  });

  it('resolves even while the customer waits, unless ignoreWaiting', () => {
    expect(statusAfter(hourly, [{ type: 'tick', at: T0 + HOUR }])).toBe('resolved');
  });

  it('with ignoreWaiting, skips conversations where the customer waits until the team answers (resolvable_not_waiting)', () => {
    const patient = chatwoot({ autoResolveAfter: 'PT1H', ignoreWaiting: true });
    const waiting = createTicket(patient, { at: T0 });
    expect(nextDeadline(patient, waiting)).toBeNull();
    expect(statusAfter(patient, [{ type: 'tick', at: T0 + 30 * DAY }], waiting)).toBe('open');
    const answered = run(patient, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR }], waiting).ticket;
    expect(nextDeadline(patient, answered)).toBe(T0 + 3 * HOUR);
    const again = run(patient, [{ type: 'reply', by: 'customer', at: T0 + 150 * MINUTE }], answered).ticket;
    expect(nextDeadline(patient, again)).toBeNull();
  });

  it('counts a woken snooze from its wake-up, never resolving it at that instant (choice, docs/presets.md#chatwoot; https://github.com/chatwoot/chatwoot/issues/10241)', () => {
    const start = run(hourly, [{ type: 'snooze', by: 'agent', at: T0 + MINUTE, until: WAKE }]).ticket;
    const woken = run(hourly, [{ type: 'tick', at: WAKE }], start).ticket;
    expect(woken.status).toBe('open');
    expect(nextDeadline(hourly, woken)).toBe(WAKE + HOUR);
  });

  it('resolves again after a customer reopens a resolved conversation and goes quiet', () => {
    const { ticket } = run(hourly, [
      { type: 'tick', at: T0 + HOUR },
      { type: 'reply', by: 'customer', at: T0 + DAY },
      { type: 'tick', at: T0 + DAY + HOUR },
    ]);
    expect(ticket).toMatchObject({ status: 'resolved', resolvedAt: T0 + DAY + HOUR, reopenCount: 1 });
  });

  it.each<ChatwootOptions['autoResolveAfter']>(['PT10M', 'P999D', 600_000, 1_439_856 * MINUTE])(
    'accepts autoResolveAfter %s',
    (autoResolveAfter) => {
      expect(() => chatwoot({ autoResolveAfter })).not.toThrow();
    },
  );

  it.each<ChatwootOptions['autoResolveAfter']>(['PT9M', 1_439_857 * MINUTE, 'P1000D', 'PT10M30S', 599_999, 'never'])(
    'throws WorkflowError invalidOption for autoResolveAfter %s (10 to 1,439,856 whole minutes)',
    (autoResolveAfter) => expectInvalidOption(() => chatwoot({ autoResolveAfter }), 'autoResolveAfter'),
  );

  it('throws WorkflowError invalidOption for ignoreWaiting without autoResolveAfter', () => {
    expectInvalidOption(() => chatwoot({ ignoreWaiting: true }), 'ignoreWaiting');
  });
});
