// Escalation reminders (`set`) in a catch-up: the ticket ends where an on-time scheduler leaves it, whatever
// moments the host sweeps at (the design page's sweeper independence, /work/shared/design/api.md "Timers").
// Found by the law `ticksCompose` on random policies (CI, round 4): repetitions of a reminder folded past another
// reminder's change, and were then fired after it at their old, earlier times.
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, transition, WorkflowError, type Effect, type Ticket } from 'ticket-lifecycle';

const HOUR = 3_600_000;
const at0 = Date.UTC(2026, 0, 5, 9);

const policy = (extra: object = {}) =>
  defineWorkflow({
    statuses: [
      { id: 'open', category: 'open' },
      { id: 'closed', category: 'closed' },
    ],
    priorities: ['normal', 'urgent'],
    groups: ['tier-1', 'tier-2'],
    timers: [
      // Keeps the ticket with tier-1 every hour: a no-op while it is there, a change once it left.
      { id: 'keep-tier-1', in: 'open', after: 'PT1H', repeatEvery: 'PT1H', action: 'remind', set: { group: 'tier-1' } },
      // Once, after 5 hours: off to tier-2.
      { id: 'escalate', in: 'open', after: 'PT5H', action: 'remind', set: { group: 'tier-2' } },
      // Counts from the last change of attributes while the ticket is with tier-2.
      { id: 'tier-2-nudge', in: 'open', after: 'PT30M', action: 'remind', when: { group: 'tier-2' } },
    ],
    ...extra,
  });

type PolicyTicket = Ticket<'open' | 'closed', 'normal' | 'urgent'>;
const tick = (wf: ReturnType<typeof policy>, t: PolicyTicket, at: number) => {
  const r = transition(wf, t, { type: 'tick', at });
  if (!r.ok) throw new Error(r.error.message);
  return r;
};
const withoutVersion = ({ version: _v, ...rest }: Ticket) => rest;
const changes = (effects: readonly Effect[]) =>
  effects.flatMap((e) => (e.type === 'updated' ? [[e.timer, (e.at - at0) / HOUR, e.changes.group?.to]] : []));

describe('escalation reminders in a catch-up', () => {
  const wf = policy();
  const ticket = createTicket(wf, { at: at0, group: 'tier-1' });

  it('applies every change at its own time, in time order, in one sweep', () => {
    const r = tick(wf, ticket, at0 + 10 * HOUR);
    expect(changes(r.effects)).toEqual([
      ['escalate', 5, 'tier-2'],
      ['keep-tier-1', 6, 'tier-1'],
    ]);
    expect(r.ticket.attributesChangedAt).toBe(at0 + 6 * HOUR);
    expect(r.ticket.group).toBe('tier-1');
    // The nudge applies from the change to tier-2 (its floor) and came before the ticket went back: at 5 h.
    const nudges = r.effects.filter((e) => e.type === 'reminderDue' && e.timer === 'tier-2-nudge');
    expect(nudges.map((e) => e.type === 'reminderDue' && (e.dueAt - at0) / HOUR)).toEqual([5]);
  });

  it('never moves a ticket back in time', () => {
    let t = ticket;
    for (let h = 1; h <= 12; h++) {
      const next = tick(wf, t, at0 + h * HOUR).ticket;
      expect(next.updatedAt).toBeGreaterThanOrEqual(t.updatedAt);
      expect(next.attributesChangedAt ?? 0).toBeGreaterThanOrEqual(t.attributesChangedAt ?? 0);
      t = next;
    }
  });

  it('ends in the same ticket whatever moments the host sweeps at', () => {
    const once = tick(wf, ticket, at0 + 30 * HOUR).ticket;
    for (const split of [1, 4.5, 5, 5.5, 6, 7, 29]) {
      const first = tick(wf, ticket, at0 + split * HOUR).ticket;
      expect(withoutVersion(tick(wf, first, at0 + 30 * HOUR).ticket)).toEqual(withoutVersion(once));
    }
  });

  it('applies a change at the same instant as another repetition in declaration order', () => {
    // Both due at 5 h: keep-tier-1 (declared first) is a no-op, then escalate moves to tier-2 (and the nudge for
    // tier-2 follows at once); keep-tier-1 takes it back at its next repetition, 6 h.
    const r = tick(wf, ticket, at0 + 5 * HOUR);
    expect(changes(r.effects)).toEqual([['escalate', 5, 'tier-2']]);
    expect(r.ticket.timersFired).toEqual({ 'keep-tier-1': 5, escalate: 1, 'tier-2-nudge': 1 });
  });

  it('re-selects the SLA policy at the instant a reminder changes the priority', () => {
    const sla = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      priorities: ['normal', 'urgent'],
      timers: [{ id: 'escalate', in: 'open', after: 'PT2H', action: 'remind', set: { priority: 'urgent' } }],
      sla: [
        { id: 'urgent', when: { priority: 'urgent' }, targets: { resolution: 'PT4H' } },
        { id: 'normal', targets: { resolution: 'P1D' } },
      ],
    });
    const t = createTicket(sla, { at: at0, priority: 'normal' });
    const r = transition(sla, t, { type: 'tick', at: at0 + 3 * HOUR });
    expect(r.ok && r.effects.find((e) => e.type === 'slaPolicyChanged')).toMatchObject({ at: at0 + 2 * HOUR });
    // Resolution counted from creation under the urgent target: breached at 4 h, whatever the sweeps.
    const once = transition(sla, t, { type: 'tick', at: at0 + 5 * HOUR });
    const split = transition(sla, r.ticket, { type: 'tick', at: at0 + 5 * HOUR });
    expect(once.ok && once.effects.find((e) => e.type === 'slaBreached')).toMatchObject({ at: at0 + 4 * HOUR });
    expect(withoutVersion(split.ticket)).toEqual(withoutVersion(once.ticket));
  });
});

describe('repeating reminders that undo each other', () => {
  it('are refused when the policy is read, naming both', () => {
    const read = () =>
      policy({
        timers: [
          { id: 'low', in: 'open', after: 'PT1H', repeatEvery: 'P3D', action: 'remind', set: { priority: 'normal' } },
          { id: 'high', in: 'open', after: 'P7D', repeatEvery: 'P3D', action: 'remind', set: { priority: 'urgent' } },
        ],
      });
    expect(read).toThrow(WorkflowError);
    try {
      read();
    } catch (error) {
      expect((error as WorkflowError).issues).toEqual([
        expect.objectContaining({
          path: 'timers[1].set',
          code: 'conflictingSet',
          message: expect.stringContaining('"low" and "high"'),
        }),
      ]);
    }
  });

  it('are accepted when one of them fires once, or when they set the same value', () => {
    expect(() =>
      policy({
        timers: [
          { id: 'a', in: 'open', after: 'PT1H', repeatEvery: 'PT1H', action: 'remind', set: { priority: 'urgent' } },
          { id: 'b', in: 'open', after: 'PT2H', repeatEvery: 'PT1H', action: 'remind', set: { priority: 'urgent' } },
          { id: 'c', in: 'open', after: 'PT3H', action: 'remind', set: { priority: 'normal' } },
        ],
      }),
    ).not.toThrow();
  });
});
