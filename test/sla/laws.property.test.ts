// Laws of the SLA clocks that compare two policies or two histories (the one-history laws are in LAWS).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, ticketMetrics, transition, type WorkflowConfig } from 'ticket-lifecycle';
import { arbitraryScenario, arbitraryWorkflowConfig, ARBITRARY_GUARDS } from 'ticket-lifecycle/testing';
import { desk, H, MIN, run } from './fixtures.js';

const numRuns = process.env.CI ? 1000 : 100;
const ALWAYS = {
  timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
};

describe('SLA laws', () => {
  it('with a 24/7 calendar, business figures equal calendar figures: same tickets, effects and metrics', () => {
    const pairs = arbitraryWorkflowConfig()
      .filter((c) => (c.sla ?? []).length > 0)
      .map((config) => {
        const plain = { ...config, sla: config.sla!.map(({ calendar: _c, ...p }) => p) };
        const always: WorkflowConfig = {
          ...config,
          calendars: { ...config.calendars, always247: ALWAYS },
          sla: config.sla!.map((p) => ({ ...p, calendar: 'always247' })),
        };
        return [
          defineWorkflow(plain, { guards: ARBITRARY_GUARDS }),
          defineWorkflow(always, { guards: ARBITRARY_GUARDS }),
        ] as const;
      })
      .chain(([plain, always]) => arbitraryScenario(plain).map((scenario) => ({ plain, always, scenario })));
    fc.assert(
      fc.property(pairs, ({ plain, always, scenario }) => {
        let a = createTicket(plain, { at: scenario.start, by: scenario.by });
        let b = createTicket(always, { at: scenario.start, by: scenario.by });
        for (const event of scenario.events) {
          const [ra, rb] = [transition(plain, a, event), transition(always, b, event)];
          expect(rb).toEqual(ra);
          [a, b] = [ra.ticket, rb.ticket];
        }
        const m = ticketMetrics(always, b);
        if (m.ok && m.metrics.fullResolution !== null)
          expect(m.metrics.fullResolution.business).toBe(m.metrics.fullResolution.calendar);
        if (m.ok && m.metrics.firstReply !== null)
          expect(m.metrics.firstReply.business).toBe(m.metrics.firstReply.calendar);
        for (const span of Object.values((m.ok && m.metrics.timeInCategory) || {}))
          expect(span.business).toBe(span.calendar);
      }),
      { numRuns },
    );
  });

  it('a paused interval never counts: however long the pending stay, resolution counts the same', () => {
    const wf = desk([{ id: 'r', targets: { resolution: 'P10D', requesterWait: 'P10D', agentWork: 'P10D' } }]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 * 60 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.integer({ min: 1, max: 48 * 60 }),
        (a, p, b) => {
          const { ticket } = run(wf, 0, [
            { type: 'setStatus', by: 'agent', to: 'pending', at: a * MIN },
            { type: 'setStatus', by: 'agent', to: 'open', at: (a + p) * MIN },
            { type: 'resolve', by: 'agent', at: (a + p + b) * MIN },
          ]);
          for (const clock of Object.values(ticket.sla!.clocks)) expect(clock.used).toBe((a + b) * MIN);
        },
      ),
      { numRuns },
    );
  });

  it('a ticket worked only in business hours on a Mon–Fri calendar counts open time only', () => {
    const monday9 = Date.UTC(2026, 0, 5, 9);
    const wf = desk([{ id: 'office', calendar: 'office', targets: { resolution: 'PT16H' } }], {
      calendars: {
        office: {
          timeZone: 'UTC',
          week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
        },
      },
    });
    // Created Friday 16:00, solved Monday 10:00: one hour on Friday, one on Monday.
    const friday16 = monday9 + 4 * 24 * H + 7 * H;
    const { ticket } = run(wf, friday16, [{ type: 'resolve', by: 'agent', at: friday16 + 3 * 24 * H - 6 * H }]);
    expect(ticket.sla?.clocks.resolution?.used).toBe(2 * H);
    const m = ticketMetrics(wf, ticket);
    expect(m.ok && m.metrics.fullResolution).toEqual({ calendar: 66 * H, business: 2 * H });
  });
});
