// Zammad scenarios. Sources: Zammad's source and issues on GitHub (URLs below) and docs/presets.md#zammad for the preset's choices.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket } from 'ticket-lifecycle';
import { zammad, type ZammadOptions, type ZammadStatus } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const ZAMMAD = 'https://github.com/zammad/zammad';

const wf = zammad();
const fresh = createTicket(wf, { at: T0 });
const open = run(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR }]).ticket;
const UNTIL = T0 + 3 * DAY;
const pendingClose = run(
  wf,
  [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'pending_close', until: UNTIL }],
  open,
).ticket;
const pendingReminder = run(
  wf,
  [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'pending_reminder', until: UNTIL }],
  open,
).ticket;
const CLOSED_AT = T0 + 2 * HOUR;
const closedIn = (w: typeof wf): Ticket<ZammadStatus> =>
  run(w, [
    { type: 'reply', by: 'agent', at: T0 + HOUR },
    { type: 'close', by: 'agent', at: CLOSED_AT },
  ]).ticket;
const closed = closedIn(wf);

describe(`zammad: states (${ZAMMAD}/blob/develop/db/seeds/ticket_states.rb)`, () => {
  it('has exactly new, open, pending_reminder, pending_close, closed, merged', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual([
      'new',
      'open',
      'pending_reminder',
      'pending_close',
      'closed',
      'merged',
    ]);
  });

  it('creates tickets new (default_create)', () => {
    expect(fresh.status).toBe('new');
  });

  it('freezes escalation in pending reminder, pending close and closed (ignore_escalation), and merged (choice, docs/presets.md#zammad)', () => {
    expect(wf.statuses.filter((s) => s.slaPaused).map((s) => s.id)).toEqual([
      'pending_reminder',
      'pending_close',
      'closed',
      'merged',
    ]);
    expect(wf.statuses.filter((s) => !s.slaPaused).map((s) => s.id)).toEqual(['new', 'open']);
  });
});

describe(`zammad: replies (${ZAMMAD}/blob/5df98684/app/models/ticket/article/resets_ticket_state.rb, ${ZAMMAD}/blob/c4d2d7fd/app/models/channel/email_parser.rb)`, () => {
  it('keeps a new ticket new on a customer reply', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }]);
    expect(ticket.status).toBe('new');
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
  });

  it('moves new → open on an agent reply', () => {
    expect(open.status).toBe('open');
  });

  it.each([
    ['open', open],
    ['pending_reminder', pendingReminder],
    ['pending_close', pendingClose],
    ['closed', closed],
  ] as const)('moves nothing else on an agent reply (%s stays)', (status, start) => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], start)).toBe(status);
  });

  it('moves nothing on a system reply (a trigger), even from new (choice, docs/presets.md#zammad)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'system', at: T0 + HOUR }])).toBe('new');
  });

  it('sets open (default_follow_up) on a customer reply to pending reminder', () => {
    const { ticket } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], pendingReminder);
    expect(ticket.status).toBe('open');
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('keeps open on a customer reply to open', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], open)).toBe('open');
  });

  it('ignores out-of-office auto-replies and internal notes (email_parser.rb)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, auto: true }], pendingClose)).toBe(
      'pending_close',
    );
    expect(statusAfter(wf, [{ type: 'note', by: 'agent', at: T0 + DAY }], pendingClose)).toBe('pending_close');
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: CLOSED_AT + DAY, auto: true }], closed)).toBe(
      'closed',
    );
  });
});

describe(`zammad: pending states need a pending time ("pending till", ${ZAMMAD}/blob/develop/app/models/ticket.rb)`, () => {
  it.each(['pending_close', 'pending_reminder'] as const)('refuses setStatus to %s without until', (to) => {
    expect(refusal(wf, open, { type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to }).code).toBe('untilRequired');
  });

  it('refuses a pending time that is not in the future', () => {
    expect(
      refusal(wf, open, {
        type: 'setStatus',
        by: 'agent',
        at: T0 + 2 * HOUR,
        to: 'pending_close',
        until: T0 + 2 * HOUR,
      }).code,
    ).toBe('invalidUntil');
  });

  it('stores the pending time on the ticket', () => {
    expect(pendingClose.until).toBe(UNTIL);
    expect(nextDeadline(wf, pendingClose)).toBe(UNTIL);
  });
});

