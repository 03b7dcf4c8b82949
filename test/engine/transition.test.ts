import { describe, expect, it } from 'vitest';
import { can, createTicket, defineWorkflow, transition, type TicketEvent } from 'ticket-lifecycle';
import { DAY, HOUR, MINUTE, run, support, T0 } from './fixtures.js';

const fresh = createTicket(support, { at: T0 });
const refusal = (event: unknown, ticket: unknown = fresh) => {
  const result = transition(support, ticket as never, event as never);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.ticket).toBe(ticket); // refusals return the input itself
  return result.error.code;
};

describe('bad input is a value with a code, never a throw', () => {
  it.each([
    [null, 'invalidEvent'],
    ['reply', 'invalidEvent'],
    [{ type: 'shout', by: 'agent', at: T0 }, 'unknownEventType'],
    [{ type: 'reply', by: 'robot', at: T0 }, 'unknownActor'],
    [{ type: 'reply', at: T0 }, 'unknownActor'],
    [{ type: 'reply', by: 'agent' }, 'invalidTime'],
    [{ type: 'reply', by: 'agent', at: Number.NaN }, 'invalidTime'],
    [{ type: 'reply', by: 'agent', at: Infinity }, 'invalidTime'],
    [{ type: 'reply', by: 'agent', at: 8.64e15 + 1 }, 'invalidTime'],
    [{ type: 'reply', by: 'agent', at: T0 + 0.5 }, 'invalidTime'],
    [{ type: 'reply', by: 'agent', at: String(T0) }, 'invalidTime'],
    [{ type: 'setStatus', by: 'agent', at: T0, to: 'nowhere' }, 'unknownStatus'],
    [{ type: 'reply', by: 'agent', at: T0, status: 'nowhere' }, 'unknownStatus'],
    [{ type: 'snooze', by: 'agent', at: T0, until: T0 }, 'invalidUntil'],
    [{ type: 'snooze', by: 'agent', at: T0, until: T0 - 1 }, 'invalidUntil'],
    [{ type: 'assign', by: 'agent', at: T0, assignee: 42 }, 'invalidAssignee'],
    [{ type: 'reply', by: 'agent', at: T0, auto: 'yes' }, 'invalidEvent'],
  ])('%j → %s', (event, code) => {
    expect(refusal(event)).toBe(code);
  });

  it.each([
    [null, 'invalidTicket'],
    [{ ...fresh, status: 'gone' }, 'unknownStatus'],
    [{ ...fresh, version: -1 }, 'invalidTicket'],
    [{ ...fresh, updatedAt: 'yesterday' }, 'invalidTicket'],
    [{ ...fresh, timersFired: { nudge: 'x' } }, 'invalidTicket'],
    // A status the policy lacks, wherever the ticket names it, says so (issue 9, item 7: migrateTicket relies on it).
    [{ ...fresh, snoozedFrom: 'gone' }, 'unknownStatus'],
    [{ status: 'new' }, 'invalidTicket'],
  ])('a ticket that is not a ticket (%j) → %s', (ticket, code) => {
    expect(refusal({ type: 'note', by: 'agent', at: T0 }, ticket)).toBe(code);
  });

  it('an event older than the last update is refused (stale); a stale tick finds nothing to do', () => {
    const { ticket } = run(support, [{ type: 'note', by: 'agent', at: T0 + HOUR }]);
    expect(refusal({ type: 'reply', by: 'customer', at: T0 + HOUR - 1 }, ticket)).toBe('staleEvent');
    const tick = transition(support, ticket, { type: 'tick', at: T0 });
    expect(tick).toEqual({ ok: true, ticket, effects: [], changed: false });
    expect(tick.ticket).toBe(ticket);
  });
});

