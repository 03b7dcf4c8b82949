import { describe, expect, it } from 'vitest';
import { slaStatus, ticketMetrics, transition } from '../../src/index.js';
import { desk, H, MIN, run } from './fixtures.js';

const wf = desk([{ id: 'standard', targets: { firstReply: 'PT1H', nextReply: 'PT2H', resolution: 'P1D' } }]);
const other = desk([{ id: 'standard', targets: { firstReply: 'PT1H', nextReply: 'PT2H', resolution: 'P1D' } }]);

// The engine's own SLA states are frozen and taken as they are when they come back (src/sla/sealed.ts); these
// check that nothing else ever gets that shortcut.
describe('sealed SLA states', () => {
  const { ticket } = run(wf, 0, [{ type: 'reply', by: 'agent', at: 30 * MIN }]);

  it('hold frozen clocks and activity, and read back the same as their JSON copy', () => {
    const sla = ticket.sla!;
    expect(Object.isFrozen(sla.clocks) && Object.isFrozen(sla.activity)).toBe(true);
    for (const clock of Object.values(sla.clocks)) expect(Object.isFrozen(clock)).toBe(true);
    const parsed = JSON.parse(JSON.stringify(ticket)) as typeof ticket;
    expect(slaStatus(wf, ticket, 2 * H)).toEqual(slaStatus(wf, parsed, 2 * H));
    const a = transition(wf, ticket, { type: 'reply', by: 'customer', at: H });
    const b = transition(wf, parsed, { type: 'reply', by: 'customer', at: H });
    expect(a).toEqual(b);
  });

  it('announce the breaches of a policy change in metric order, for the engine ticket and for its JSON copy', () => {
    // fuzz14, seed 2004 (LAWS.pureAndDeterministic, zendesk with SLA options): the clocks record of a sealed state
    // keeps the order its metrics started in (requesterWait, periodicUpdate, nextReply), a stored copy is read in
    // metric order, and the breaches a policy change announces at once came out in the record's order: the same
    // ticket gave its two breaches in one order in memory and in the other once read back from a database.
    const desk2 = desk(
      [
        { id: 'urgent', when: { priority: 'urgent' }, targets: { nextReply: 'PT10M', periodicUpdate: 'PT1M' } },
        { id: 'normal', when: { priority: 'normal' }, targets: { requesterWait: 'P1D' } },
      ],
      { priorities: ['normal', 'urgent'] },
    );
    const { ticket: waited } = run(desk2, 0, [
      { type: 'reply', by: 'agent', at: 0 },
      { type: 'reply', by: 'customer', at: MIN },
    ]);
    const urgent = { type: 'update', by: 'agent', at: 11 * MIN, priority: 'urgent' } as const;
    const mine = transition(desk2, waited, urgent);
    const stored = transition(desk2, JSON.parse(JSON.stringify(waited)) as typeof waited, urgent);
    const breaches = (r: typeof mine) => (r.ok ? r.effects.filter((e) => e.type === 'slaBreached') : []);
    expect(breaches(mine).map((e) => e.type === 'slaBreached' && e.metric)).toEqual(['nextReply', 'periodicUpdate']);
    expect(mine).toEqual(stored);
    expect(breaches(stored)).toEqual(breaches(mine));
  });

  it('moved onto a ticket whose times they do not fit, are checked and refused like any stored state', () => {
    // The clocks hold times up to 30 min; a ticket last updated at 10 min cannot carry them.
    const moved = {
      ...ticket,
      updatedAt: 10 * MIN,
      lastActivityAt: 10 * MIN,
      lastAgentMessageAt: null,
      statusChangedAt: 10 * MIN,
    };
    const r = transition(wf, moved, { type: 'tick', at: 20 * MIN });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalidTicket', path: 'ticket.sla' });
  });

  it('with a field replaced by hand are checked like any stored state', () => {
    const { ticket: mine } = run(wf, 0, [{ type: 'reply', by: 'agent', at: 30 * MIN }]);
    const sla = mine.sla as { clocks: unknown };
    sla.clocks = { resolution: { start: 0, used: -1, since: 0, metAt: null, stage: 0 } };
    const r = transition(wf, mine, { type: 'tick', at: H });
    expect(r.ok === false && r.error).toMatchObject({ code: 'invalidTicket', path: 'ticket.sla' });
  });

  it('with a clock that counted more time than has passed (a row edited by hand) are refused, not answered', () => {
    // Before round 10, slaStatus answered `breached` with a dueAt before the ticket existed (-8.6e15 for this one).
    const parsed = JSON.parse(JSON.stringify(ticket)) as typeof ticket;
    const clocks = parsed.sla!.clocks as Record<string, { used: number }>;
    const elapsed = parsed.updatedAt - (parsed.sla!.clocks.resolution as { start: number }).start;
    clocks.resolution!.used = elapsed; // the most a clock can have counted: accepted
    expect(slaStatus(wf, parsed, 2 * H).ok).toBe(true);
    for (const used of [elapsed + 1, 8.64e15]) {
      clocks.resolution!.used = used;
      const refusal = { code: 'invalidTicket', path: 'ticket.sla' };
      expect(slaStatus(wf, parsed, 2 * H)).toMatchObject({ ok: false, error: refusal });
      expect(ticketMetrics(wf, parsed)).toMatchObject({ ok: false, error: refusal });
      expect(transition(wf, parsed, { type: 'tick', at: 2 * H })).toMatchObject({ ok: false, error: refusal });
    }
  });

  it('from another workflow are checked like any stored state, and a state edited by hand is never trusted', () => {
    expect(transition(other, ticket, { type: 'tick', at: H }).ok).toBe(true);
    const edited = {
      ...ticket,
      sla: {
        ...ticket.sla!,
        clocks: { ...ticket.sla!.clocks, resolution: { start: 0, used: -1, since: 0, metAt: null, stage: 0 } },
      },
    };
    const r = transition(wf, edited as typeof ticket, { type: 'tick', at: H });
    expect(r.ok).toBe(false);
  });

  it('a JSON-parsed state that a change leaves as it was is sealed on the way out: frozen, and read back as it is', () => {
    const parsed = JSON.parse(JSON.stringify(ticket)) as typeof ticket;
    // A note changes the ticket but no clock: the checked copy of the stored state goes out, sealed.
    const r = transition(wf, parsed, { type: 'note', by: 'agent', at: H });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sla = r.ticket.sla!;
    expect(Object.isFrozen(sla.clocks) && Object.isFrozen(sla.activity)).toBe(true);
    for (const clock of Object.values(sla.clocks)) expect(Object.isFrozen(clock)).toBe(true);
    expect(Object.isFrozen(sla.activity!.time)).toBe(true);
    expect(sla).toEqual(parsed.sla);
    expect(parsed.sla).not.toBe(sla);
    expect(Object.isFrozen(parsed.sla!.clocks)).toBe(false);
  });

  // slaStatus reads a stored state straight into its answer (no copy) when no status timer is due: every check
  // still applies there, with the refusal transition gives.
  type Raw = { policy: unknown; clocks: unknown; activity: Record<string, unknown> };
  const clock = (s: Raw, metric: string) => (s.clocks as Record<string, Record<string, unknown>>)[metric]!;
  it.each([
    ['a clock time after updatedAt', (s: Raw) => (clock(s, 'resolution').start = 99 * H)],
    ['a negative used', (s: Raw) => (clock(s, 'resolution').used = -1)],
    ['a stage of 3', (s: Raw) => (clock(s, 'firstReply').stage = 3)],
    ['an empty policy id', (s: Raw) => (s.policy = '')],
    ['clocks as a list', (s: Raw) => (s.clocks = [])],
    ['an activity count below 0', (s: Raw) => (s.activity.teamReplies = -1)],
    ['an unknown category in activity time', (s: Raw) => (s.activity.time = { lunch: [1, 1] })],
    ['a span of three numbers', (s: Raw) => (s.activity.time = { new: [1, 1, 1] })],
  ])('slaStatus refuses a stored state with %s, as transition does', (_, edit) => {
    const parsed = JSON.parse(JSON.stringify(ticket)) as typeof ticket;
    edit(parsed.sla as unknown as Raw);
    const status = slaStatus(wf, parsed, 2 * H);
    const moved = transition(wf, parsed, { type: 'tick', at: 2 * H });
    expect(status.ok === false && status.error).toMatchObject({ code: 'invalidTicket', path: 'ticket.sla' });
    expect(moved.ok === false && moved.error).toEqual(status.ok === false && status.error);
  });

  it('slaStatus reads the sla field of a stored ticket once, and a throwing getter there is a refusal', () => {
    const parsed = JSON.parse(JSON.stringify(ticket)) as typeof ticket;
    let reads = 0;
    const counted = Object.defineProperty({ ...parsed }, 'sla', {
      get: () => {
        reads++;
        return parsed.sla;
      },
      enumerable: true,
    });
    expect(slaStatus(wf, counted, 2 * H)).toEqual(slaStatus(wf, parsed, 2 * H));
    expect(reads).toBe(1);
    const throwing = Object.defineProperty({ ...parsed }, 'sla', {
      get: () => {
        throw new Error('no');
      },
      enumerable: true,
    });
    const r = slaStatus(wf, throwing, 2 * H);
    expect(r.ok).toBe(false);
  });
});