describe(`zammad: pending close (process_pending and reset_pending_time, ${ZAMMAD}/blob/develop/app/models/ticket.rb)`, () => {
  it('closes at its pending time, by the system: still pending 1 ms before, not at the next 15-minute run (docs/presets.md#zammad)', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: UNTIL - 1 }], pendingClose)).toBe('pending_close');
    const { ticket, effects } = run(wf, [{ type: 'tick', at: UNTIL }], pendingClose);
    expect(ticket).toMatchObject({
      status: 'closed',
      closedAt: UNTIL,
      closedBy: 'system',
      closeReason: 'pending-close',
    });
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'pending-close', dueAt: UNTIL, from: 'pending_close', to: 'closed' },
    ]);
  });

  it('reopens on a customer reply before its time and cancels the close (reset_pending_time)', () => {
    const { ticket } = run(
      wf,
      [
        { type: 'reply', by: 'customer', at: T0 + DAY },
        { type: 'tick', at: UNTIL + DAY },
      ],
      pendingClose,
    );
    expect(ticket).toMatchObject({ status: 'open', until: null, closedAt: null });
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('lets a customer reply at the very pending time win over the close', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: UNTIL }], pendingClose)).toBe('open');
  });

  it('moves the close when the agent sets a new pending time', () => {
    const { ticket } = run(
      wf,
      [{ type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'pending_close', until: UNTIL + DAY }],
      pendingClose,
    );
    expect(nextDeadline(wf, ticket)).toBe(UNTIL + DAY);
    expect(statusAfter(wf, [{ type: 'tick', at: UNTIL + DAY - 1 }], ticket)).toBe('pending_close');
  });
});

describe(`zammad: pending reminder (${ZAMMAD}/issues/447, ${ZAMMAD}/issues/4348)`, () => {
  it('does not change state at its time: it emits a reminder', () => {
    const { ticket, effects } = run(wf, [{ type: 'tick', at: UNTIL }], pendingReminder);
    expect(ticket.status).toBe('pending_reminder');
    expect(effectsOf(effects, 'reminderDue')).toEqual([
      { type: 'reminderDue', timer: 'pending-reminder', dueAt: UNTIL, status: 'pending_reminder', index: 0 },
    ]);
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
  });

  it('repeats the reminder daily while the ticket stays', () => {
    const { ticket, effects } = run(
      wf,
      [
        { type: 'tick', at: UNTIL },
        { type: 'tick', at: UNTIL + DAY },
        { type: 'tick', at: UNTIL + 2 * DAY },
      ],
      pendingReminder,
    );
    expect(effectsOf(effects, 'reminderDue').map((e) => [e.dueAt, e.index])).toEqual([
      [UNTIL, 0],
      [UNTIL + DAY, 1],
      [UNTIL + 2 * DAY, 2],
    ]);
    expect(nextDeadline(wf, ticket)).toBe(UNTIL + 3 * DAY);
  });

  it('sends one reminder, the latest, for repetitions a late sweep missed (engine coalescing)', () => {
    const { effects } = run(wf, [{ type: 'tick', at: UNTIL + 2 * DAY }], pendingReminder);
    expect(effectsOf(effects, 'reminderDue').map((e) => [e.dueAt, e.index])).toEqual([[UNTIL + 2 * DAY, 2]]);
  });

  it('re-arms the reminder when the agent sets a new pending time', () => {
    const reminded = run(wf, [{ type: 'tick', at: UNTIL }], pendingReminder).ticket;
    const { ticket } = run(
      wf,
      [{ type: 'setStatus', by: 'agent', at: UNTIL + HOUR, to: 'pending_reminder', until: UNTIL + 5 * DAY }],
      reminded,
    );
    expect(nextDeadline(wf, ticket)).toBe(UNTIL + 5 * DAY);
  });

  it('sends nothing before its time', () => {
    expect(effectsOf(run(wf, [{ type: 'tick', at: UNTIL - 1 }], pendingReminder).effects, 'reminderDue')).toEqual([]);
  });
});

