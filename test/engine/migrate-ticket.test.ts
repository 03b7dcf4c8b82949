// A policy change must not break stored tickets: migrateTicket maps them across, or refuses with a code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  migrateTicket,
  nextDeadline,
  nextDeadlineResult,
  transition,
  type Ticket,
  type TicketEvent,
  type Workflow,
  type WorkflowConfig,
} from 'ticket-lifecycle';
import { ARBITRARY_GUARDS, arbitraryTicket, arbitraryWorkflow } from 'ticket-lifecycle/testing';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

const v1Config = {
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'hold', category: 'onHold' },
    { id: 'waiting', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', from: 'open', to: 'waiting' },
    { by: 'customer', from: ['waiting', 'hold'], to: 'open' },
  ],
  timers: [{ id: 'nudge', in: 'waiting', after: 'P2D', action: 'move', to: 'closed', reminders: ['P1D'] }],
} as const satisfies WorkflowConfig<string>;
const v1 = defineWorkflow(v1Config);
// v2 renames hold → vendor and the timer nudge → auto-close, and closes after 3 days instead of 2.
const v2 = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'vendor', category: 'onHold' },
    { id: 'waiting', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', from: 'open', to: 'waiting' },
    { by: 'customer', from: ['waiting', 'vendor'], to: 'open' },
  ],
  timers: [{ id: 'auto-close', in: 'waiting', after: 'P3D', action: 'move', to: 'closed', reminders: ['P1D'] }],
});

function run(wf: Workflow, start: Ticket, events: TicketEvent[]): { ticket: Ticket; effects: string[] } {
  const effects: string[] = [];
  let ticket = start;
  for (const event of events) {
    const r = transition(wf, ticket, event);
    if (!r.ok) throw new Error(r.error.code);
    ticket = r.ticket;
    effects.push(...r.effects.map((e) => e.type));
  }
  return { ticket, effects };
}

/** A v1 ticket waiting on the customer whose first reminder was already sent. */
const reminded = run(v1, createTicket(v1, { at: T0 }), [
  { type: 'reply', by: 'agent', at: T0 + 1 },
  { type: 'tick', at: T0 + 1 + DAY },
]);

