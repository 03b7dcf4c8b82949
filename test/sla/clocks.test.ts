import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, slaStatus, transition, validateWorkflow } from '../../src/index.js';
import { desk, H, MIN, run, slaEffects } from './fixtures.js';

// Metric semantics: Zendesk's SLA metric definitions,
// https://support.zendesk.com/hc/en-us/articles/4408829459866 (Defining SLA policies).
const standard = desk([
  {
    id: 'standard',
    targets: { firstReply: 'PT1H', nextReply: 'PT2H', periodicUpdate: 'PT4H', resolution: 'PT8H' },
    warnBefore: 'PT15M',
  },
]);

describe('SLA clocks', () => {
  it('first reply: warned, breached at its exact due time, then met by the team reply', () => {
    const { ticket, effects } = run(standard, 0, [
      { type: 'tick', at: 50 * MIN },
      { type: 'reply', by: 'agent', at: 70 * MIN },
    ]);
    expect(slaEffects(effects).filter((e) => 'metric' in e && e.metric === 'firstReply')).toEqual([
      { type: 'slaWarning', policy: 'standard', metric: 'firstReply', dueAt: H, at: 45 * MIN },
      { type: 'slaBreached', policy: 'standard', metric: 'firstReply', dueAt: H, at: H },
      {
        type: 'slaMet',
        policy: 'standard',
        metric: 'firstReply',
        at: 70 * MIN,
        elapsed: 70 * MIN,
        target: H,
        breached: true,
      },
    ]);
    expect(ticket.sla?.clocks.firstReply).toMatchObject({ metAt: 70 * MIN, stage: 2 });
  });

  it('next reply: a cycle per unanswered customer message, from the oldest one', () => {
    const { effects, ticket } = run(standard, 0, [
      { type: 'reply', by: 'agent', at: 10 * MIN },
      { type: 'reply', by: 'customer', at: H },
      { type: 'reply', by: 'customer', at: 2 * H }, // still the same cycle: counted from the first message
      { type: 'reply', by: 'agent', at: 2.5 * H },
    ]);
    const met = slaEffects(effects).filter((e) => e.type === 'slaMet' && e.metric === 'nextReply');
    expect(met).toEqual([expect.objectContaining({ at: 2.5 * H, elapsed: 1.5 * H, breached: false })]);
    expect(ticket.sla?.clocks.nextReply).toMatchObject({ start: H, metAt: 2.5 * H });
  });

  it('the first reply is not a next reply: no nextReply cycle before the team has answered once', () => {
    const { ticket } = run(standard, 0, [{ type: 'reply', by: 'customer', at: 5 * MIN }]);
    expect(ticket.sla?.clocks.nextReply).toBeUndefined();
  });

  it('periodic update: each team reply meets the running cycle and opens the next', () => {
    const { effects, ticket } = run(standard, 0, [
      { type: 'reply', by: 'agent', at: H },
      { type: 'setStatus', by: 'agent', to: 'open', at: H + 1 },
      { type: 'reply', by: 'agent', at: 3 * H }, // moves to pending
    ]);
    const met = slaEffects(effects).filter((e) => e.type === 'slaMet' && e.metric === 'periodicUpdate');
    expect(met).toEqual([expect.objectContaining({ at: 3 * H, elapsed: 2 * H - 1 })]);
    expect(ticket.sla?.clocks.periodicUpdate).toMatchObject({ start: 3 * H, since: null, used: 0 });
  });

  it('resolution: pending pauses it, on-hold keeps it running, solving meets it, a reopen resumes it', () => {
    const { ticket, effects } = run(standard, 0, [
      { type: 'setStatus', by: 'agent', to: 'pending', at: H }, // 1 h counted
      { type: 'setStatus', by: 'agent', to: 'hold', at: 5 * H }, // 4 h paused
      { type: 'setStatus', by: 'agent', to: 'open', at: 6 * H }, // 1 h on hold counted
      { type: 'resolve', by: 'agent', at: 7 * H }, // 1 h: 3 h in all
      { type: 'reopen', by: 'agent', at: 20 * H }, // solved does not count
      { type: 'resolve', by: 'agent', at: 21 * H }, // 1 h more
    ]);
    expect(ticket.sla?.clocks.resolution).toMatchObject({ used: 4 * H, metAt: 21 * H, since: null });
    const met = slaEffects(effects).filter((e) => e.type === 'slaMet' && e.metric === 'resolution');
    expect(met.map((e) => (e.type === 'slaMet' ? e.elapsed : 0))).toEqual([3 * H, 4 * H]);
  });

  it('a paused clock has no deadline; resuming gives the rest of the target from the resume time', () => {
    const wf = desk([{ id: 'r', targets: { resolution: 'PT8H' } }]);
    const { ticket } = run(wf, 0, [{ type: 'setStatus', by: 'agent', to: 'pending', at: 2 * H }]);
    expect(nextDeadline(wf, ticket)).toBeNull();
    const r = transition(wf, ticket, { type: 'reply', by: 'customer', at: 10 * H });
    expect(r.ok && nextDeadline(wf, r.ticket)).toBe(16 * H);
  });

  it('a sweep at any frequency announces the same marks at the same times', () => {
    const events = [{ type: 'reply', by: 'agent', at: 3 * H } as const];
    const once = run(standard, 0, events);
    const swept = run(standard, 0, [
      ...Array.from({ length: 36 }, (_, i) => ({ type: 'tick', at: (i * H) / 12 }) as const),
      ...events,
    ]);
    expect(slaEffects(swept.effects)).toEqual(slaEffects(once.effects));
    expect(swept.ticket.sla).toEqual(once.ticket.sla);
  });

  it('slaStatus tells running, paused, met and breached, with the due time and what remains', () => {
    const { ticket } = run(standard, 0, [
      { type: 'reply', by: 'agent', at: 30 * MIN },
      { type: 'reply', by: 'customer', at: H },
    ]);
    const r = slaStatus(standard, ticket, 4 * H);
    expect(r.ok && r.metrics).toEqual([
      {
        metric: 'firstReply',
        state: 'met',
        target: H,
        elapsed: 30 * MIN,
        remaining: 30 * MIN,
        dueAt: null,
        startedAt: 0,
        metAt: 30 * MIN,
      },
      {
        metric: 'nextReply',
        state: 'breached',
        target: 2 * H,
        elapsed: 3 * H,
        remaining: -H,
        dueAt: 3 * H,
        startedAt: H,
        metAt: null,
      },
      expect.objectContaining({ metric: 'periodicUpdate', state: 'running', elapsed: 3.5 * H - 30 * MIN }),
      expect.objectContaining({ metric: 'resolution', state: 'running', elapsed: 3.5 * H, dueAt: 8.5 * H }),
    ]);
    const paused = transition(standard, ticket, { type: 'setStatus', by: 'agent', to: 'pending', at: 4 * H });
    const later = paused.ok ? slaStatus(standard, paused.ticket, 9 * H) : null;
    expect(later?.ok && later.metrics.find((m) => m.metric === 'resolution')).toMatchObject({
      state: 'paused',
      elapsed: 3.5 * H,
      dueAt: null,
    });
  });

  it('per-metric pause overrides replace the default (Zendesk: on-hold pauses agent work time only)', () => {
    const wf = desk([
      {
        id: 'p',
        targets: { requesterWait: 'PT8H', agentWork: 'PT8H', resolution: 'PT8H' },
        pause: { resolution: { in: 'hold' }, requesterWait: { inCategory: 'pending' } },
      },
    ]);
    const { ticket } = run(wf, 0, [
      { type: 'setStatus', by: 'agent', to: 'hold', at: H },
      { type: 'setStatus', by: 'agent', to: 'pending', at: 2 * H },
      { type: 'setStatus', by: 'agent', to: 'open', at: 3 * H },
      { type: 'resolve', by: 'agent', at: 4 * H },
    ]);
    const used = (m: 'requesterWait' | 'agentWork' | 'resolution') => ticket.sla?.clocks[m]?.used;
    expect(used('requesterWait')).toBe(3 * H); // on hold counts, pending does not
    expect(used('agentWork')).toBe(2 * H); // neither counts (the default)
    expect(used('resolution')).toBe(3 * H); // pending counts, on hold does not (the override)
  });

  it('a status marked slaPaused pauses every clock (Freshdesk per-status toggle)', () => {
    const wf = desk([{ id: 'p', targets: { resolution: 'PT8H' } }], {
      statuses: [
        { id: 'new', category: 'new' },
        { id: 'open', category: 'open' },
        { id: 'pending', category: 'pending' },
        { id: 'hold', category: 'onHold', slaPaused: true },
        { id: 'snoozed', category: 'snoozed' },
        { id: 'solved', category: 'solved' },
        { id: 'closed', category: 'closed' },
      ],
    });
    const { ticket } = run(wf, 0, [
      { type: 'setStatus', by: 'agent', to: 'hold', at: H },
      { type: 'setStatus', by: 'agent', to: 'open', at: 5 * H },
    ]);
    expect(ticket.sla?.clocks.resolution).toMatchObject({ used: H, since: 5 * H });
  });

  it('a ticket stored before SLAs is read, and its clocks start at its next change', () => {
    const { sla: _none, ...old } = createTicket(standard, { at: 0 });
    const r = transition(standard, old as never, { type: 'note', by: 'agent', at: H });
    expect(r.ok && r.ticket.sla?.clocks.resolution).toMatchObject({ start: H, since: H });
  });

  it('a malformed stored clock is refused with the path, never a crash', () => {
    const ticket = createTicket(standard, { at: 0 });
    const bad = { ...ticket, sla: { policy: 'standard', clocks: { resolution: { start: -5 } } } };
    const r = transition(standard, bad as never, { type: 'tick', at: 1 });
    expect(!r.ok && r.error).toMatchObject({ code: 'invalidTicket', path: 'ticket.sla' });
  });

  it('the policy format is checked: every problem with its path', () => {
    const r = validateWorkflow({
      statuses: [{ id: 'open', category: 'open' }],
      sla: [
        { id: 'a', targets: { firstReply: 'soon', lunch: 'PT1H' }, calendar: 'nope' },
        { id: 'a', targets: {}, pause: { all: { in: 'ghost' } } },
        { targets: { resolution: 'PT1H' } },
      ],
    });
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['sla[0].targets.lunch', 'unexpectedField'],
        ['sla[0].targets.firstReply', 'invalidDuration'],
        ['sla[0].calendar', 'unknownCalendar'],
        ['sla[1].id', 'duplicateId'],
        ['sla[1].targets', 'emptySelector'],
        ['sla[1].pause.all.in', 'unknownStatus'],
        ['sla[2].id', 'invalidId'],
      ]),
    );
  });
});