describe('messages and who owes the next reply', () => {
  it('records customer and agent messages and flips `awaiting`', () => {
    const { ticket } = run(support, [
      { type: 'reply', by: 'agent', at: T0 + MINUTE },
      { type: 'reply', by: 'customer', at: T0 + HOUR },
    ]);
    expect(ticket).toMatchObject({
      status: 'open',
      lastAgentMessageAt: T0 + MINUTE,
      lastCustomerMessageAt: T0 + HOUR,
      awaiting: 'team',
      lastActivityAt: T0 + HOUR,
      version: 3,
    });
  });

  it('an auto-reply and an internal note never move the ticket or change whose turn it is', () => {
    const base = run(support, [{ type: 'reply', by: 'agent', at: T0 + MINUTE }]).ticket;
    const { ticket, effects } = run(
      support,
      [
        { type: 'reply', by: 'customer', at: T0 + 2 * MINUTE, auto: true },
        { type: 'note', by: 'agent', at: T0 + 3 * MINUTE },
      ],
      base,
    );
    expect(ticket).toMatchObject({
      status: 'waiting',
      awaiting: 'customer',
      lastCustomerMessageAt: base.lastCustomerMessageAt,
      lastActivityAt: T0 + 3 * MINUTE,
    });
    expect(effects).toEqual([]);
  });

  it('an event that changes nothing returns the same ticket with changed: false', () => {
    const result = transition(support, fresh, { type: 'assign', by: 'agent', at: T0, assignee: null });
    expect(result).toEqual({ ok: true, ticket: fresh, effects: [], changed: false });
  });

  it('a customer reply that stays out of the team’s sight says so (replyNeedsAttention)', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'resolved', category: 'solved' },
      ],
      replies: [{ by: 'customer', from: 'resolved', action: 'stay' }],
    });
    const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: 1 }], createTicket(wf, { at: 0 })).ticket;
    const result = transition(wf, resolved, { type: 'reply', by: 'customer', at: 2 });
    expect(result.ok && result.ticket.status).toBe('resolved');
    expect(result.ok && result.effects).toEqual([{ type: 'replyNeedsAttention', status: 'resolved', at: 2 }]);
  });

  it('customers may not pick a status with their reply unless the policy allows it', () => {
    expect(refusal({ type: 'reply', by: 'customer', at: T0 + 1, status: 'solved' })).toBe('statusChangeNotAllowed');
  });
});

describe('guards', () => {
  const assignedOpen = run(support, [{ type: 'assign', by: 'agent', at: T0 + MINUTE, assignee: 'ana' }]).ticket;

  it('solving needs an assignee, and not while the customer waits; force bypasses both for agents', () => {
    expect(refusal({ type: 'resolve', by: 'agent', at: T0 + 2 * MINUTE })).toBe('customerWaiting');
    const answered = run(support, [{ type: 'reply', by: 'agent', at: T0 + 2 * MINUTE }], fresh).ticket;
    expect(refusal({ type: 'resolve', by: 'agent', at: T0 + 3 * MINUTE }, answered)).toBe('assigneeRequired');
    expect(refusal({ type: 'resolve', by: 'customer', at: T0 + 3 * MINUTE }, answered)).toBe('resolveNotAllowed');
    expect(
      run(support, [{ type: 'resolve', by: 'agent', at: T0 + 3 * MINUTE, force: true }], answered).ticket.status,
    ).toBe('solved');
    expect(can(support, assignedOpen, { type: 'resolve', by: 'agent', at: T0 + 3 * MINUTE })).toBe(false);
  });

  it('force is refused for actors the policy does not allow', () => {
    const answered = run(support, [{ type: 'reply', by: 'agent', at: T0 + 2 * MINUTE }], assignedOpen).ticket;
    const solved = run(support, [{ type: 'resolve', by: 'agent', at: T0 + 3 * MINUTE }], answered).ticket;
    expect(refusal({ type: 'close', by: 'customer', at: T0 + 4 * MINUTE, force: true }, solved)).toBe(
      'forceNotAllowed',
    );
  });

  it('a named guard passed in code decides, and a close from an unlisted status is refused', () => {
    const answered = run(support, [{ type: 'reply', by: 'agent', at: T0 + 2 * MINUTE }], assignedOpen).ticket;
    expect(refusal({ type: 'close', by: 'agent', at: T0 + 3 * MINUTE }, answered)).toBe('closeNotAllowed');
    const solved = run(support, [{ type: 'resolve', by: 'agent', at: T0 + 3 * MINUTE }], answered).ticket;
    expect(
      run(support, [{ type: 'close', by: 'agent', at: T0 + 4 * MINUTE, reason: 'survey' }], solved).ticket,
    ).toMatchObject({ status: 'closed', closedBy: 'agent', closeReason: 'survey', closedAt: T0 + 4 * MINUTE });
    const reopened = { ...solved, reopenCount: 1 };
    expect(refusal({ type: 'close', by: 'agent', at: T0 + 4 * MINUTE }, reopened)).toBe('guardRejected');
  });

  it('no path around a guard: setStatus and “send and mark as” into solved pass the resolve rules', () => {
    expect(refusal({ type: 'setStatus', by: 'agent', at: T0 + MINUTE, to: 'solved' })).toBe('customerWaiting');
    expect(refusal({ type: 'reply', by: 'agent', at: T0 + MINUTE, status: 'solved' })).toBe('assigneeRequired');
    expect(refusal({ type: 'setStatus', by: 'customer', at: T0 + MINUTE, to: 'open' })).toBe('statusChangeNotAllowed');
  });

  it('a throwing guard refuses instead of throwing', () => {
    const wf = defineWorkflow(
      {
        statuses: [
          { id: 'open', category: 'open' },
          { id: 'closed', category: 'closed' },
        ],
        close: { guards: 'explodes' },
      },
      {
        guards: {
          explodes: () => {
            throw new Error('database down');
          },
        },
      },
    );
    const result = transition(wf, createTicket(wf, { at: 0 }), { type: 'close', by: 'agent', at: 1 });
    expect(result.ok === false && result.error.code).toBe('guardRejected');
  });
});

