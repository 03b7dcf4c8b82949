// osTicket scenarios. Sources: osTicket's source at osTicket/osTicket@4689926b (SRC below) and docs/presets.md#osticket
// for the preset's choices and where it differs.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket } from 'ticket-lifecycle';
import { osTicket, type OsTicketOptions, type OsTicketStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const SRC = 'https://github.com/osTicket/osTicket/blob/4689926b';

const wf = osTicket();
const strict = osTicket({ reopen: false });
const open = createTicket(wf, { at: T0 });
const inStatus = (w: typeof wf, status: OsTicketStatus): Ticket<OsTicketStatus> =>
  run(w, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;

describe(`osTicket: statuses (${SRC}/include/i18n/en_US/ticket_status.yaml)`, () => {
  it('has exactly open, resolved, closed, archived', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['open', 'resolved', 'closed', 'archived']);
  });

  it('creates tickets Open', () => {
    expect(open.status).toBe('open');
  });

  it('resolves to Resolved and closes to Closed (docs/presets.md#osticket)', () => {
    expect(statusAfter(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }])).toBe('resolved');
    expect(statusAfter(wf, [{ type: 'close', by: 'agent', at: T0 + HOUR }])).toBe('closed');
  });

  it('closes a Resolved ticket with close: it moves on to Closed, as the TSDoc says (docs/presets.md#osticket)', () => {
    const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
    const { ticket, effects } = run(wf, [{ type: 'close', by: 'agent', at: T0 + DAY }], resolved);
    expect(ticket).toMatchObject({ status: 'closed', closedAt: T0 + DAY, closedBy: 'agent', resolvedAt: T0 + HOUR });
    expect(ticket.version).toBe(resolved.version + 1);
    expect(effectsOf(effects, 'statusChanged')).toEqual([
      { type: 'statusChanged', from: 'resolved', to: 'closed', at: T0 + DAY, cause: 'close' },
    ]);
    expect(statusAfter(wf, [{ type: 'close', by: 'system', at: T0 + DAY }], resolved)).toBe('closed');
  });

  it('keeps Resolved a solved status with its SLA clock stopped: resolvedAt set, closedAt only on Closed (known difference)', () => {
    expect(wf.statuses.find((s) => s.id === 'resolved')).toMatchObject({ category: 'solved', slaPaused: true });
    expect(inStatus(wf, 'resolved')).toMatchObject({ status: 'resolved', resolvedAt: T0 + HOUR, closedAt: null });
    expect(inStatus(wf, 'archived')).toMatchObject({ status: 'archived', closedAt: T0 + HOUR, closedBy: 'agent' });
  });
});

describe(`osTicket: customer messages (${SRC}/include/class.ticket.php onMessage, ${SRC}/include/class.thread.php postEmail)`, () => {
  it.each(['resolved', 'closed'] as const)(
    'reopens %s to Open when reopening is allowed (allowreopen, the default)',
    (status) => {
      const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], inStatus(wf, status));
      expect(ticket).toMatchObject({ status: 'open', reopenCount: 1 });
      expect(effectsOf(effects, 'reopened')).toEqual([
        { type: 'reopened', from: status, to: 'open', at: T0 + DAY, by: 'customer' },
      ]);
    },
  );

  it.each(['resolved', 'closed'] as const)(
    'rejects a message to %s with reopen: false, the ticket staying closed',
    (status) => {
      const start = inStatus(strict, status);
      const { ticket, effects } = run(strict, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start);
      expect(ticket).toBe(start);
      expect(effects).toEqual([{ type: 'replyRejected', status, at: T0 + DAY, by: 'customer', reason: 'locked' }]);
    },
  );

  it('never reopens on a bounce or auto-reply, nor on an internal note (onMessage)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], inStatus(wf, 'closed'))).toBe(
      'closed',
    );
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], inStatus(wf, 'resolved'))).toBe('resolved');
  });

  it('keeps an Open ticket Open', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('open');
  });

  it.each([wf, strict])('always rejects a message to Archived (choice, docs/presets.md#osticket)', (w) => {
    const archived = inStatus(w, 'archived');
    const { ticket, effects } = run(w, [{ type: 'reply', by: 'customer', at: T0 + DAY }], archived);
    expect(ticket).toBe(archived);
    expect(effectsOf(effects, 'replyRejected')).toHaveLength(1);
  });
});

describe(`osTicket: agent replies change the status only if the agent picks one (${SRC}/include/staff/ticket-view.inc.php)`, () => {
  it.each(['open', 'resolved', 'closed', 'archived'] as const)(
    'moves nothing on a plain agent reply to %s',
    (status) => {
      const start = status === 'open' ? open : inStatus(wf, status);
      expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], start)).toBe(status);
    },
  );

  it('moves to the status picked with the reply (reply_status_id)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'resolved' }])).toBe('resolved');
    expect(
      statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY, status: 'open' }], inStatus(wf, 'closed')),
    ).toBe('open');
  });
});

describe('osTicket: reopening and timers (docs/presets.md#osticket)', () => {
  it('lets agents reopen even when end users may not (allowreopen binds end users only)', () => {
    const closed = inStatus(strict, 'closed');
    expect(statusAfter(strict, [{ type: 'reopen', by: 'agent', at: T0 + DAY }], closed)).toBe('open');
    expect(
      statusAfter(strict, [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'open' }], inStatus(strict, 'archived')),
    ).toBe('open');
  });

  it('does not let customers change the status', () => {
    expect(refusal(wf, open, { type: 'setStatus', by: 'customer', at: T0 + HOUR, to: 'closed' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });

  it('has no auto-close in core (https://github.com/osTicket/osTicket/pull/6051)', () => {
    for (const start of [open, inStatus(wf, 'resolved'), inStatus(wf, 'closed')]) {
      expect(nextDeadline(wf, start)).toBeNull();
      expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], start)).toBe(start.status);
    }
  });

  it('throws WorkflowError invalidOption when reopen is not a boolean', () => {
    expectInvalidOption(() => osTicket({ reopen: 'no' as unknown as OsTicketOptions['reopen'] }), 'reopen');
  });
});