describe(`zammad: follow-ups to closed tickets (${ZAMMAD}/blob/4ca1e987/app/models/ticket/checks_reopen_after_certain_time.rb, ${ZAMMAD}/issues/4161)`, () => {
  it('reopens to open on a customer reply by default (follow_up_possible = yes)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: CLOSED_AT + 30 * DAY }], closed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('keeps the ticket closed and asks for a new ticket with followUp: newTicket', () => {
    const w = zammad({ followUp: 'newTicket' });
    const start = closedIn(w);
    const { ticket, effects } = run(w, [{ type: 'reply', by: 'customer', at: CLOSED_AT + HOUR }], start);
    expect(ticket).toBe(start);
    expect(effects).toEqual([{ type: 'followUpRequested', status: 'closed', at: CLOSED_AT + HOUR, by: 'customer' }]);
  });

  describe('followUp: newTicketAfter, reopenWithinDays: 3 (floor(days since close) < 3)', () => {
    const w = zammad({ followUp: 'newTicketAfter', reopenWithinDays: 3 });
    const start = closedIn(w);

    it('reopens within the window, up to 1 ms before three whole days', () => {
      expect(statusAfter(w, [{ type: 'reply', by: 'customer', at: CLOSED_AT + HOUR }], start)).toBe('open');
      expect(statusAfter(w, [{ type: 'reply', by: 'customer', at: CLOSED_AT + 3 * DAY - 1 }], start)).toBe('open');
    });

    it('asks for a new ticket from exactly three days on', () => {
      for (const at of [CLOSED_AT + 3 * DAY, CLOSED_AT + 40 * DAY]) {
        const { ticket, effects } = run(w, [{ type: 'reply', by: 'customer', at }], start);
        expect(ticket.status).toBe('closed');
        expect(effectsOf(effects, 'followUpRequested')).toHaveLength(1);
      }
    });

    it('counts the window from the latest close (last_close_at)', () => {
      const reclosed = run(
        w,
        [
          { type: 'reply', by: 'customer', at: CLOSED_AT + DAY },
          { type: 'close', by: 'agent', at: CLOSED_AT + 10 * DAY },
        ],
        start,
      ).ticket;
      expect(statusAfter(w, [{ type: 'reply', by: 'customer', at: CLOSED_AT + 12 * DAY }], reclosed)).toBe('open');
    });
  });

  it.each<ZammadOptions>([{ followUp: 'newTicket' }, { followUp: 'newTicketAfter', reopenWithinDays: 1 }])(
    'lets agents always reopen explicitly (%o; https://github.com/zammad/zammad/issues/4386)',
    (options) => {
      const w = zammad(options);
      const start = closedIn(w);
      const late = CLOSED_AT + 30 * DAY;
      expect(statusAfter(w, [{ type: 'reopen', by: 'agent', at: late }], start)).toBe('open');
      expect(statusAfter(w, [{ type: 'setStatus', by: 'agent', at: late, to: 'open' }], start)).toBe('open');
    },
  );

  it('does not let a customer reopen by setting the state (the follow-up policy decides)', () => {
    expect(refusal(wf, closed, { type: 'setStatus', by: 'customer', at: CLOSED_AT + HOUR, to: 'open' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });
});

describe(`zammad: the owner of a follow-up ("assign follow ups", ${ZAMMAD}/blob/4ca1e987/app/models/channel/filter/follow_up_assignment.rb)`, () => {
  const owned = (w: typeof wf): Ticket<ZammadStatus> =>
    run(w, [
      { type: 'assign', by: 'agent', at: T0 + HOUR / 2, assignee: 'ana' },
      { type: 'reply', by: 'agent', at: T0 + HOUR },
      { type: 'close', by: 'agent', at: CLOSED_AT },
    ]).ticket;

  it('keeps the owner when a customer reopens a closed ticket, by default (follow_up_assignment true)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: CLOSED_AT + DAY }], owned(wf));
    expect(ticket).toMatchObject({ status: 'open', assignee: 'ana' });
    expect(effectsOf(effects, 'assigned')).toEqual([]);
  });

  it('resets the owner to nobody with followUpAssignment: false, telling the host', () => {
    const w = zammad({ followUpAssignment: false });
    const { ticket, effects } = run(w, [{ type: 'reply', by: 'customer', at: CLOSED_AT + DAY }], owned(w));
    expect(ticket).toMatchObject({ status: 'open', assignee: null });
    expect(effectsOf(effects, 'assigned')).toEqual([
      { type: 'assigned', from: 'ana', to: null, at: CLOSED_AT + DAY, cause: 'reopen' },
    ]);
  });

  it('leaves the owner of an open ticket alone on a customer reply, even with followUpAssignment: false', () => {
    const w = zammad({ followUpAssignment: false });
    const working = run(w, [
      { type: 'assign', by: 'agent', at: T0 + HOUR / 2, assignee: 'ana' },
      { type: 'reply', by: 'agent', at: T0 + HOUR },
      { type: 'reply', by: 'customer', at: T0 + 2 * HOUR },
    ]).ticket;
    expect(working).toMatchObject({ status: 'open', assignee: 'ana' });
  });
});

describe('zammad: closing', () => {
  it('lets agents close from any working state', () => {
    for (const start of [fresh, open, pendingReminder, pendingClose]) {
      expect(statusAfter(wf, [{ type: 'close', by: 'agent', at: T0 + DAY }], start)).toBe('closed');
    }
  });

  it('lets the customer close their ticket, but set no other state (viewable_customer_edit, https://github.com/zammad/zammad/blob/d32ea5e0/app/models/ticket/state.rb)', () => {
    expect(statusAfter(wf, [{ type: 'close', by: 'customer', at: T0 + DAY }], open)).toBe('closed');
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY, status: 'closed' }], open)).toBe('closed');
    expect(
      refusal(wf, open, { type: 'setStatus', by: 'customer', at: T0 + DAY, to: 'pending_close', until: UNTIL }).code,
    ).toBe('statusChangeNotAllowed');
  });

  it('has no solved state: resolve is refused (choice, docs/presets.md#zammad)', () => {
    expect(refusal(wf, open, { type: 'resolve', by: 'agent', at: T0 + DAY }).code).toBe('noTargetStatus');
  });
});

