// Zendesk scenarios. Sources: Zendesk's help center (URLs below) and docs/presets.md#zendesk for the preset's choices.
import { describe, expect, it } from 'vitest';
import { createTicket, evaluateAutoClose, movesOf, nextDeadline, transition } from 'ticket-lifecycle';
import { zendesk, type ZendeskOptions } from 'ticket-lifecycle/presets';
import {
  DAY,
  effectsOf,
  expectClosesAt,
  expectInvalidOption,
  HOUR,
  MINUTE,
  officeHours,
  refusal,
  run,
  statusAfter,
  T0,
} from './helpers.js';

const NATIVE = 'https://support.zendesk.com/hc/en-us/articles/4408894213018-About-native-system-ticket-rules';
const AUTOMATIONS = 'https://support.zendesk.com/hc/en-us/articles/4408835051546';

const wf = zendesk();
const fresh = createTicket(wf, { at: T0 });
const open = run(wf, [{ type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' }]).ticket;
const SOLVED_AT = T0 + 2 * HOUR;
const solved = run(wf, [{ type: 'resolve', by: 'agent', at: SOLVED_AT }], open).ticket;
const closed = run(wf, [{ type: 'tick', at: SOLVED_AT + 4 * DAY }], solved).ticket;

describe('zendesk: statuses (https://support.zendesk.com/hc/en-us/articles/4408832151834-Updating-and-solving-tickets)', () => {
  it('has exactly new, open, pending, hold, solved, closed', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
  });

  it('shows On-hold as Open to the requester (agent_label vs end_user_label, https://developer.zendesk.com/api-reference/ticketing/tickets/custom_ticket_statuses/)', () => {
    expect(wf.statuses.find((s) => s.id === 'hold')?.labels).toEqual({ agent: 'On-hold', customer: 'Open' });
  });
});

describe(`zendesk: native rules (${NATIVE})`, () => {
  it('creates tickets New', () => {
    expect(fresh.status).toBe('new');
  });

  it('leaves New as it is on a customer comment', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }])).toBe('new');
  });

  it('opens a New ticket when it gets an assignee', () => {
    const { ticket, effects } = run(wf, [{ type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' }]);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'statusChanged')).toEqual([
      { type: 'statusChanged', from: 'new', to: 'open', at: T0 + HOUR, cause: 'assign' },
    ]);
  });

  it('does not open a New ticket when it is unassigned, nor move another status on assignment', () => {
    expect(statusAfter(wf, [{ type: 'assign', by: 'agent', at: T0 + HOUR, assignee: null }])).toBe('new');
    const pending = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'pending' }], open).ticket;
    expect(statusAfter(wf, [{ type: 'assign', by: 'agent', at: T0 + 3 * HOUR, assignee: 'bo' }], pending)).toBe(
      'pending',
    );
  });

  it.each(['pending', 'hold'] as const)('opens %s on a customer comment', (status) => {
    const start = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: status }], open).ticket;
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 3 * HOUR }], start)).toBe('open');
  });

  it('reopens Solved to Open on a customer comment', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: SOLVED_AT + DAY }], solved);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('lets the agent pick the status with a reply ("Submit as"); a plain agent reply moves nothing (https://support.zendesk.com/hc/en-us/articles/4408832151834-Updating-and-solving-tickets)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR }], open)).toBe('open');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'pending' }], open)).toBe(
      'pending',
    );
  });

  it('never goes back to New, by setStatus or by "Submit as"', () => {
    expect(refusal(wf, open, { type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'new' }).code).toBe(
      'statusChangeNotAllowed',
    );
    expect(refusal(wf, open, { type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'new' }).code).toBe(
      'statusChangeNotAllowed',
    );
    expect(refusal(wf, solved, { type: 'setStatus', by: 'system', at: SOLVED_AT + 1, to: 'new' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });

  it('never goes back to New by an explicit reopen either', () => {
    expect(refusal(wf, solved, { type: 'reopen', by: 'agent', at: SOLVED_AT + 1, to: 'new' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });
});

describe(`zendesk: solving and closing (${NATIVE}; ${AUTOMATIONS})`, () => {
  it('refuses to solve a ticket with no assignee, by resolve, setStatus or "Submit as Solved"', () => {
    expect(refusal(wf, fresh, { type: 'resolve', by: 'agent', at: T0 + HOUR }).code).toBe('assigneeRequired');
    const pending = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' }]).ticket;
    expect(refusal(wf, pending, { type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'solved' }).code).toBe(
      'assigneeRequired',
    );
    expect(refusal(wf, pending, { type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'solved' }).code).toBe(
      'assigneeRequired',
    );
  });

  it('solves an assigned ticket', () => {
    expect(solved.status).toBe('solved');
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * HOUR, status: 'solved' }], open)).toBe('solved');
  });

  it('never lets an agent close, by close or setStatus (Closed is set by business rules only)', () => {
    expect(refusal(wf, solved, { type: 'close', by: 'agent', at: SOLVED_AT + 1 }).code).toBe('closeNotAllowed');
    expect(refusal(wf, solved, { type: 'setStatus', by: 'agent', at: SOLVED_AT + 1, to: 'closed' }).code).toBe(
      'closeNotAllowed',
    );
    expect(refusal(wf, solved, { type: 'close', by: 'agent', at: SOLVED_AT + 1, force: true }).code).toBe(
      'closeNotAllowed',
    );
  });

  it('closes Solved exactly 4 days after solving by default: still Solved 1 ms before, not at the next hourly run (docs/presets.md#zendesk)', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: SOLVED_AT + 4 * DAY - 1 }], solved)).toBe('solved');
    expect(closed).toMatchObject({ status: 'closed', closedAt: SOLVED_AT + 4 * DAY, closedBy: 'system' });
    expect(nextDeadline(wf, solved)).toBe(SOLVED_AT + 4 * DAY);
    expect(evaluateAutoClose(wf, solved, SOLVED_AT + 4 * DAY)).toMatchObject({
      status: 'closed',
      close: true,
      nextCheckAt: null,
    });
  });

  it('closes after closeAfter when given ("editable up to 28 days")', () => {
    const week = zendesk({ closeAfter: 'P7D' });
    const start = run(week, [
      { type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' },
      { type: 'resolve', by: 'agent', at: SOLVED_AT },
    ]).ticket;
    expect(nextDeadline(week, start)).toBe(SOLVED_AT + 7 * DAY);
  });

  it.each<ZendeskOptions['closeAfter']>(['PT1H', 'P28D', 3_600_000])(
    'accepts closeAfter %s (one hour to 28 days)',
    (closeAfter) => {
      expect(() => zendesk({ closeAfter })).not.toThrow();
    },
  );

  it.each<ZendeskOptions['closeAfter']>(['PT59M', 'P28DT1S', 'P29D', 'P1M', 'soon', 0, -1])(
    'throws WorkflowError invalidOption at definition for closeAfter %s',
    (closeAfter) => expectInvalidOption(() => zendesk({ closeAfter }), 'closeAfter'),
  );

  it('cannot turn the close off ("can\'t be deactivated or deleted")', () => {
    expectInvalidOption(() => zendesk({ closeAfter: false as never }), 'closeAfter');
  });

  it('never solves or closes a Pending ticket by itself (no default auto-solve of Pending)', () => {
    const pending = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'pending' }], open).ticket;
    expect(nextDeadline(wf, pending)).toBeNull();
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + 365 * DAY }], pending)).toBe('pending');
  });

  it('closes first when a customer comments at the exact close time: the comment asks for a follow-up (same-instant law, README.md "Time")', () => {
    // Every event first applies every timer due at or before its time (issue 9, item 10); a millisecond earlier,
    // the comment reopens the ticket.
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: SOLVED_AT + 4 * DAY - 1 }], solved)).toBe('open');
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: SOLVED_AT + 4 * DAY }], solved);
    expect(ticket.status).toBe('closed');
    expect(effectsOf(effects, 'followUpRequested')).toHaveLength(1);
  });
});

