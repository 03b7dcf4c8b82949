// "There is no path around a guard" (README, Rules): every way a ticket can move passes the rules of the move.
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  nextDeadline,
  transition,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { DAY, run, T0 } from './fixtures.js';

const STATUSES = [
  { id: 'new', category: 'new' },
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending', default: true },
  { id: 'pending_close', category: 'pending', default: false, requireUntil: true },
  { id: 'later', category: 'snoozed' },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
] as const;

/** Replays events, then returns the last result (refused or not). */
function last<S extends string>(wf: Workflow<S>, events: readonly TicketEvent<S>[], final: TicketEvent<S>) {
  const { ticket } = run(wf, events);
  return transition(wf, ticket, final);
}

describe('timers act as the system and pass the same rules', () => {
  const wf = defineWorkflow({
    statuses: [...STATUSES],
    close: { by: 'system', from: 'solved', requireAssignee: true },
    timers: [{ id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' }],
  });

  it('an unassigned solved ticket does not auto-close past requireAssignee: timerBlocked, then tried after the next change', () => {
    const { ticket: solved } = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + 1 }]);
    const ticked = transition(wf, solved, { type: 'tick', at: T0 + 10 * DAY });
    expect(ticked.ok && ticked.ticket.status).toBe('solved');
    expect(ticked.ok && ticked.effects).toEqual([
      {
        type: 'timerBlocked',
        timer: 'auto-close',
        dueAt: T0 + 1 + 4 * DAY,
        from: 'solved',
        to: 'closed',
        code: 'assigneeRequired',
        message: expect.any(String),
      },
    ]);
    const blocked = ticked.ticket;
    // Nothing more comes due until something changes: the sweeper can forget the ticket.
    expect(nextDeadline(wf, blocked)).toBeNull();
    const later = transition(wf, blocked, { type: 'tick', at: T0 + 20 * DAY });
    expect(later.ok && later.changed).toBe(false);
    // An assignee arrives: the timer is tried again at that moment, and now closes.
    const assigned = transition(wf, blocked, { type: 'assign', by: 'agent', at: T0 + 11 * DAY, assignee: 'ana' });
    expect(assigned.ok && nextDeadline(wf, assigned.ticket)).toBe(T0 + 11 * DAY + 1);
    const closed = transition(wf, assigned.ticket, { type: 'tick', at: T0 + 11 * DAY + 1 });
    expect(closed.ticket.status).toBe('closed');
    expect(closed.ticket.closedAt).toBe(T0 + 11 * DAY + 1);
  });

  it('evaluateAutoClose reports the blocked move and predicts the status tick leaves', () => {
    const { ticket: solved } = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + 1 }]);
    const evaluation = evaluateAutoClose(wf, solved, T0 + 5 * DAY);
    expect(evaluation).toEqual({
      due: [{ timer: 'auto-close', kind: 'blocked', dueAt: T0 + 1 + 4 * DAY, from: 'solved', to: 'solved' }],
      status: 'solved',
      close: false,
      nextCheckAt: null,
    });
  });

  it('bypassGuards is the explicit opt-out: that timer moves anyway', () => {
    const bypass = defineWorkflow({
      statuses: [...STATUSES],
      close: { by: 'system', from: 'solved', requireAssignee: true },
      timers: [{ id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed', bypassGuards: true }],
    });
    const { ticket } = run(bypass, [
      { type: 'resolve', by: 'agent', at: T0 + 1 },
      { type: 'tick', at: T0 + 5 * DAY },
    ]);
    expect(ticket.status).toBe('closed');
  });

  it('Zammad: pending close with a time, then a tick, does not close past the checklist guard', () => {
    let checklistDone = false;
    const zammadLike = defineWorkflow(
      {
        statuses: [...STATUSES],
        close: { by: ['agent', 'system'], guards: 'checklistDone' },
        timers: [{ id: 'pending-close', in: 'pending_close', since: 'until', action: 'move', to: 'closed' }],
      },
      { guards: { checklistDone: () => checklistDone } },
    );
    const { ticket } = run(zammadLike, [
      { type: 'setStatus', by: 'agent', at: T0 + 1, to: 'pending_close', until: T0 + DAY },
      { type: 'tick', at: T0 + 2 * DAY },
    ]);
    expect(ticket.status).toBe('pending_close');
    checklistDone = true;
    const { ticket: later } = run(
      zammadLike,
      [
        { type: 'note', by: 'agent', at: T0 + 3 * DAY },
        { type: 'tick', at: T0 + 3 * DAY + 1 },
      ],
      ticket,
    );
    expect(later.status).toBe('closed');
  });

  it('a guard on entering a status that is not closing is expressible: statusChanges conditions', () => {
    const gated = defineWorkflow(
      {
        statuses: [...STATUSES],
        statusChanges: [
          { by: ['agent', 'system'], to: 'pending_close', guards: 'checklistDone' },
          { by: ['agent', 'system'], to: ['open', 'waiting', 'later', 'solved', 'closed'] },
        ],
        timers: [{ id: 'pending-close', in: 'pending_close', since: 'until', action: 'move', to: 'closed' }],
      },
      { guards: { checklistDone: (t) => t.assignee !== null } },
    );
    const refused = last(gated, [], {
      type: 'setStatus',
      by: 'agent',
      at: T0 + 1,
      to: 'pending_close',
      until: T0 + DAY,
    });
    expect(refused.ok === false && refused.error.code).toBe('guardRejected');
    const sendAndMark = last(gated, [], { type: 'reply', by: 'agent', at: T0 + 1, status: 'waiting' });
    expect(sendAndMark.ok).toBe(true);
    const allowed = last(gated, [{ type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' }], {
      type: 'setStatus',
      by: 'agent',
      at: T0 + 2,
      to: 'pending_close',
      until: T0 + DAY,
    });
    expect(allowed.ok && allowed.ticket.status).toBe('pending_close');
  });
});

describe('rules without `from` never reach a locked (closed) status', () => {
  // The README quickstart policy: closed is locked, the resolve rule names no status.
  const quickstart = defineWorkflow({
    statuses: [...STATUSES],
    replies: [{ by: 'customer', from: 'closed', action: 'followUp' }],
    resolve: { by: 'agent', requireAssignee: true },
    close: { by: ['customer', 'system'], from: 'solved' },
  });

  it('a custom resolve rule does not un-close a ticket', () => {
    const { ticket: closed } = run(quickstart, [
      { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' },
      { type: 'resolve', by: 'agent', at: T0 + 2 },
      { type: 'close', by: 'customer', at: T0 + 3 },
    ]);
    expect(closed.status).toBe('closed');
    const again = transition(quickstart, closed, { type: 'resolve', by: 'agent', at: T0 + 4 });
    expect(again.ok === false && again.error.code).toBe('resolveNotAllowed');
  });

  it('a rule that names the closed status does reach it', () => {
    const named = defineWorkflow({
      statuses: [...STATUSES],
      resolve: { by: 'agent', fromCategory: ['open', 'closed'] },
    });
    const { ticket } = run(named, [
      { type: 'setStatus', by: 'agent', at: T0 + 1, to: 'open' },
      { type: 'close', by: 'agent', at: T0 + 2 },
      { type: 'resolve', by: 'agent', at: T0 + 3 },
    ]);
    expect(ticket.status).toBe('solved');
  });
});

describe('setStatus passes every rule its move amounts to', () => {
  const wf = defineWorkflow({ statuses: [...STATUSES], snooze: { by: 'agent', fromCategory: 'open' } });

  it('from solved into snoozed checks the snooze rule, as a snooze event does', () => {
    const { ticket: solved } = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + 1 }]);
    const snooze = transition(wf, solved, { type: 'snooze', by: 'agent', at: T0 + 2 });
    const setStatus = transition(wf, solved, { type: 'setStatus', by: 'agent', at: T0 + 2, to: 'later' });
    expect(snooze.ok === false && snooze.error.code).toBe('snoozeNotAllowed');
    expect(setStatus.ok === false && setStatus.error.code).toBe('snoozeNotAllowed');
  });
});

