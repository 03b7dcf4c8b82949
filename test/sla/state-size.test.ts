import { expect, it } from 'vitest';
import { H, MIN, desk, run } from './fixtures.js';

it('the SLA state with three metrics running is 567 bytes of JSON, 239 of them activity (the figures docs/sla.md gives)', () => {
  const wf = desk([{ id: 'standard', targets: { firstReply: 'PT1H', nextReply: 'PT2H', resolution: 'P1D' } }]);
  const { ticket } = run(wf, Date.UTC(2026, 0, 5, 9), [
    { type: 'reply', by: 'agent', at: Date.UTC(2026, 0, 5, 9) + 30 * MIN },
    { type: 'reply', by: 'customer', at: Date.UTC(2026, 0, 5, 9) + H },
  ]);
  expect(Object.keys(ticket.sla?.clocks ?? {})).toEqual(['firstReply', 'resolution', 'nextReply']);
  expect(JSON.stringify(ticket.sla).length).toBe(567);
  expect(JSON.stringify(ticket.sla?.activity).length).toBe(239);
});