describe('migrateTicket', () => {
  it('carries the fired reminder over to the renamed timer, so it is not sent twice, and recomputes the deadline', () => {
    expect(reminded.effects).toContain('reminderDue');
    const r = migrateTicket(v1, v2, reminded.ticket, { timers: { nudge: 'auto-close' } });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.changed).toBe(true);
    expect(r.ticket.version).toBe(reminded.ticket.version + 1);
    expect(r.ticket.timersFired).toEqual({ 'auto-close': 1 });
    expect(r.nextDeadline).toBe(T0 + 1 + 3 * DAY); // v2's duration, not v1's
    expect(r.nextDeadline).toBe(nextDeadline(v2, r.ticket));
    const after = run(v2, r.ticket, [{ type: 'tick', at: T0 + 1 + 3 * DAY }]);
    expect(after.effects).not.toContain('reminderDue');
    expect(after.ticket.status).toBe('closed');
  });

  it('refuses a fired timer the new policy lacks unless the mapping says where it went, or null to forget it', () => {
    const r = migrateTicket(v1, v2, reminded.ticket);
    expect(r.ok || r.error).toMatchObject({ code: 'unmappedTimer', path: 'timersFired.nudge' });
    const forgotten = migrateTicket(v1, v2, reminded.ticket, { timers: { nudge: null } });
    expect(forgotten.ok && forgotten.ticket.timersFired).toEqual({});
  });

  it('maps a renamed status and refuses one the new policy lacks', () => {
    const onHold = run(v1, createTicket(v1, { at: T0 }), [
      { type: 'setStatus', by: 'agent', at: T0 + 1, to: 'hold' },
    ]).ticket;
    expect(migrateTicket(v1, v2, onHold)).toMatchObject({
      ok: false,
      error: { code: 'unmappedStatus', path: 'status' },
    });
    const r = migrateTicket(v1, v2, onHold, { statuses: { hold: 'vendor' } });
    expect(r.ok && r.ticket.status).toBe('vendor');
    expect(r.ok && r.ticket.statusChangedAt).toBe(onHold.statusChangedAt);
  });

  it('refuses a mapping that names what neither policy has, and a ticket that is not of the old policy', () => {
    const t = createTicket(v1, { at: T0 });
    expect(migrateTicket(v1, v2, t, { statuses: { hold: 'nowhere' } })).toMatchObject({
      ok: false,
      error: { code: 'invalidMapping', path: 'statuses.hold' },
    });
    expect(migrateTicket(v1, v2, t, { statuses: { ghost: 'open' } })).toMatchObject({
      ok: false,
      error: { code: 'invalidMapping' },
    });
    expect(migrateTicket(v1, v2, t, { timers: { nudge: 'ghost' } })).toMatchObject({
      ok: false,
      error: { code: 'invalidMapping', path: 'timers.nudge' },
    });
    expect(migrateTicket(v1, v2, { ...t, status: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'unknownStatus' },
    });
    expect(migrateTicket(v1, v2, { ...t, version: -1 })).toMatchObject({ ok: false, error: { code: 'invalidTicket' } });
    expect(migrateTicket(v1, v2, null as never)).toMatchObject({ ok: false, error: { code: 'invalidTicket' } });
    const hostile = {
      get statuses(): never {
        throw new Error('boom');
      },
    };
    expect(migrateTicket(v1, v2, t, hostile)).toMatchObject({ ok: false, error: { code: 'invalidMapping' } });
  });

  it('never mutates its inputs', () => {
    const frozen = structuredClone(reminded.ticket);
    Object.freeze(frozen.timersFired);
    Object.freeze(frozen);
    const r = migrateTicket(v1, v2, frozen, { timers: { nudge: 'auto-close' } });
    expect(r.ok).toBe(true);
    expect(frozen).toEqual(reminded.ticket);
  });

  it('property: migrating with an identity mapping changes nothing', () => {
    const cases = arbitraryWorkflow().chain((wf) => arbitraryTicket(wf).map((ticket) => ({ wf, ticket })));
    fc.assert(
      fc.property(cases, ({ wf, ticket }) => {
        const identity = Object.fromEntries(wf.statuses.map((s) => [s.id, s.id]));
        for (const mapping of [{}, { statuses: identity }]) {
          const r = migrateTicket(wf, wf, ticket, mapping);
          expect(r.ok && r.ticket).toBe(ticket);
          expect(r.ok && r.changed).toBe(false);
          expect(r.ok && r.nextDeadline).toBe(nextDeadline(wf, ticket));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property: a policy with every status renamed, migrated with that mapping, gives the same future', () => {
    const cases = arbitraryWorkflow().chain((wf) => arbitraryTicket(wf).map((ticket) => ({ wf, ticket })));
    fc.assert(
      fc.property(cases, ({ wf, ticket }) => {
        const rename = (id: string): string => `v2_${id}`;
        const renamed = defineWorkflow(renameStatuses(wf.config, rename), { guards: ARBITRARY_GUARDS });
        const statuses = Object.fromEntries(wf.statuses.map((s) => [s.id, rename(s.id)]));
        const r = migrateTicket(wf, renamed, ticket, { statuses });
        if (!r.ok) throw new Error(r.error.message);
        expect(r.ticket.status).toBe(rename(ticket.status));
        expect(r.nextDeadline).toBe(nextDeadline(wf, ticket));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a stored ticket in a status the policy no longer has', () => {
  const stored = run(v1, createTicket(v1, { at: T0 }), [
    { type: 'setStatus', by: 'agent', at: T0 + 1, to: 'hold' },
  ]).ticket;

  it('is refused by transition with unknownStatus', () => {
    const r = transition(v2, stored as never, { type: 'tick', at: T0 + 2 });
    expect(r.ok || r.error.code).toBe('unknownStatus');
  });

  it('makes nextDeadlineResult say so instead of a silent null', () => {
    expect(nextDeadline(v2, stored as never)).toBeNull();
    expect(nextDeadlineResult(v2, stored)).toMatchObject({
      ok: false,
      error: { code: 'unknownStatus', path: 'ticket.status' },
    });
    expect(nextDeadlineResult(v1, { ...stored, reopenCount: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalidTicket', path: 'ticket.reopenCount' },
    });
    expect(nextDeadlineResult(v1, stored)).toEqual({ ok: true, at: null });
    expect(nextDeadlineResult(v1, reminded.ticket)).toEqual({
      ok: true,
      at: nextDeadline(v1 as Workflow, reminded.ticket),
    });
  });
});

/** A policy config with every status id renamed wherever it appears. */
function renameStatuses(config: WorkflowConfig, rename: (id: string) => string): WorkflowConfig {
  const ids = new Set(config.statuses.map((s) => s.id));
  const statusKeys = new Set(['from', 'to', 'in', 'initial', 'reopenTo', 'restorePrevious']);
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key !== null && statusKeys.has(key) && ids.has(value) ? rename(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === 'initialByChannel'
            ? Object.fromEntries(Object.entries(v as object).map(([c, s]) => [c, rename(s as string)]))
            : walk(v, k),
        ]),
      );
    }
    return value;
  };
  const renamed = walk(config, null) as WorkflowConfig;
  return { ...renamed, statuses: renamed.statuses.map((s) => ({ ...s, id: rename(s.id) })) };
}

// fuzz14 (migrateTicket campaign, chatwoot -> liveAgent with a one-hour reminder): a shorter timer under the new
// policy was overdue before the ticket's last update; the first tick stamped it at its due time, so `updatedAt` went
// back below `lastActivityAt`, and every later event was refused with invalidTicket: a ticket bricked by a policy
// change docs/changing-a-live-policy.md calls harmless. Overdue timers act at the last update at the earliest.
describe('timers a new policy makes overdue', () => {
  it('act no earlier than the last update, and the ticket stays valid', () => {
    const H = 3_600_000;
    const statuses = [
      { id: 'open', category: 'open' },
      { id: 'solved', category: 'solved' },
      { id: 'closed', category: 'closed' },
    ] as const;
    const week = defineWorkflow({
      statuses,
      timers: [{ id: 'close', in: 'solved', after: 'P7D', action: 'move', to: 'closed' }],
    });
    const hours = defineWorkflow({
      statuses,
      timers: [
        { id: 'nudge', in: 'solved', after: 'PT1H', action: 'remind', repeatEvery: 'PT30M' },
        { id: 'close', in: 'solved', after: 'PT2H', action: 'move', to: 'closed', reminders: ['PT90M'] },
      ],
    });
    let stored = createTicket(week, { at: T0, by: 'customer' });
    for (const event of [
      { type: 'resolve', by: 'agent', at: T0 + 1 },
      { type: 'note', by: 'agent', at: T0 + 3 * H },
    ] as const)
      stored = transition(week, stored, event).ticket;
    const migrated = migrateTicket(week, hours, stored);
    expect(migrated.ok && migrated.nextDeadline).toBe(T0 + 3 * H);
    expect(nextDeadline(hours, stored)).toBe(T0 + 3 * H);
    const tick = transition(hours, stored, { type: 'tick', at: T0 + 4 * H });
    expect(tick.ok && tick.effects.filter((e) => 'dueAt' in e).map((e) => [e.type, 'dueAt' in e && e.dueAt])).toEqual([
      ['reminderDue', T0 + 3 * H],
      ['reminderDue', T0 + 3 * H],
      ['timerFired', T0 + 3 * H],
    ]);
    expect(tick.ticket).toMatchObject({ status: 'closed', updatedAt: T0 + 3 * H, statusChangedAt: T0 + 3 * H });
    // Still a ticket the engine takes, and time never went back: an event before the last update is stale.
    expect(transition(hours, tick.ticket, { type: 'reopen', by: 'agent', at: T0 + 5 * H }).ok).toBe(true);
    const stale = transition(hours, tick.ticket, { type: 'note', by: 'agent', at: T0 + 2 * H });
    expect(stale.ok === false && stale.error.code).toBe('staleEvent');
  });
});

// fuzz14 (migrateTicket campaign, zendesk with SLAs per priority -> tawkTo): the ticket kept its priority "low",
// which the new policy does not declare; migrateTicket answered ok, and the new policy then refused the ticket on
// every event (unknownPriority). A ticket the new policy would refuse is refused by the migration, with its path.
describe('a ticket the new policy would refuse', () => {
  it('is refused by migrateTicket with the path of what does not fit, changed or not', () => {
    const statuses = [{ id: 'open', category: 'open' }] as const;
    const ranked = defineWorkflow({ statuses, priorities: ['low', 'high'] });
    const plain = defineWorkflow({ statuses });
    const low = transition(ranked, createTicket(ranked, { at: T0 }), {
      type: 'update',
      by: 'agent',
      at: T0 + 1,
      priority: 'low',
    }).ticket;
    expect(transition(plain, low, { type: 'tick', at: T0 + 2 })).toMatchObject({
      ok: false,
      error: { code: 'unknownPriority' },
    });
    expect(migrateTicket(ranked, plain, low)).toMatchObject({
      ok: false,
      error: { code: 'invalidTicket', path: 'ticket.priority', message: expect.stringContaining('new policy') },
    });
    // Once the priority is cleared, it moves across.
    const cleared = transition(ranked, low, { type: 'update', by: 'agent', at: T0 + 2, priority: null }).ticket;
    expect(migrateTicket(ranked, plain, cleared)).toMatchObject({ ok: true, changed: false });
  });
});
