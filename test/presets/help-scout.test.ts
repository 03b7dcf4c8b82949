// Help Scout scenarios. Sources: helpdesk-systems.md §7 (Help Scout docs; FreeScout code where they are silent)
// and §11.29-30.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket, transition, type Workflow } from 'ticket-lifecycle';
import { helpScout, type HelpScoutStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, HOUR, run, statusAfter, T0 } from './helpers.js';

const wf = helpScout();
const active = createTicket(wf, { at: T0 });
const inStatus = (status: HelpScoutStatus): Ticket<HelpScoutStatus> =>
  run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;

describe('helpScout: statuses (§7 "Statuses")', () => {
  it('has exactly active, pending, closed, spam', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['active', 'pending', 'closed', 'spam']);
  });

  it('types its status ids as HelpScoutStatus, so a wrong id does not compile', () => {
    expectTypeOf(helpScout()).toEqualTypeOf<Workflow<HelpScoutStatus>>();
    // @ts-expect-error: not a status of this preset
    const typo = () => transition(helpScout(), createTicket(helpScout(), { at: T0 }), { type: 'setStatus', by: 'agent', at: T0, to: 'open' });
    expect(typeof typo).toBe('function');
  });

  it('creates conversations Active ("New conversations arrive Active")', () => {
    expect(active.status).toBe('active');
    expect(createTicket(wf, { at: T0, by: 'agent' }).status).toBe('active');
  });
});

describe('helpScout: customer replies (§7 "If a customer replies back to a Pending or Closed conversation…"; §11.29)', () => {
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

  it('does not reactivate on an auto-reply or an internal note (§11.3)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], inStatus('closed'))).toBe('closed');
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], inStatus('pending'))).toBe('pending');
  });

  it('refuses a reply to Spam, which stays Spam (choice: the host files it with the spam)', () => {
    const spam = inStatus('spam');
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], spam);
    expect(ticket).toBe(spam);
    expect(effects).toEqual([{ type: 'replyRejected', status: 'spam', at: T0 + DAY, by: 'customer', reason: 'locked' }]);
  });
});

describe('helpScout: agent replies take the chosen status, Pending by default (§7; §11.30 "Status After Replying")', () => {
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

  it('moves nothing on a system reply (a workflow\'s message, choice)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'system', at: T0 + HOUR }])).toBe('active');
  });
});

describe('helpScout: no built-in timer (§7 "Auto-close: via automatic Workflows")', () => {
  it.each(['active', 'pending', 'closed', 'spam'] as const)('has no deadline in %s and never moves by itself', (status) => {
    const start = status === 'active' ? active : inStatus(status);
    expect(nextDeadline(wf, start)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], start)).toBe(status);
  });

  it('lets agents mark a conversation as spam and back (setStatus)', () => {
    const spam = inStatus('spam');
    expect(statusAfter(wf, [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'active' }], spam)).toBe('active');
  });
});