describe('zammad: merged (choices, docs/presets.md#zammad)', () => {
  const merged = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'merged' }], open).ticket;

  it('routes a customer reply to the merge target (followUpRequested), staying merged', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], merged);
    expect(ticket).toBe(merged);
    expect(effectsOf(effects, 'followUpRequested')).toHaveLength(1);
  });

  it('rejects an agent reply and every way out', () => {
    expect(
      effectsOf(run(wf, [{ type: 'reply', by: 'agent', at: T0 + DAY }], merged).effects, 'replyRejected'),
    ).toHaveLength(1);
    expect(refusal(wf, merged, { type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'open' }).code).toBe(
      'statusChangeNotAllowed',
    );
    expect(refusal(wf, merged, { type: 'reopen', by: 'agent', at: T0 + DAY }).code).toBe('reopenNotAllowed');
  });

  it('stays merged whatever the follow-up policy', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], merged)).toBe('merged');
  });
});

describe('zammad: options', () => {
  it.each<[ZammadOptions, string]>([
    [{ followUp: 'sometimes' as 'reopen' }, 'followUp'],
    [{ followUp: 'newTicketAfter' }, 'reopenWithinDays'],
    [{ followUp: 'newTicketAfter', reopenWithinDays: 0 }, 'reopenWithinDays'],
    [{ followUp: 'newTicketAfter', reopenWithinDays: -2 }, 'reopenWithinDays'],
    [{ followUp: 'newTicketAfter', reopenWithinDays: 1.5 }, 'reopenWithinDays'],
    [{ followUp: 'newTicketAfter', reopenWithinDays: Number.NaN }, 'reopenWithinDays'],
    [{ followUp: 'newTicketAfter', reopenWithinDays: 1e9 }, 'reopenWithinDays'],
    [{ reopenWithinDays: 3 }, 'reopenWithinDays'],
    [{ followUp: 'newTicket', reopenWithinDays: 3 }, 'reopenWithinDays'],
    [{ followUpAssignment: 'no' as never }, 'followUpAssignment'],
  ])('throws WorkflowError invalidOption for %o', (options, path) => {
    expectInvalidOption(() => zammad(options), path);
  });
});