describe(`zendesk: closed tickets ("Closed tickets can't be updated", ${NATIVE})`, () => {
  it('leaves Closed as it is on a customer reply and asks for a follow-up ticket', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: SOLVED_AT + 5 * DAY }], closed);
    expect(ticket).toBe(closed);
    expect(effects).toEqual([{ type: 'followUpRequested', status: 'closed', at: SOLVED_AT + 5 * DAY, by: 'customer' }]);
  });

  it('refuses to reopen or change a closed ticket', () => {
    expect(refusal(wf, closed, { type: 'reopen', by: 'agent', at: SOLVED_AT + 5 * DAY }).code).toBe('reopenNotAllowed');
    expect(refusal(wf, closed, { type: 'setStatus', by: 'agent', at: SOLVED_AT + 5 * DAY, to: 'open' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });

  it('rejects an agent reply to a closed ticket (choice, docs/presets.md#zendesk)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'agent', at: SOLVED_AT + 5 * DAY + MINUTE }], closed);
    expect(ticket).toBe(closed);
    expect(effectsOf(effects, 'replyRejected')).toHaveLength(1);
  });
});

describe(`zendesk: closed tickets can’t be updated (${NATIVE})`, () => {
  const ranked = zendesk({ sla: { byPriority: { urgent: { firstReply: 'PT1H' } } } });
  const closedRanked = run(
    ranked,
    [
      { type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' },
      { type: 'resolve', by: 'agent', at: SOLVED_AT },
      { type: 'tick', at: SOLVED_AT + 4 * DAY },
    ],
    { at: T0, group: 'tier-1' },
  ).ticket;
  const later = SOLVED_AT + 5 * DAY;

  it('still lets agents edit tags and priority ("only tags, subject and priority can be edited")', () => {
    const { ticket, effects } = run(
      ranked,
      [{ type: 'update', by: 'agent', at: later, tags: ['refund'], priority: 'urgent' }],
      closedRanked,
    );
    expect(ticket).toMatchObject({ status: 'closed', tags: ['refund'], priority: 'urgent' });
    expect(effectsOf(effects, 'updated')).toHaveLength(1);
  });

  it('refuses a change of group on a Closed ticket, and any edit by the requester', () => {
    const event = { type: 'update', by: 'agent', at: later, group: 'tier-2' } as const;
    expect(refusal(ranked, closedRanked, event).code).toBe('guardRejected');
    expect(refusal(ranked, closedRanked, { ...event, group: undefined, tags: ['x'], by: 'customer' }).code).toBe(
      'updateNotAllowed',
    );
    expect(run(ranked, [{ ...event, at: T0 + HOUR }], { at: T0, group: 'tier-1' }).ticket.group).toBe('tier-2');
  });

  it('an agent cannot resolve a Closed ticket back to Solved (closed is locked: the resolve rule names no status)', () => {
    const closed = transition(wf, solved, { type: 'tick', at: SOLVED_AT + 4 * DAY }).ticket;
    expect(closed.status).toBe('closed');
    const again = transition(wf, closed, { type: 'resolve', by: 'agent', at: SOLVED_AT + 4 * DAY + 1 });
    expect(again.ok === false && again.error.code).toBe('resolveNotAllowed');
  });
});

// Solved keeps its assignee, end users never assign: https://support.zendesk.com/hc/en-us/articles/4408894213018
// ("About native system ticket rules": solved requires an assignee).
describe('zendesk: a Solved ticket keeps an assignee (native rules)', () => {
  it('refuses unassigning a Solved ticket, allows handing it to another agent', () => {
    const unassign = transition(wf, solved, { type: 'assign', by: 'agent', at: SOLVED_AT + HOUR, assignee: null });
    expect(unassign.ok === false && unassign.error.code).toBe('assigneeRequired');
    expect(transition(wf, solved, { type: 'assign', by: 'agent', at: SOLVED_AT + HOUR, assignee: 'bo' }).ok).toBe(true);
  });

  it('lets agents unassign an Open ticket, never end users assign', () => {
    expect(transition(wf, open, { type: 'assign', by: 'agent', at: T0 + 2 * HOUR, assignee: null }).ok).toBe(true);
    expect(refusal(wf, open, { type: 'assign', by: 'customer', at: T0 + 2 * HOUR, assignee: 'me' }).code).toBe(
      'assignNotAllowed',
    );
  });
});

// Requests API: "can_be_solved_by_me — If true, an end user can mark the request as solved"; "solved — … an end
// user can set this if can_be_solved_by_me … is true": https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-requests/
describe('zendesk: an end user may mark an assigned request solved, where the option allows it', () => {
  const solvable = zendesk({ requesterCanSolve: true });
  const assigned = run(solvable, [{ type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' }]).ticket;

  it('is refused by default', () => {
    expect(refusal(wf, open, { type: 'resolve', by: 'customer', at: T0 + 2 * HOUR }).code).toBe('resolveNotAllowed');
    expect(refusal(wf, open, { type: 'reply', by: 'customer', at: T0 + 2 * HOUR, status: 'solved' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });

  it('with requesterCanSolve: a resolve or a reply marked solved solves an assigned request', () => {
    expect(transition(solvable, assigned, { type: 'resolve', by: 'customer', at: T0 + 2 * HOUR }).ticket.status).toBe(
      'solved',
    );
    expect(
      transition(solvable, assigned, { type: 'reply', by: 'customer', at: T0 + 2 * HOUR, status: 'solved' }).ticket
        .status,
    ).toBe('solved');
  });

  it('with requesterCanSolve: not while nobody is assigned', () => {
    const unassigned = createTicket(solvable, { at: T0 });
    const r = transition(solvable, unassigned, { type: 'resolve', by: 'customer', at: T0 + HOUR });
    expect(r.ok === false && r.error.code).toBe('assigneeRequired');
  });
});

// Merging: "the source ticket is closed" — https://support.zendesk.com/hc/en-us/articles/4408882445594 (Merging
// tickets); API: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#merge-tickets-into-target-ticket
describe('zendesk: merging closes the source ticket', () => {
  it('closes the source with a reason and tells the host the target id', () => {
    const r = transition(wf, open, { type: 'merge', by: 'agent', at: T0 + 2 * HOUR, into: '4711' });
    expect(r.ok && r.ticket.status).toBe('closed');
    expect(r.ticket.closeReason).toBe('merged:4711');
    expect(r.ok && r.effects).toContainEqual({ type: 'merged', into: '4711', at: T0 + 2 * HOUR, by: 'agent' });
  });

  it('merges even an unassigned New ticket, but never a Closed one, and never by an end user', () => {
    expect(transition(wf, fresh, { type: 'merge', by: 'agent', at: T0 + HOUR, into: '4711' }).ticket.status).toBe(
      'closed',
    );
    expect(refusal(wf, closed, { type: 'merge', by: 'agent', at: SOLVED_AT + 5 * DAY, into: '4711' }).code).toBe(
      'mergeNotAllowed',
    );
    expect(refusal(wf, open, { type: 'merge', by: 'customer', at: T0 + 2 * HOUR, into: '4711' }).code).toBe(
      'mergeNotAllowed',
    );
  });

  it('refuses a merge without a target id', () => {
    expect(refusal(wf, open, { type: 'merge', by: 'agent', at: T0 + 2 * HOUR, into: '' }).code).toBe('invalidEvent');
  });
});

// "If the setting auto assign tickets upon solve is enabled, an agent submits a ticket as Solved, and there is no
// assignee, the system automatically makes the agent who solved the ticket the assignee"
// (https://support.zendesk.com/hc/en-us/articles/4408894213018-About-native-system-ticket-rules); the setting is
// on by default: https://support.zendesk.com/hc/de/articles/4408832762650 ("Standardmäßig …"). Solved by a trigger or
// an automation (the system), an unassigned ticket stays unassigned there: the preset refuses it, as solving needs one.
describe(`zendesk: auto assign tickets upon solve (${NATIVE})`, () => {
  const pending = run(wf, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' }]).ticket;
  const at = T0 + 2 * HOUR;

  it('makes the agent who solves an unassigned ticket its assignee, by resolve, setStatus or "Submit as Solved"', () => {
    for (const event of [
      { type: 'resolve', by: 'agent', at, actorId: 'ana' },
      { type: 'setStatus', by: 'agent', at, to: 'solved', actorId: 'ana' },
      { type: 'reply', by: 'agent', at, status: 'solved', actorId: 'ana' },
    ] as const) {
      const r = transition(wf, pending, event);
      expect(r.ok && r.ticket).toMatchObject({ status: 'solved', assignee: 'ana' });
      // Who was assigned and why, before the status change it made possible.
      expect(r.ok && r.effects.slice(0, 2)).toEqual([
        { type: 'assigned', from: null, to: 'ana', at, cause: 'solver' },
        { type: 'statusChanged', from: 'pending', to: 'solved', at, cause: event.type },
      ]);
    }
  });

  it('solves a New ticket straight away, without opening it first', () => {
    const r = transition(wf, fresh, { type: 'resolve', by: 'agent', at, actorId: 'bo' });
    expect(r.ok && r.ticket).toMatchObject({ status: 'solved', assignee: 'bo' });
    expect(r.ok && r.effects.filter((e) => e.type === 'statusChanged')).toHaveLength(1);
  });

  it('keeps the assignee an assigned ticket has', () => {
    const r = transition(wf, open, { type: 'resolve', by: 'agent', at, actorId: 'bo' });
    expect(r.ok && r.ticket.assignee).toBe('ana');
    expect(r.ok && r.effects.some((e) => e.type === 'assigned')).toBe(false);
  });

  it('assigns nobody without an agent id, for the system, or with the setting off: solving is then refused', () => {
    expect(refusal(wf, pending, { type: 'resolve', by: 'agent', at }).code).toBe('assigneeRequired');
    expect(refusal(wf, pending, { type: 'resolve', by: 'system', at, actorId: 'trigger-7' }).code).toBe(
      'assigneeRequired',
    );
    const off = zendesk({ autoAssignOnSolve: false });
    const p = run(off, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: 'pending' }]).ticket;
    expect(refusal(off, p, { type: 'resolve', by: 'agent', at, actorId: 'ana' }).code).toBe('assigneeRequired');
  });

  it('changes nothing when the solve is refused (a Closed ticket, an end user)', () => {
    expect(refusal(wf, closed, { type: 'resolve', by: 'agent', at: SOLVED_AT + 5 * DAY, actorId: 'ana' }).code).toBe(
      'resolveNotAllowed',
    );
    expect(refusal(wf, pending, { type: 'resolve', by: 'customer', at, actorId: 'ana' }).code).toBe(
      'resolveNotAllowed',
    );
  });

  it('shows the rule in the moves table', () => {
    const resolve = movesOf(wf)
      .byStatus.get('open')!
      .moves.find((m) => m.event === 'resolve')!;
    expect(resolve.rule.conditions).toMatchObject({ requireAssignee: true, assignSolver: true });
    expect(movesOf(zendesk({ autoAssignOnSolve: false })).rules.some((r) => r.conditions.assignSolver)).toBe(false);
  });
});

// Automations in business hours: "Hours since …" conditions can count calendar or business hours
// (https://support.zendesk.com/hc/en-us/articles/4408836495130); native rule: "Tickets are automatically closed 28
// days after they're set to Solved, regardless of any triggers or automations" (About native system ticket rules,
// https://support.zendesk.com/hc/en-us/articles/4408894213018).
describe('zendesk: automations in business hours (businessHours)', () => {
  const office = officeHours('Europe/Rome');
  const business = zendesk({ closeAfter: 'PT16H', businessHours: office });
  // Monday 5 January 2026, 10:00 in Rome (09:00 UTC): solved by Ana on an unassigned ticket.
  const solvedInOffice = run(business, [{ type: 'resolve', by: 'agent', at: T0, actorId: 'ana' }]).ticket;

  it('counts the auto-close in open hours: 16 business hours after Monday 10:00 is Wednesday 10:00 Rome time', () => {
    expectClosesAt(business, solvedInOffice, Date.UTC(2026, 0, 7, 9), 'solved-timeout');
  });

  it('a day is one business day of open time: P2D from Friday 16:00 is Tuesday 16:00', () => {
    const days = zendesk({ closeAfter: 'P2D', businessHours: office });
    const friday = Date.UTC(2026, 0, 9, 15);
    const t = run(days, [{ type: 'resolve', by: 'agent', at: friday, actorId: 'ana' }]).ticket;
    expect(nextDeadline(days, t)).toBe(Date.UTC(2026, 0, 13, 15));
  });

  it('still closes 28 calendar days after solving when business hours stretch the automation further', () => {
    const long = zendesk({ closeAfter: 'P28D', businessHours: office });
    const t = run(long, [{ type: 'resolve', by: 'agent', at: T0, actorId: 'ana' }]).ticket;
    expect(nextDeadline(long, t)).toBe(T0 + 28 * DAY);
  });

  it('refuses a businessHours that is not an object, and reports a bad calendar by its path', () => {
    expectInvalidOption(() => zendesk({ businessHours: 'office' as never }), 'businessHours');
    expect(() => zendesk({ businessHours: { ...office, timeZone: 'Mars/Olympus' } })).toThrow(/calendars\.automations/);
  });
});

describe(`zendesk: "Pending notification 24 hours" and "Pending notification 5 days" (${AUTOMATIONS})`, () => {
  const notifying = zendesk({ pendingNotifications: ['PT24H', 'P5D'] });
  const PENDING_AT = T0 + 2 * HOUR;
  const start = (w: typeof wf) =>
    run(
      w,
      [
        { type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' },
        { type: 'setStatus', by: 'agent', at: PENDING_AT, to: 'pending' },
      ],
      { at: T0 },
    ).ticket;

  it('sends none by default: the standard automations are inactive', () => {
    expect(effectsOf(run(wf, [{ type: 'tick', at: PENDING_AT + 30 * DAY }], start(wf)).effects, 'reminderDue')).toEqual(
      [],
    );
  });

  it('when active, reminds the requester 24 hours and 5 days after the ticket was set Pending, once each', () => {
    const pending = start(notifying);
    expect(nextDeadline(notifying, pending)).toBe(PENDING_AT + DAY);
    const { ticket, effects } = run(notifying, [{ type: 'tick', at: PENDING_AT + 30 * DAY }], pending);
    expect(ticket.status).toBe('pending');
    expect(effectsOf(effects, 'reminderDue').map((e) => e.dueAt)).toEqual([PENDING_AT + DAY, PENDING_AT + 5 * DAY]);
  });

  it('counts again from a new stay in Pending, and stops when the requester answers', () => {
    const pending = start(notifying);
    const answered = run(notifying, [{ type: 'reply', by: 'customer', at: PENDING_AT + HOUR }], pending).ticket;
    expect(answered.status).toBe('open');
    expect(nextDeadline(notifying, answered)).toBeNull();
    const again = run(
      notifying,
      [{ type: 'setStatus', by: 'agent', at: PENDING_AT + 2 * DAY, to: 'pending' }],
      answered,
    );
    expect(nextDeadline(notifying, again.ticket)).toBe(PENDING_AT + 3 * DAY);
  });

  it('counts in business hours with businessHours ("Hours since pending" in business hours)', () => {
    const office = zendesk({ pendingNotifications: ['PT8H'], businessHours: officeHours('UTC') });
    // Set Pending Monday 11:00 UTC: eight open hours later is Tuesday 11:00.
    expect(nextDeadline(office, start(office))).toBe(PENDING_AT + DAY);
  });

  it.each([{ pendingNotifications: 'PT24H' }, { pendingNotifications: ['soon'] }])(
    'throws WorkflowError invalidOption for %o',
    (options) => {
      const path = Array.isArray(options.pendingNotifications) ? 'pendingNotifications[0]' : 'pendingNotifications';
      expectInvalidOption(() => zendesk(options as never), path);
    },
  );
});