describe('SLA policies by ticket attributes', () => {
  const wf = desk(
    [
      { id: 'urgent', when: { priority: 'urgent' }, targets: { firstReply: 'PT1H', resolution: 'PT4H' } },
      { id: 'normal', targets: { firstReply: 'PT8H', resolution: 'P2D' } },
    ],
    { priorities: ['normal', 'urgent'] },
  );

  it('the first policy whose when matches applies', () => {
    expect(createTicket(wf, { at: 0, priority: 'urgent' }).sla?.policy).toBe('urgent');
    expect(createTicket(wf, { at: 0 }).sla?.policy).toBe('normal');
  });

  it('a change of priority applies the matching policy, targets counted from each metric start (Zendesk)', () => {
    const { ticket, effects } = run(wf, 0, [{ type: 'update', by: 'agent', at: 2 * H, priority: 'urgent' }]);
    expect(slaEffects(effects)).toEqual([
      { type: 'slaPolicyChanged', from: 'normal', to: 'urgent', at: 2 * H },
      // First reply was due at 1 h under the urgent policy: already past, announced at once.
      { type: 'slaBreached', policy: 'urgent', metric: 'firstReply', dueAt: 2 * H, at: 2 * H },
    ]);
    expect(nextDeadline(wf, ticket)).toBe(4 * H); // resolution: 4 h from creation
    const back = transition(wf, ticket, { type: 'update', by: 'agent', at: 3 * H, priority: 'normal' });
    // Under the looser policy the breach is taken back: 3 h of 8 h.
    expect(back.ok && back.ticket.sla?.clocks.firstReply?.stage).toBe(0);
  });
});
