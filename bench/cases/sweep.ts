import { evaluateAutoClose, nextDeadline, type Ticket, type Workflow } from 'ticket-lifecycle';
import { SWEEP_BASELINES, type SweepBaseline } from '../baselines/sweep-loops.js';
import { EPOCH } from '../fixtures/lifecycles.js';
import { allPresets, presetNamed } from '../fixtures/presets.js';
import { storedTickets } from '../fixtures/stored-tickets.js';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import { timePaged, toPages } from '../support/paged.js';
import type { BenchCase, Row } from '../support/report.js';

const TICKETS = 1_000_000;
const TARGET_RATIO = 2.5;
const TARGET_SWEEP_MS = 1_000;
/** The sweeper's clock: two months after the first generated ticket, so every stage of life is in the table. */
const NOW = EPOCH + 60 * 86_400_000;

function sweepOurs(workflow: Workflow, tickets: readonly Ticket[]): number {
  let closing = 0;
  for (let i = 0; i < tickets.length; i++) if (evaluateAutoClose(workflow, tickets[i]!, NOW).close) closing++;
  return closing;
}

function sweepByHand(baseline: SweepBaseline, tickets: readonly Ticket[]): number {
  let closing = 0;
  for (let i = 0; i < tickets.length; i++) if (baseline.closes(tickets[i]!, NOW)) closing++;
  return closing;
}

/** Sums deadlines so the loop's result is used; `null` counts as -1. */
function deadlinesOurs(workflow: Workflow, tickets: readonly Ticket[]): number {
  let sum = 0;
  for (let i = 0; i < tickets.length; i++) sum += nextDeadline(workflow, tickets[i]!) ?? -1;
  return sum;
}

function deadlinesByHand(baseline: SweepBaseline, tickets: readonly Ticket[]): number {
  let sum = 0;
  for (let i = 0; i < tickets.length; i++) sum += baseline.deadline(tickets[i]!) ?? -1;
  return sum;
}

/** A baseline that disagrees with the engine on any ticket would make the ratio meaningless: check all of them. */
function assertAgree(name: string, workflow: Workflow, baseline: SweepBaseline, tickets: readonly Ticket[]): number {
  let closing = 0;
  for (const ticket of tickets) {
    const close = evaluateAutoClose(workflow, ticket, NOW).close;
    const deadline = nextDeadline(workflow, ticket);
    if (close !== baseline.closes(ticket, NOW) || deadline !== baseline.deadline(ticket)) {
      throw new Error(`bench: the ${name} hand loop disagrees with the engine on ${JSON.stringify(ticket)}`);
    }
    if (close) closing++;
  }
  return closing;
}

function ratioRow(label: string, subject: string, ours: number, hand: number): Row {
  const ratio = ours / hand;
  return {
    case: label,
    subject,
    ours: `${formatDuration(ours * TICKETS)} (${formatDuration(ours)}/ticket)`,
    reference: formatDuration(hand * TICKETS),
    ratio: `${formatRatio(ratio)} slower`,
    target: `≤ ${TARGET_RATIO}×`,
    verdict: ratio <= TARGET_RATIO ? 'PASS' : 'MISS',
  };
}

/**
 * A sweeper's pass over a million stored tickets parsed from JSON with `evaluateAutoClose` and `nextDeadline`,
 * against the loop a team would write by hand for the same preset. Targets: within 2.5× of the hand loop (issue 9:
 * the engine checks every field of a ticket in a timer status, the hand loop compares one timestamp), and the
 * whole `evaluateAutoClose` pass under one second (issue 2).
 */
export const sweep: BenchCase = {
  name: 'sweep over 1,000,000 tickets',
  // Presets with no timer have nothing to sweep, and a hand loop is written for the two the issue names.
  subjects: () =>
    allPresets()
      .map((p) => p.name)
      .filter((name) => SWEEP_BASELINES[name] !== undefined),
  async run(name) {
    const workflow = presetNamed(name);
    const baseline = SWEEP_BASELINES[name]!;
    // Parsed from JSON one by one, as a sweeper reads rows: a million distinct objects (timer records included),
    // not shared ones the CPU cache would flatter.
    const tickets = storedTickets(workflow, { count: TICKETS, now: NOW, seed: 3_000, json: true });
    const closing = assertAgree(name, workflow, baseline, tickets);
    const ns = measure(
      [
        {
          name: 'evaluateAutoClose',
          fn: () => {
            sink.value ^= sweepOurs(workflow, tickets);
          },
          opsPerCall: TICKETS,
        },
        {
          name: 'closes by hand',
          fn: () => {
            sink.value ^= sweepByHand(baseline, tickets);
          },
          opsPerCall: TICKETS,
        },
        {
          name: 'nextDeadline',
          fn: () => {
            sink.value += deadlinesOurs(workflow, tickets);
          },
          opsPerCall: TICKETS,
        },
        {
          name: 'deadline by hand',
          fn: () => {
            sink.value += deadlinesByHand(baseline, tickets);
          },
          opsPerCall: TICKETS,
        },
      ],
      { timeMs: 500, warmupMs: 0, minSamples: 3 },
    );
    const sweepNs = ns.get('evaluateAutoClose')!;
    // The same table read page by page, as a sweeper fetches it: rows young and cache-hot (informative: the
    // target is judged on the million rows above, alive at once as the issue states it).
    const paged = timePaged(toPages(tickets), {
      ours: (rows) => sweepOurs(workflow, rows),
      hand: (rows) => sweepByHand(baseline, rows),
    });
    return [
      ratioRow('evaluateAutoClose sweep vs hand loop', name, sweepNs, ns.get('closes by hand')!),
      ratioRow('nextDeadline sweep vs hand loop', name, ns.get('nextDeadline')!, ns.get('deadline by hand')!),
      {
        ...ratioRow('evaluateAutoClose sweep, page by page', name, paged.get('ours')!, paged.get('hand')!),
        target: '—',
        verdict: 'INFO',
      },
      {
        case: 'evaluateAutoClose, 1 M tickets',
        subject: name,
        ours: `${formatDuration(sweepNs * TICKETS)} (${closing.toLocaleString('en')} closed)`,
        reference: '',
        ratio: '',
        target: `< ${TARGET_SWEEP_MS / 1000} s`,
        verdict: sweepNs * TICKETS < TARGET_SWEEP_MS * 1e6 ? 'PASS' : 'MISS',
      },
    ];
  },
};