describe('a customer reply carrying the current status', () => {
  const wf = defineWorkflow({
    statuses: [...STATUSES],
    replies: [{ by: 'customer', from: 'solved', action: 'reopen' }],
  });
  const solved: Ticket<(typeof STATUSES)[number]['id']> = run(wf, [
    { type: 'resolve', by: 'agent', at: T0 + 1 },
  ]).ticket;

  it('needs permission like any "send and mark as"', () => {
    const r = transition(wf, solved, { type: 'reply', by: 'customer', at: T0 + 2, status: 'solved' });
    expect(r.ok === false && r.error.code).toBe('statusChangeNotAllowed');
  });

  it('does not skip the reopen rule when permitted', () => {
    const permissive = defineWorkflow({
      statuses: [...STATUSES],
      replies: [{ by: 'customer', from: 'solved', action: 'reopen' }],
      statusChanges: [{ by: 'customer', from: 'solved', to: 'solved' }, { by: ['agent', 'system'] }],
    });
    const start = run(permissive, [{ type: 'resolve', by: 'agent', at: T0 + 1 }]).ticket;
    const r = transition(permissive, start, { type: 'reply', by: 'customer', at: T0 + 2, status: 'solved' });
    expect(r.ok && r.ticket.status).toBe('open');
  });

  it('an agent choosing the current status keeps it (send and mark as open)', () => {
    const { ticket } = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + 1, to: 'open' }]);
    const r = transition(wf, ticket, { type: 'reply', by: 'agent', at: T0 + 2, status: 'open' });
    expect(r.ok && r.ticket.status).toBe('open');
  });
});

describe('assign has actor rules', () => {
  it('by default customers may not assign; agents may', () => {
    const wf = defineWorkflow({ statuses: [...STATUSES] });
    const t = createTicket(wf, { at: T0 });
    const customer = transition(wf, t, { type: 'assign', by: 'customer', at: T0 + 1, assignee: 'me' });
    expect(customer.ok === false && customer.error.code).toBe('assignNotAllowed');
    expect(transition(wf, t, { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' }).ok).toBe(true);
  });

  it('keepAssignee refuses leaving a ticket with nobody', () => {
    const wf = defineWorkflow({
      statuses: [...STATUSES],
      assign: [
        { by: ['agent', 'system'], fromCategory: 'solved', keepAssignee: true },
        { by: ['agent', 'system'], fromCategory: ['new', 'open', 'pending'] },
      ],
    });
    const { ticket } = run(wf, [
      { type: 'assign', by: 'agent', at: T0 + 1, assignee: 'ana' },
      { type: 'resolve', by: 'agent', at: T0 + 2 },
    ]);
    const unassign = transition(wf, ticket, { type: 'assign', by: 'agent', at: T0 + 3, assignee: null });
    expect(unassign.ok === false && unassign.error.code).toBe('assigneeRequired');
    expect(transition(wf, ticket, { type: 'assign', by: 'agent', at: T0 + 3, assignee: 'bo' }).ok).toBe(true);
  });
});
