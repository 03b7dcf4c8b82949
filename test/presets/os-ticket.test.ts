// osTicket scenarios. Sources: helpdesk-systems.md §8 (code-verified at osTicket/osTicket@4689926b) and §11.31-33.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket, transition, type Workflow } from 'ticket-lifecycle';
import { osTicket, type OsTicketOptions, type OsTicketStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const wf = osTicket();
const strict = osTicket({ reopen: false });
const open = createTicket(wf, { at: T0 });
const inStatus = (w: typeof wf, status: OsTicketStatus): Ticket<OsTicketStatus> =>
  run(w, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;

describe('osTicket: statuses (§8 ticket_status.yaml)', () => {
  it('has exactly open, resolved, closed, archived', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['open', 'resolved', 'closed', 'archived']);
  });

  it('types its status ids as OsTicketStatus, so a wrong id does not compile', () => {
    expectTypeOf(osTicket()).toEqualTypeOf<Workflow<OsTicketStatus>>();
    // @ts-expect-error: not a status of this preset
    const typo = () => transition(osTicket(), createTicket(osTicket(), { at: T0 }), { type: 'setStatus', by: 'agent', at: T0, to: 'solved' });
    expect(typeof typo).toBe('function');
  });

  it('creates tickets Open', () => {
    expect(open.status).toBe('open');
  });

  it('treats Resolved as closed, as its state "closed" does: resolving sets the close time', () => {
    expect(wf.statuses.find((s) => s.id === 'resolved')?.category).toBe('closed');
    expect(inStatus(wf, 'resolved')).toMatchObject({ status: 'resolved', closedAt: T0 + HOUR, closedBy: 'agent' });
  });

  it('closes to Closed with close; resolve is refused as there is no solved status (choice)', () => {
    expect(statusAfter(wf, [{ type: 'close', by: 'agent', at: T0 + HOUR }])).toBe('closed');
    expect(refusal(wf, open, { type: 'resolve', by: 'agent', at: T0 + HOUR }).code).toBe('noTargetStatus');
  });
});

describe('osTicket: customer messages (§8 "Customer reply"; §11.31)', () => {
  it.each(['resolved', 'closed'] as const)('reopens %s to Open when reopening is allowed (allowreopen, the default)', (status) => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus(wf, status));
    expect(ticket).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(effectsOf(effects, 'reopened')).toEqual([{ type: 'reopened', from: status, to: 'open', at: T0 + DAY, by: 'customer' }]);
  });

  it.each(['resolved', 'closed'] as const)('rejects a message to %s with reopen: false, the ticket staying closed', (status) => {
    const start = inStatus(strict, status);
    const { ticket, effects } = run(strict, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start);
    expect(ticket).toBe(start);
    expect(effects).toEqual([{ type: 'replyRejected', status, at: T0 + DAY, by: 'customer', reason: 'locked' }]);
  });

  it('never reopens on a bounce or auto-reply, nor on an internal note (§11.3)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], inStatus(wf, 'closed'))).toBe('closed');
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], inStatus(wf, 'resolved'))).toBe('resolved');
  });

  it('keeps an Open ticket Open', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('open');
  });

  it.each([wf, strict])('always rejects a message to Archived (choice)', (w) => {
    const archived = inStatus(w, 'archived');
    const { ticket, effects } = run(w, [{ type: 'reply', by: 'customer', at: T0 + DAY }], archived);
    expect(ticket).toBe(archived);
    expect(effectsOf(effects, 'replyRejected')).toHaveLength(1);
  });
});

describe('osTicket: agent replies (§8 "Agent reply": the status changes only if the agent picks one)', () => {
  it.each(['open', 'resolved', 'closed', 'archived'] as const)('moves nothing on a plain agent reply to %s', (status) => {
    const start = status === 'open' ? open : inStatus(wf, status);
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], start)).toBe(status);
  });

  it('moves to the status picked with the reply (reply_status_id)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'resolved' }])).toBe('resolved');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY, status: 'open' }], inStatus(wf, 'closed'))).toBe('open');
  });
});

describe('osTicket: reopening and timers', () => {
  it('lets agents reopen even when end users may not (allowreopen binds end users only)', () => {
    const closed = inStatus(strict, 'closed');
    expect(statusAfter(strict, [{ type: 'reopen', by: 'agent', at: T0 + DAY }], closed)).toBe('open');
    expect(statusAfter(strict, [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'open' }], inStatus(strict, 'archived'))).toBe('open');
  });

  it('does not let customers change the status', () => {
    expect(refusal(wf, open, { type: 'setStatus', by: 'customer', at: T0 + HOUR, to: 'closed' }).code).toBe('statusChangeNotAllowed');
  });

  it('has no auto-close in core (§8 "Auto-close: not in core", osTicket/osTicket#6051)', () => {
    for (const start of [open, inStatus(wf, 'resolved'), inStatus(wf, 'closed')]) {
      expect(nextDeadline(wf, start)).toBeNull();
      expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], start)).toBe(start.status);
    }
  });

  it('throws WorkflowError invalidOption when reopen is not a boolean', () => {
    expectInvalidOption(() => osTicket({ reopen: 'no' as unknown as OsTicketOptions['reopen'] }), 'reopen');
  });
});
