// Issue 9, item 9: every time the engine computes is an integer inside the Date range (±8.64e15), and `nextDeadline`
// never names a time that `tick` or `evaluateAutoClose` would refuse. A timer whose due time would fall after the
// range is never due (no event can come that late).
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  nextDeadline,
  slaStatus,
  transition,
  type Effect,
  type Ticket,
  type Workflow,
} from 'ticket-lifecycle';

const MAX = 8.64e15;
const wf: Workflow = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'closed', category: 'closed' },
  ],
  timers: [
    { id: 'nudge', in: 'open', after: 'PT1M', action: 'remind', repeatEvery: 'PT1M' },
    { id: 'every-ms', in: 'open', after: 1, action: 'remind', repeatEvery: 1 },
  ],
});
/** A move whose reminder can come due in range although the move itself never can. */
const closing = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'closed', category: 'closed' },
  ],
  timers: [{ id: 'close', in: 'open', after: 'P1D', action: 'move', to: 'closed', reminders: ['PT1S'] }],
});

const dueTimes = (effects: readonly Effect[]): number[] => effects.flatMap((e) => ('dueAt' in e ? [e.dueAt] : []));

describe('times stay integers inside the Date range', () => {
  it('a per-minute reminder on a ticket born at −8.64e15 + 1, ticked at +8.64e15, fires once at an exact in-range time', () => {
    const start = createTicket(wf, { at: -MAX + 1 });
    const r = transition(wf, start, { type: 'tick', at: MAX });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const at of dueTimes(r.effects)) {
      expect(Number.isSafeInteger(at)).toBe(true);
      expect(Math.abs(at)).toBeLessThanOrEqual(MAX);
    }
    const nudge = r.effects.find((e) => e.type === 'reminderDue' && e.timer === 'nudge');
    // The last whole minute after the first reminder, computed exactly: (MAX − (−MAX + 1 + 60,000)) mod 60,000 = 59,999.
    expect(nudge && 'dueAt' in nudge && nudge.dueAt).toBe(MAX - 59_999);
    expect(r.ticket.updatedAt).toBeLessThanOrEqual(MAX);
    // Not bricked: the ticket still takes events, and its deadline is a time the engine accepts.
    expect(transition(wf, r.ticket, { type: 'note', by: 'agent', at: MAX }).ok).toBe(true);
    const deadline = nextDeadline(wf, r.ticket);
    expect(deadline === null || (Number.isSafeInteger(deadline) && deadline <= MAX)).toBe(true);
  });

  it('a deadline past the end of the range is never due: nextDeadline is null and nothing is ever due', () => {
    const late = createTicket(closing, { at: MAX - 2000 });
    const lone = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      timers: [{ id: 'close', in: 'open', after: 'P1D', action: 'move', to: 'closed' }],
    });
    const t = createTicket(lone, { at: MAX - 1000 });
    expect(nextDeadline(lone, t)).toBeNull();
    expect(evaluateAutoClose(lone, t, MAX)).toMatchObject({ due: [], close: false, nextCheckAt: null });
    const tick = transition(lone, t, { type: 'tick', at: MAX });
    expect(tick.ok && tick.changed).toBe(false);
    // The reminder of a move due in range fires even though its move never will.
    const deadline = nextDeadline(closing, late);
    expect(deadline).toBe(MAX - 1000);
    expect(evaluateAutoClose(closing, late, deadline!).due).toMatchObject([
      { timer: 'close', kind: 'reminder', dueAt: MAX - 1000 },
    ]);
    const after = transition(closing, late, { type: 'tick', at: MAX });
    expect(after.ok && nextDeadline(closing, after.ticket)).toBeNull();
  });

  it('a repeat count of 2^53 − 1 ends the repetitions instead of leaving the safe range', () => {
    const worn: Ticket = { ...createTicket(wf, { at: 0 }), timersFired: { 'every-ms': Number.MAX_SAFE_INTEGER } };
    const r = transition(wf, worn, { type: 'tick', at: 10 });
    expect(r.ok && r.effects.filter((e) => e.type === 'reminderDue' && e.timer === 'every-ms')).toEqual([]);
  });

  // fuzz14 seed 3052 (timesInRange, a random policy with a sparse-calendar SLA, start near +8.64e15): a warning came
  // due in range for a target due after the end of it, and announced that target's time: 2^53 - 1 with a calendar
  // (its "never" value), or a plain time past 8.64e15 without. slaStatus showed the same `dueAt`.
  it.each([
    ['in plain time', undefined],
    ['on a calendar', 'week'],
  ])('an SLA target due past the end of the range is never due, nor is its warning (%s)', (_name, calendar) => {
    const desk = defineWorkflow({
      statuses: [{ id: 'open', category: 'open' }],
      calendars: { week: { timeZone: 'Europe/Rome', week: { mon: [['09:00', '17:00']] } } },
      sla: [{ id: 'sla', targets: { firstReply: 'P30D' }, warnBefore: 'P29D', ...(calendar && { calendar }) }],
    });
    const t = createTicket(desk, { at: MAX - 2 * 86_400_000, by: 'customer' });
    expect(nextDeadline(desk, t)).toBeNull();
    const tick = transition(desk, t, { type: 'tick', at: MAX });
    expect(tick.ok && tick.effects).toEqual([]);
    const status = slaStatus(desk, t, MAX);
    expect(status.ok && status.metrics.map((m) => [m.metric, m.state, m.dueAt])).toEqual([
      ['firstReply', 'running', null],
    ]);
  });

  it('nor is the warning of such a target announced when a change of SLA policy makes it due at once', () => {
    const desk = defineWorkflow({
      statuses: [{ id: 'open', category: 'open' }],
      priorities: ['normal', 'urgent'],
      sla: [{ id: 'urgent', when: { priority: 'urgent' }, targets: { firstReply: 'P30D' }, warnBefore: 'P29D' }],
    });
    const start = MAX - 2 * 86_400_000;
    const t = createTicket(desk, { at: start, by: 'customer' });
    const urgent = transition(desk, t, { type: 'update', by: 'agent', at: start + 129_600_000, priority: 'urgent' });
    expect(urgent.ok && urgent.effects.map((e) => e.type)).toEqual(['updated', 'slaPolicyChanged']);
    expect(urgent.ok && nextDeadline(desk, urgent.ticket)).toBeNull();
  });
});
