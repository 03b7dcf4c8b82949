import { slaStatus, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { historiesFor, replay } from './transition-throughput.js';
import { countEvents } from '../fixtures/lifecycles.js';
import { formatDuration, formatRate } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';

const TICKETS = 1_000_000;
const BUDGET_MS = 1_000;
const HOUR = 3_600_000;

/** Zendesk with three SLA metrics on every ticket (first reply, next reply, resolution), measured against plain Zendesk. */
const withSla = (): Workflow =>
  zendesk({ sla: { targets: { firstReply: 'PT1H', nextReply: 'PT4H', resolution: 'P2D' } } });

/**
 * Issue 14: `transition` with three SLA metrics running applies ≥ 1 M events/s, and `slaStatus` over 1 M tickets
 * takes under 1 s.
 */
export const slaCase: BenchCase = {
  name: 'sla',
  subjects: () => ['transition with three SLA metrics', 'slaStatus over 1 M tickets'],
  async run(subject) {
    const workflow = withSla();
    const histories = historiesFor(workflow);
    if (subject === 'transition with three SLA metrics') {
      const plain = zendesk();
      const plainHistories = historiesFor(plain);
      const ns = measure([
        { name: 'sla', fn: () => replay(workflow, histories), opsPerCall: countEvents(histories) },
        { name: 'plain', fn: () => replay(plain, plainHistories), opsPerCall: countEvents(plainHistories) },
      ]);
      const ours = ns.get('sla')!;
      const reference = ns.get('plain')!;
      return [
        {
          case: 'transition, events/s, three SLA metrics',
          subject: 'zendesk with firstReply, nextReply, resolution',
          ours: `${formatRate(ours)} (${formatDuration(ours)}/event)`,
          reference: `${formatRate(reference)} without SLA`,
          ratio: `${(ours / reference).toFixed(2)}×`,
          target: '≥ 1 M/s',
          verdict: 1e9 / ours >= 1_000_000 ? 'PASS' : 'MISS',
        },
      ];
    }
    // A ticket table: every ticket of the histories as it ends (each with its clocks), repeated to a million rows.
    const finals: Ticket[] = histories.map(({ start, events }) => {
      let ticket: Ticket = start;
      for (const event of events) {
        const r = transition(workflow, ticket, event);
        if (r.ok) ticket = r.ticket;
      }
      return ticket;
    });
    const table = Array.from({ length: TICKETS }, (_, i) => finals[i % finals.length]!);
    const now = Math.max(...finals.map((t) => t.updatedAt)) + HOUR;
    const ns = measure(
      [
        {
          name: subject,
          opsPerCall: TICKETS,
          fn: () => {
            let running = 0;
            for (let i = 0; i < TICKETS; i++) {
              const status = slaStatus(workflow, table[i]!, now);
              if (status.ok) running += status.metrics.length;
            }
            sink.value ^= running;
          },
        },
      ],
      { minSamples: 3 },
    ).get(subject)!;
    const totalMs = (ns * TICKETS) / 1e6;
    return [
      {
        case: 'slaStatus over 1 M tickets',
        subject: 'zendesk, three SLA metrics',
        ours: `${totalMs.toFixed(0)} ms (${formatDuration(ns)}/ticket)`,
        reference: '',
        ratio: '',
        target: `< ${BUDGET_MS} ms`,
        verdict: totalMs < BUDGET_MS ? 'PASS' : 'MISS',
      },
    ];
  },
};
