// Fuzz for the stored-ticket and time-range classes (issue 9, items 7–9): a reachable ticket with one field edited
// to junk is refused with the path of that field; tickets near the ends of the Date range, ticked anywhere up to
// them, only ever get integer times inside the range, and `nextDeadline` is always a time `tick` accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  evaluateAutoClose,
  nextDeadline,
  slaStatus,
  transition,
  type Effect,
  type Ticket,
  type Workflow,
} from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { freshdesk, liveAgent, zammad, zendesk } from 'ticket-lifecycle/presets';
import { arbitraryEvents, arbitraryTicket } from 'ticket-lifecycle/testing';

const MAX = 8.64e15;
const numRuns = process.env.CI ? 500 : 100;
const presetWorkflows: [string, Workflow][] = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()]);
/** Presets with SLA clocks: `slaStatus` reads their tickets its own way (test/reliability/stored-tickets-are-checked). */
const withSla: [string, Workflow][] = [
  ['zendesk with SLA', zendesk({ sla: { targets: { firstReply: 'PT1H', nextReply: 'PT4H', resolution: 'P2D' } } })],
  ['freshdesk with SLA', freshdesk({ sla: { targets: { firstReply: 'PT1H', resolution: 'PT4H' } } })],
  ['zammad with SLA', zammad({ sla: { targets: { firstReply: 'PT2H', nextReply: 'PT4H', resolution: 'P1D' } } })],
  ['liveAgent with SLA', liveAgent({ sla: { targets: { firstReply: 'PT1H', nextReply: 'PT2H' } } })],
];

/** Junk that no field of a ticket accepts. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(Infinity),
  fc.constant(MAX + 1),
  fc.constant(2 ** 53),
  fc.constant(-1e300),
  fc.constant(0.5),
  fc.constant({}),
  fc.constant([]),
  fc.constant(true),
  fc.constant('x'.repeat(65)),
);
const FIELDS = [
  'version',
  'createdAt',
  'updatedAt',
  'statusChangedAt',
  'assignee',
  'channel',
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
] as const;

const isTime = (t: unknown): boolean => Number.isSafeInteger(t) && Math.abs(t as number) <= MAX;
const times = (ticket: Ticket, effects: readonly Effect[]): unknown[] => [
  ticket.createdAt,
  ticket.updatedAt,
  ticket.statusChangedAt,
  ticket.lastActivityAt,
  ...[ticket.lastCustomerMessageAt, ticket.lastAgentMessageAt, ticket.closedAt, ticket.resolvedAt, ticket.until].filter(
    (t) => t !== null,
  ),
  ...effects.flatMap((e) => ('dueAt' in e ? [e.dueAt] : 'at' in e ? [e.at] : [])),
];

describe.each([...presetWorkflows, ...withSla])('%s', (_name, wf) => {
  it('a reachable ticket with one field edited to junk is refused, naming that field', () => {
    fc.assert(
      fc.property(arbitraryTicket(wf), fc.constantFrom(...FIELDS), junk, (ticket, field, value) => {
        // Values that are junk for most fields but fine for this one: {} as a timer record, a large count, a long
        // assignee or close reason (only a channel is short).
        if (field === 'timersFired' && typeof value === 'object' && !Array.isArray(value)) return;
        if ((field === 'version' || field === 'reopenCount') && value === MAX + 1) return;
        if (typeof value === 'string' && field !== 'channel') return;
        const edited = { ...ticket, [field]: value };
        const r = transition(wf, edited, { type: 'tick', at: ticket.updatedAt });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.path).toBe(`ticket.${field}`);
        expect(r.ticket).toBe(edited);
        // A read-only query checks the ticket as `transition` does, in a status with timers or without.
        const status = slaStatus(wf, edited, ticket.updatedAt);
        expect(status.ok === false && status.error).toEqual(!r.ok && r.error);
      }),
      { numRuns },
    );
  }, 60_000);

  it('near the ends of the Date range, every time stays an integer in range and every deadline is one tick accepts', () => {
    const edge = fc.oneof(
      fc.constant(-MAX),
      fc.integer({ min: -MAX, max: -MAX + 1e12 }),
      fc.integer({ min: MAX - 1e12, max: MAX - 1e10 }),
    );
    fc.assert(
      fc.property(edge, fc.integer({ min: 0, max: 1e10 }), (start, later) => {
        const born = createTicket(wf, { at: start, by: 'customer' });
        return fc.assert(
          fc.property(arbitraryEvents(wf, { start, maxLength: 8 }), (events) => {
            let ticket = born;
            for (const event of [
              ...events,
              { type: 'tick' as const, at: Math.min(MAX, start + later) },
              { type: 'tick' as const, at: MAX },
            ]) {
              const r = transition(wf, ticket, event);
              if (!r.ok) continue;
              for (const t of times(r.ticket, r.effects))
                expect(isTime(t), `${String(t)} after ${event.type}`).toBe(true);
              ticket = r.ticket;
              const deadline = nextDeadline(wf, ticket);
              if (deadline !== null) {
                expect(isTime(deadline)).toBe(true);
                expect(evaluateAutoClose(wf, ticket, deadline).due.length).toBeGreaterThan(0);
                expect(transition(wf, ticket, { type: 'tick', at: deadline }).ok).toBe(true);
              }
            }
          }),
          { numRuns: 3 },
        );
      }),
      { numRuns: Math.ceil(numRuns / 5) },
    );
  }, 60_000);
});
