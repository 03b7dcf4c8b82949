// A calendar timer's reminders count on its clock, as `after` does: a reminder after two business days of a
// three-business-day auto-solve is sound (test/verification/sound.ts "business-hours-auto-solve"), one after four
// is late.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, lintWorkflow } from 'ticket-lifecycle';

const policy = (reminder: string) =>
  defineWorkflow({
    statuses: [
      { id: 'open', category: 'open' },
      { id: 'waiting', category: 'pending' },
      { id: 'solved', category: 'solved' },
    ],
    calendars: {
      support: { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } },
    },
    timers: [
      {
        id: 'autoSolve',
        in: 'waiting',
        after: 'P3D',
        action: 'move',
        to: 'solved',
        reminders: [reminder],
        calendar: 'support',
      },
    ],
  });

const late = (reminder: string) => lintWorkflow(policy(reminder)).filter((f) => f.code === 'reminderAfterMove');

describe('reminderAfterMove on calendar timers', () => {
  it('is quiet for a reminder before the move on the business clock', () => {
    expect(late('P2D')).toEqual([]);
    expect(late('PT20H')).toEqual([]); // 20 open hours < 3 business days of 8 h
  });

  it('reports a reminder at or after the move on the business clock', () => {
    expect(late('P4D').map((f) => f.path)).toEqual(['timers[0].reminders[0]']);
    expect(late('PT24H').map((f) => f.path)).toEqual(['timers[0].reminders[0]']); // 24 open hours = 3 business days
  });
});
