// Issue 9, item 7: every field of a stored ticket is checked (types, ranges, enums, time order); a hand-edited ticket
// is refused with `invalidTicket` and the path of the field, a status the policy lacks with `unknownStatus`.
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  MAX_CHANNEL_LENGTH,
  nextDeadline,
  transition,
  type Ticket,
  type Workflow,
} from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';

const wf: Workflow = zendesk();
const DAY = 86_400_000;
const solved: Ticket = (() => {
  let t = createTicket(wf, { at: 0 });
  for (const e of [
    { type: 'assign', by: 'agent', at: 1, assignee: 'ana' },
    { type: 'resolve', by: 'agent', at: 2 },
  ] as const)
    t = transition(wf, t, e).ticket;
  return t;
})();

const refusal = (ticket: unknown) => {
  const r = transition(wf, ticket as Ticket, { type: 'tick', at: 4 * DAY + 2 });
  return r.ok ? null : r.error;
};

describe('stored tickets are checked field by field', () => {
  it('the issue’s hand-edited solved ticket is refused instead of going back in time', () => {
    const edited = { ...solved, updatedAt: 8.64e15, closedBy: 'hacker', channel: { any: 'thing' }, reopenCount: -5 };
    expect(refusal(edited)).toMatchObject({ code: 'invalidTicket' });
    expect(evaluateAutoClose(wf, edited as never, 4 * DAY + 2).due).toEqual([]);
    expect(nextDeadline(wf, edited as never)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['version', 0],
    ['version', 1.5],
    ['createdAt', '0'],
    ['updatedAt', -1],
    ['statusChangedAt', 3],
    ['statusChangedAt', -1],
    ['assignee', ''],
    ['assignee', 7],
    ['channel', { any: 'thing' }],
    ['channel', 'x'.repeat(MAX_CHANNEL_LENGTH + 1)],
    ['channel', ''],
    ['lastCustomerMessageAt', 3],
    ['lastAgentMessageAt', -1],
    ['lastActivityAt', 3],
    ['awaiting', 'nobody'],
    ['reopenCount', -5],
    ['reopenCount', 0.5],
    ['closedAt', 8.64e15],
    ['closedBy', 'hacker'],
    ['closeReason', 'spam'],
    ['resolvedAt', 8.64e15],
    ['until', Number.NaN],
    ['timersFired', []],
    ['timersFired', { 'auto-close': -1 }],
  ])('%s = %j → invalidTicket naming the field', (field, value) => {
    expect(refusal({ ...solved, [field]: value })).toMatchObject({ code: 'invalidTicket', path: `ticket.${field}` });
  });

  it('a status the policy lacks gets unknownStatus naming it, in status or snoozedFrom', () => {
    expect(refusal({ ...solved, status: 'archived' })).toMatchObject({ code: 'unknownStatus', path: 'ticket.status' });
    expect(refusal({ ...solved, status: 'archived' })?.message).toContain('"archived"');
    expect(refusal({ ...solved, snoozedFrom: 'archived' })).toMatchObject({
      code: 'unknownStatus',
      path: 'ticket.snoozedFrom',
    });
  });

  it('createTicket refuses a channel that is not a short string', () => {
    expect(() => createTicket(wf, { at: 0, channel: { any: 'thing' } as never })).toThrow(RangeError);
    expect(() => createTicket(wf, { at: 0, channel: 'x'.repeat(MAX_CHANNEL_LENGTH + 1) })).toThrow(/channel/);
    expect(createTicket(wf, { at: 0, channel: 'x'.repeat(MAX_CHANNEL_LENGTH) }).channel).toHaveLength(
      MAX_CHANNEL_LENGTH,
    );
  });

  it('stale timer counts of another status are dropped, not trusted', () => {
    const r = transition(wf, { ...solved, timersFired: { __proto__: 3, other: 2 } } as never, {
      type: 'tick',
      at: 4 * DAY + 2,
    });
    expect(r.ok && r.ticket.status).toBe('closed');
  });

  it("keeps the counts of the status's own timers and drops every other key, with few timers and with many", () => {
    // Up to 8 timers their ids are scanned, beyond that they are a set: both keep exactly the status's own counts.
    for (const count of [3, 12]) {
      const many = defineWorkflow({
        statuses: [
          { id: 'open', category: 'open' },
          { id: 'closed', category: 'closed' },
        ],
        timers: Array.from({ length: count }, (_, i) => ({
          id: `r${i}`,
          in: 'open' as const,
          after: 'P30D',
          action: 'remind' as const,
        })),
      });
      const start = createTicket(many, { at: 0 });
      const edited = { ...start, timersFired: { r0: 1, [`r${count - 1}`]: 2, gone: 4, toString: 5 } };
      const r = transition(many, edited, { type: 'note', by: 'agent', at: 10 });
      expect(r.ok && r.ticket.timersFired).toEqual({ r0: 1, [`r${count - 1}`]: 2 });
      expect(transition(many, { ...edited, timersFired: { r1: -1 } }, { type: 'note', by: 'agent', at: 10 }).ok).toBe(
        false,
      );
    }
  });
});
