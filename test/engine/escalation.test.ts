// The seed's escalation ladder (/work/shared/seeds/000_cfbeed6d813bce20.txt, line 98: "a response interval is set
// considering the urgency … a reminder is sent to the responsible party; if still unanswered, it is escalated or
// reassigned; if that fails, the ticket is closed with a clear explanation"), in business hours (issue 13).
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, nextDeadline, transition, type Effect } from 'ticket-lifecycle';

const day = [['09:00', '18:00']] as const;
const ladder = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  priorities: ['normal', 'urgent'],
  groups: ['tier-1', 'tier-2'],
  calendars: { office: { timeZone: 'Europe/Rome', week: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
  replies: [{ by: 'agent', to: 'waiting' }],
  timers: [
    // The response interval depends on the urgency.
    {
      id: 'remind-agent',
      in: 'open',
      calendar: 'office',
      after: 'PT4H',
      action: 'remind',
      when: { priority: 'normal' },
    },
    {
      id: 'remind-urgent',
      in: 'open',
      calendar: 'office',
      after: 'PT1H',
      action: 'remind',
      when: { priority: 'urgent' },
    },
    {
      id: 'escalate',
      in: 'open',
      calendar: 'office',
      after: 'PT8H',
      action: 'remind',
      when: { group: 'tier-1' },
      set: { group: 'tier-2', priority: 'urgent', assignee: null },
    },
    {
      id: 'close-unanswered',
      in: 'open',
      calendar: 'office',
      after: 'P2D',
      action: 'move',
      to: 'closed',
      when: { group: 'tier-2' },
      reason: 'no answer after escalation to tier-2: closed, the requester is told why',
    },
  ],
});

// Friday 2026-01-09 16:00 in Rome (15:00 UTC): two business hours left that day.
const created = Date.UTC(2026, 0, 9, 15);
const rome = (d: number, h: number) => Date.UTC(2026, 0, d, h - 1); // January: UTC+1

describe('the escalation ladder, in business hours', () => {
  const ticket = createTicket(ladder, { at: created, priority: 'normal', group: 'tier-1', assignee: 'ana' });

  it('reminds the agent, escalates to tier-2 (urgent, unassigned), reminds again at once, then closes with a reason', () => {
    const steps: Effect[] = [];
    let t = ticket;
    for (;;) {
      const due = nextDeadline(ladder, t);
      if (due === null) break;
      const r = transition(ladder, t, { type: 'tick', at: due });
      if (!r.ok) throw new Error(r.error.message);
      steps.push(...r.effects);
      t = r.ticket;
    }
    const view = steps.map((e) =>
      e.type === 'reminderDue'
        ? ['reminder', e.timer, e.dueAt]
        : e.type === 'updated'
          ? ['updated', e.timer, e.at, e.changes]
          : e.type === 'timerFired'
            ? ['moved', e.timer, e.dueAt, e.to]
            : [e.type],
    );
    expect(view).toEqual([
      // 2 h on Friday + 2 h on Monday.
      ['reminder', 'remind-agent', rome(12, 11)],
      // 8 business hours: Friday 2 h + Monday 6 h.
      ['reminder', 'escalate', rome(12, 15)],
      [
        'updated',
        'escalate',
        rome(12, 15),
        {
          assignee: { from: 'ana', to: null },
          group: { from: 'tier-1', to: 'tier-2' },
          priority: { from: 'normal', to: 'urgent' },
        },
      ],
      // Urgent now: its 1 h since the customer wrote passed long ago, so it fires at the time of the change.
      ['reminder', 'remind-urgent', rome(12, 15)],
      ['statusChanged'],
      // Two business days (2 × 9 h) after the customer wrote: Friday 2 h, Monday 9 h, Tuesday 7 h.
      ['moved', 'close-unanswered', rome(13, 16), 'closed'],
    ]);
    expect(t).toMatchObject({
      status: 'closed',
      closeReason: 'no answer after escalation to tier-2: closed, the requester is told why',
      closedBy: 'system',
      group: 'tier-2',
      priority: 'urgent',
      assignee: null,
      attributesChangedAt: rome(12, 15),
    });
  });

  it('one late sweep ends where the on-time ones do (the ladder is sweeper-independent)', () => {
    const late = transition(ladder, ticket, { type: 'tick', at: rome(20, 12) });
    expect(late.ok && late.ticket).toMatchObject({ status: 'closed', group: 'tier-2', statusChangedAt: rome(13, 16) });
  });

  it('an answer stops the ladder; an update by an agent re-targets it at the time of the update', () => {
    const answered = transition(ladder, ticket, { type: 'reply', by: 'agent', at: rome(12, 10) });
    expect(answered.ok && nextDeadline(ladder, answered.ticket)).toBe(null);
    const urgent = transition(ladder, ticket, { type: 'update', by: 'agent', at: rome(12, 10), priority: 'urgent' });
    if (!urgent.ok) throw new Error(urgent.error.message);
    // remind-agent no longer applies; remind-urgent's hour passed on Friday: due now, at the update.
    expect(nextDeadline(ladder, urgent.ticket)).toBe(rome(12, 10));
  });

  it('refuses a set naming an undeclared priority or group', () => {
    expect(() =>
      defineWorkflow({
        statuses: [{ id: 'open', category: 'open' }],
        priorities: ['normal'],
        groups: ['tier-1'],
        timers: [
          { id: 'x', in: 'open', after: 'PT1H', action: 'remind', set: { group: 'tier-3', priority: 'hot' as never } },
        ],
      }),
    ).toThrow(/timers\[0\]\.set\.group.*\n.*timers\[0\]\.set\.priority/);
  });
});
