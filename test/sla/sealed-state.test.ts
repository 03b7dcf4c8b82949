import { describe, expect, it } from 'vitest';
import { slaStatus, transition } from '../../src/index.js';
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
});