describe('timers: as if the scheduler had run exactly on time', () => {
  const answered = run(support, [{ type: 'reply', by: 'agent', at: T0 }]).ticket;

  it('reminders, then the move, each stamped with its due time, even after an 11-day outage', () => {
    const result = transition(support, answered, { type: 'tick', at: T0 + 11 * DAY });
    expect(result.ok && result.effects.filter((e) => e.type === 'reminderDue' || e.type === 'timerFired')).toEqual([
      // The reminder sequence before auto-solve fires in full, in due order…
      { type: 'reminderDue', timer: 'auto-solve', dueAt: T0 + 3 * DAY, status: 'waiting', index: 0 },
      { type: 'reminderDue', timer: 'auto-solve', dueAt: T0 + 4 * DAY, status: 'waiting', index: 1 },
      // …while the daily nudge, missed on days 2 to 5, fires once for its latest repetition (index 3). At the same
      // instant as the move, reminders go first.
      { type: 'reminderDue', timer: 'nudge', dueAt: T0 + 5 * DAY, status: 'waiting', index: 3 },
      { type: 'timerFired', timer: 'auto-solve', dueAt: T0 + 5 * DAY, from: 'waiting', to: 'solved' },
      { type: 'timerFired', timer: 'auto-close', dueAt: T0 + 9 * DAY, from: 'solved', to: 'closed' },
    ]);
    expect(result.ticket).toMatchObject({
      status: 'closed',
      statusChangedAt: T0 + 9 * DAY,
      updatedAt: T0 + 9 * DAY,
      closedBy: 'system',
      resolvedAt: T0 + 5 * DAY,
    });
  });

  it('several repeating reminders catch up in one batch, each once, however long the outage', () => {
    // Found by the ticksCompose law: two reminders repeating every minute used to leapfrog one repetition at a time.
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      timers: [
        { id: 'a', in: 'open', after: MINUTE, action: 'remind', repeatEvery: MINUTE },
        { id: 'b', in: 'open', after: MINUTE, action: 'remind', repeatEvery: MINUTE },
      ],
    });
    const start = createTicket(wf, { at: 0 });
    const once = transition(wf, start, { type: 'tick', at: 365 * DAY });
    expect(once.ok && once.effects).toEqual([
      { type: 'reminderDue', timer: 'a', dueAt: 365 * DAY, status: 'open', index: 365 * 1440 - 1 },
      { type: 'reminderDue', timer: 'b', dueAt: 365 * DAY, status: 'open', index: 365 * 1440 - 1 },
    ]);
    const first = transition(wf, start, { type: 'tick', at: 100 * DAY });
    const twice = transition(wf, first.ticket, { type: 'tick', at: 365 * DAY });
    expect({ ...twice.ticket, version: 0 }).toEqual({ ...once.ticket, version: 0 });
  });

  it('same-instant law: a customer reply at the very instant of the deadline comes after the timer', () => {
    // Design page, "Timers": every event first applies every timer due at or before its `at`.
    const early = transition(support, answered, { type: 'reply', by: 'customer', at: T0 + 5 * DAY - 1 });
    expect(early.ok && early.effects.some((e) => e.type === 'timerFired')).toBe(false);
    const result = transition(support, answered, { type: 'reply', by: 'customer', at: T0 + 5 * DAY });
    expect(result.ok && result.effects.map((e) => e.type)).toContain('timerFired');
    const ticked = transition(support, answered, { type: 'tick', at: T0 + 5 * DAY });
    const after = transition(support, ticked.ticket, { type: 'reply', by: 'customer', at: T0 + 5 * DAY });
    expect(after.ok && after.ticket.status).toBe(result.ok && result.ticket.status);
  });

  it('skipWhileCustomerWaits: a solved ticket with an unanswered customer message never auto-closes', () => {
    const wf = support;
    const solved = run(wf, [
      { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' },
      { type: 'reply', by: 'agent', at: T0 + 2 },
      { type: 'resolve', by: 'agent', at: T0 + 3 },
    ]).ticket;
    const stuck = { ...solved, awaiting: 'team' as const };
    expect(transition(wf, stuck, { type: 'tick', at: T0 + 30 * DAY }).ticket.status).toBe('solved');
  });

  it('a snooze without `until` waits for the customer; with one it wakes to where it was if that was New', () => {
    const forever = run(support, [{ type: 'snooze', by: 'agent', at: T0 + MINUTE }]).ticket;
    expect(forever).toMatchObject({ status: 'later', until: null, snoozedFrom: 'new' });
    expect(transition(support, forever, { type: 'tick', at: T0 + 365 * DAY }).ticket.status).toBe('later');
    expect(run(support, [{ type: 'reply', by: 'customer', at: T0 + DAY }], forever).ticket.status).toBe('open');

    const timed = run(support, [{ type: 'snooze', by: 'agent', at: T0 + MINUTE, until: T0 + DAY }]).ticket;
    expect(run(support, [{ type: 'tick', at: T0 + DAY }], timed).ticket).toMatchObject({
      status: 'new',
      snoozedFrom: null,
      until: null,
    });
    const fromOpen = run(support, [
      { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'bo' },
      { type: 'snooze', by: 'agent', at: T0 + 2, until: T0 + DAY },
      { type: 'snooze', by: 'agent', at: T0 + 3, until: T0 + 2 * DAY },
      { type: 'tick', at: T0 + DAY },
    ]).ticket;
    expect(fromOpen).toMatchObject({ status: 'later', until: T0 + 2 * DAY });
    expect(run(support, [{ type: 'tick', at: T0 + 2 * DAY }], fromOpen).ticket.status).toBe('open');
  });

  it('`until` is refused where nothing counts to it, and required where a status says so', () => {
    expect(refusal({ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'open', until: T0 + DAY })).toBe(
      'untilNotAccepted',
    );
    expect(refusal({ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'pending_close' })).toBe('untilRequired');
    const pending = run(support, [
      { type: 'setStatus', by: 'agent', at: T0 + 1, to: 'pending_close', until: T0 + DAY },
    ]).ticket;
    expect(run(support, [{ type: 'tick', at: T0 + DAY }], pending).ticket).toMatchObject({
      status: 'closed',
      closeReason: 'pending close',
      closedBy: 'system',
    });
    expect(run(support, [{ type: 'reply', by: 'customer', at: T0 + DAY - 1 }], pending).ticket).toMatchObject({
      status: 'open',
      until: null,
    });
  });
});

