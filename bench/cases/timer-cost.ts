import { createTicket, defineWorkflow, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';

const HOUR = 3_600_000;
const FEW = 1;
const MANY = 12;
const TICKS = 500;

/** A status with `count` hourly reminders (each repeating), and an auto-close behind them. */
function policyWith(count: number): Workflow {
  return defineWorkflow({
    statuses: [
      { id: 'open', category: 'open' },
      { id: 'closed', category: 'closed' },
    ],
    timers: [
      ...Array.from({ length: count }, (_, i) => ({
        id: `nudge-${i}`,
        in: 'open' as const,
        after: HOUR + i,
        action: 'remind' as const,
        repeatEvery: HOUR,
      })),
      { id: 'close', in: 'open' as const, after: 'P365D', action: 'move' as const, to: 'closed' },
    ],
  });
}

/** An hourly sweep over one ticket: every tick fires every reminder of the status once. */
function sweepHourly(workflow: Workflow, start: Ticket): void {
  let ticket = start;
  for (let i = 1; i <= TICKS; i++) ticket = transition(workflow, ticket, { type: 'tick', at: i * HOUR + MANY }).ticket;
  sink.value ^= ticket.version;
}

/**
 * Issue 9: the cost of timers is linear in the timers of a status. Twelve times the reminders (each firing on every
 * tick, so the fired-timers record holds twelve counts) may cost at most twelve times as much per tick.
 */
export const timerCost: BenchCase = {
  name: 'timer cost per status',
  subjects: () => ['reminders'],
  async run() {
    const few = policyWith(FEW);
    const many = policyWith(MANY);
    const ns = measure([
      { name: 'few', fn: () => sweepHourly(few, createTicket(few, { at: 0 })), opsPerCall: TICKS },
      { name: 'many', fn: () => sweepHourly(many, createTicket(many, { at: 0 })), opsPerCall: TICKS },
    ]);
    const ratio = ns.get('many')! / ns.get('few')!;
    return [
      {
        case: `tick cost, ${MANY} reminders vs ${FEW}`,
        subject: 'reminders',
        ours: `${formatDuration(ns.get('many')!)}/tick`,
        reference: `${formatDuration(ns.get('few')!)}/tick`,
        ratio: `${formatRatio(ratio)} more`,
        target: `≤ ${MANY}× (linear)`,
        verdict: ratio <= MANY ? 'PASS' : 'MISS',
      },
    ];
  },
};
