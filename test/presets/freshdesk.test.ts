// Freshdesk scenarios. Sources: Freshdesk's support articles (URLs below) and docs/presets.md#freshdesk for the preset's choices.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline } from 'ticket-lifecycle';
import { freshdesk, type FreshdeskOptions, type FreshdeskStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const STATUSES = 'https://support.freshdesk.com/en/support/solutions/articles/37600-understanding-ticket-statuses';

const wf = freshdesk();
const inStatus = (status: FreshdeskStatus) =>
  run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;

describe(`freshdesk: statuses (${STATUSES})`, () => {
  it('has exactly open, pending, resolved, closed', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['open', 'pending', 'resolved', 'closed']);
  });

  it('creates tickets Open ("the default on creation")', () => {
    expect(createTicket(wf, { at: T0 }).status).toBe('open');
    expect(createTicket(wf, { at: T0, by: 'agent' }).status).toBe('open');
  });

  it('pauses the SLA in Pending by a status flag, and only there ("SLA timers are turned off for pending"; https://support.freshdesk.com/support/solutions/articles/229718)', () => {
    expect(wf.statuses.filter((s) => s.slaPaused).map((s) => s.id)).toEqual(['pending']);
  });
});

describe(`freshdesk: a customer reply always moves back to Open (${STATUSES})`, () => {
  it.each(['pending', 'resolved', 'closed'] as const)('moves %s back to Open', (status) => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus(status))).toBe('open');
  });

  it('reopens even a Closed ticket, counting the reopen (http://training.freshdesk.com/support/solutions/articles/3000031729-customizing-ticket-statuses)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus('closed'));
    expect(ticket.reopenCount).toBe(1);
    expect(effectsOf(effects, 'reopened')).toEqual([
      { type: 'reopened', from: 'closed', to: 'open', at: T0 + DAY, by: 'customer' },
    ]);
  });

  it('leaves Open as it is', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }]);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
  });

  it('does not reopen on an auto-reply or an internal note (docs/presets.md#what-every-preset-shares)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], inStatus('resolved'))).toBe(
      'resolved',
    );
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], inStatus('closed'))).toBe('closed');
  });
});

describe('freshdesk: agents set the status (choice, docs/presets.md#freshdesk)', () => {
  it.each(['open', 'pending', 'resolved', 'closed'] as const)(
    'moves nothing on a plain agent reply to %s',
    (status) => {
      expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], inStatus(status))).toBe(status);
    },
  );

  it('moves to the status sent with the reply ("send and mark as")', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'pending' }])).toBe('pending');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'resolved' }])).toBe('resolved');
  });

  it('lets agents resolve, close and reopen; customers only reply', () => {
    const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
    expect(statusAfter(wf, [{ type: 'close', by: 'agent', at: T0 + 2 * HOUR }], resolved)).toBe('closed');
    expect(statusAfter(wf, [{ type: 'reopen', by: 'agent', at: T0 + 2 * HOUR }], resolved)).toBe('open');
    expect(refusal(wf, resolved, { type: 'setStatus', by: 'customer', at: T0 + 2 * HOUR, to: 'closed' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });
});

describe('freshdesk: closing Resolved tickets, a time trigger (https://support.freshdesk.com/support/solutions/articles/37615)', () => {
  it('never closes by itself by default', () => {
    const resolved = inStatus('resolved');
    expect(nextDeadline(wf, resolved)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], resolved)).toBe('resolved');
  });

  it('closes Resolved closeResolvedAfter after resolving (PT48H): still Resolved 1 ms before, not at the next hourly run (docs/presets.md#freshdesk)', () => {
    const wf48 = freshdesk({ closeResolvedAfter: 'PT48H' });
    const resolved = run(wf48, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
    expect(nextDeadline(wf48, resolved)).toBe(T0 + 49 * HOUR);
    expect(statusAfter(wf48, [{ type: 'tick', at: T0 + 49 * HOUR - 1 }], resolved)).toBe('resolved');
    const { ticket, effects } = run(wf48, [{ type: 'tick', at: T0 + 49 * HOUR }], resolved);
    expect(ticket).toMatchObject({ status: 'closed', closedBy: 'system', closeReason: 'resolved-timeout' });
    expect(effectsOf(effects, 'timerFired')).toHaveLength(1);
  });

  it('runs no timer outside Resolved', () => {
    const wf48 = freshdesk({ closeResolvedAfter: 'PT48H' });
    const pending = run(wf48, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' }]).ticket;
    expect(nextDeadline(wf48, pending)).toBeNull();
  });

  it('reopens a ticket the timer closed on the next customer reply', () => {
    const wf48 = freshdesk({ closeResolvedAfter: 'PT48H' });
    const { ticket } = run(wf48, [
      { type: 'resolve', by: 'agent', at: T0 + HOUR },
      { type: 'reply', by: 'customer', at: T0 + 10 * DAY },
    ]);
    expect(ticket).toMatchObject({ status: 'open', closedAt: T0 + 49 * HOUR, reopenCount: 1 });
  });

  it.each<FreshdeskOptions['closeResolvedAfter']>(['PT1H', 'P30D'])(
    'accepts closeResolvedAfter %s',
    (closeResolvedAfter) => {
      expect(() => freshdesk({ closeResolvedAfter })).not.toThrow();
    },
  );

  it.each<FreshdeskOptions['closeResolvedAfter']>(['PT59M', 'P30DT1H', 'P1M', 'later', 0])(
    'throws WorkflowError invalidOption for closeResolvedAfter %s (time triggers see tickets updated in the last 30 days, https://support.freshdesk.com/en/support/solutions/articles/50000009474)',
    (closeResolvedAfter) => expectInvalidOption(() => freshdesk({ closeResolvedAfter }), 'closeResolvedAfter'),
  );
});