describe('reopening', () => {
  const closed = run(support, [
    { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' },
    { type: 'reply', by: 'agent', at: T0 + 2 },
    { type: 'resolve', by: 'agent', at: T0 + 3 },
    { type: 'close', by: 'customer', at: T0 + 4 },
  ]).ticket;

  it('a customer reply within the window reopens, counts, and says so', () => {
    const { ticket, effects } = run(support, [{ type: 'reply', by: 'customer', at: T0 + 4 + 7 * DAY - 1 }], closed);
    expect(ticket).toMatchObject({ status: 'open', reopenCount: 1, closedAt: T0 + 4 });
    expect(effects).toContainEqual({
      type: 'reopened',
      from: 'closed',
      to: 'open',
      at: T0 + 4 + 7 * DAY - 1,
      by: 'customer',
    });
  });

  it('after the window the ticket stays closed and the host is asked for a follow-up ticket', () => {
    const result = transition(support, closed, { type: 'reply', by: 'customer', at: T0 + 4 + 7 * DAY });
    expect(result).toEqual({
      ok: true,
      ticket: closed,
      changed: false,
      effects: [{ type: 'followUpRequested', status: 'closed', at: T0 + 4 + 7 * DAY, by: 'customer' }],
    });
  });

  it('an agent reply to a closed ticket is rejected, but agents can reopen explicitly', () => {
    const result = transition(support, closed, { type: 'reply', by: 'agent', at: T0 + 5 });
    expect(result.ok && result.effects).toEqual([
      { type: 'replyRejected', status: 'closed', at: T0 + 5, by: 'agent', reason: 'locked' },
    ]);
    expect(run(support, [{ type: 'reopen', by: 'agent', at: T0 + 30 * DAY, to: 'vendor' }], closed).ticket.status).toBe(
      'vendor',
    );
    expect(refusal({ type: 'reopen', by: 'customer', at: T0 + 5 }, closed)).toBe('reopenNotAllowed');
    expect(refusal({ type: 'reopen', by: 'agent', at: T0 + 5, to: 'solved' }, closed)).toBe('reopenNotAllowed');
    expect(refusal({ type: 'reopen', by: 'agent', at: T0 + 5 })).toBe('reopenNotAllowed');
  });
});

describe('createTicket', () => {
  it('by a customer: their message is recorded and the team owes the reply', () => {
    // The key order too: tickets have exactly the contract fields, in this order.
    expect(Object.keys(createTicket(support, { at: T0 }))).toEqual([
      'status',
      'version',
      'createdAt',
      'updatedAt',
      'statusChangedAt',
      'assignee',
      'channel',
      'priority',
      'group',
      'tags',
      'attributesChangedAt',
      'lastCustomerMessageAt',
      'lastAgentMessageAt',
      'lastActivityAt',
      'awaiting',
      'reopenCount',
      'closedAt',
      'closedBy',
      'closeReason',
      'resolvedAt',
      'until',
      'snoozedFrom',
      'timersFired',
    ]);
    expect(createTicket(support, { at: T0 })).toEqual({
      status: 'new',
      version: 1,
      createdAt: T0,
      updatedAt: T0,
      statusChangedAt: T0,
      assignee: null,
      channel: null,
      priority: null,
      group: null,
      tags: [],
      attributesChangedAt: null,
      lastCustomerMessageAt: T0,
      lastAgentMessageAt: null,
      lastActivityAt: T0,
      awaiting: 'team',
      reopenCount: 0,
      closedAt: null,
      closedBy: null,
      closeReason: null,
      resolvedAt: null,
      until: null,
      snoozedFrom: null,
      timersFired: {},
    });
  });

  it('by an agent, with a channel and an assignee', () => {
    expect(createTicket(support, { at: T0, by: 'agent', channel: 'phone', assignee: 'ana' })).toMatchObject({
      awaiting: null,
      lastCustomerMessageAt: null,
      channel: 'phone',
      assignee: 'ana',
    });
  });

  it.each([[{ at: Number.NaN }], [{ at: T0, by: 'robot' }], [{ at: T0, assignee: '' }]])(
    'throws RangeError for %j',
    (input) => {
      expect(() => createTicket(support, input as never)).toThrow(RangeError);
    },
  );

  it('may start per channel', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'bot', category: 'new' },
      ],
      initial: 'open',
      initialByChannel: { widget: 'bot' },
    });
    expect(createTicket(wf, { at: 0, channel: 'widget' }).status).toBe('bot');
    expect(createTicket(wf, { at: 0, channel: 'email' }).status).toBe('open');
  });
});

const _typed: TicketEvent<'open'> = { type: 'tick', at: 0 };
void _typed;

describe('the shape of returned tickets', () => {
  it('has exactly the contract fields, whatever extra properties the input carried', () => {
    const carrying = { ...fresh, rowId: 42 } as typeof fresh;
    const result = transition(support, carrying, { type: 'note', by: 'agent', at: T0 + 1 });
    expect(result.ok && Object.keys(result.ticket)).toEqual(Object.keys(fresh));
  });
});
