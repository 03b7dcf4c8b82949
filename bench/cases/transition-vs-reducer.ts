import { deepStrictEqual } from 'node:assert/strict';
import { transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { tawkTo } from 'ticket-lifecycle/presets';
import { tawkToReducer } from '../baselines/tawk-to-reducer.js';
import { countEvents, type Lifecycle } from '../fixtures/lifecycles.js';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase, Row } from '../support/report.js';
import { historiesFor, replay } from './transition-throughput.js';

const TARGET_RATIO = 1.5;

function replayReducer(lifecycles: readonly Lifecycle[]): void {
  let versions = 0;
  for (const { start, events } of lifecycles) {
    let ticket: Ticket = start;
    for (const event of events) ticket = tawkToReducer(ticket, event);
    versions += ticket.version;
  }
  sink.value ^= versions;
}

/** The reducer must be a true equivalent, or the ratio means nothing: compare every intermediate ticket. */
function assertSameTickets(lifecycles: readonly Lifecycle[]): void {
  const workflow: Workflow = tawkTo();
  for (const { start, events } of lifecycles) {
    let ours: Ticket = start;
    let theirs: Ticket = start;
    for (const event of events) {
      const result = transition(workflow, ours, event);
      if (!result.ok) throw new Error(`bench: the engine refused ${JSON.stringify(event)}`);
      ours = result.ticket;
      theirs = tawkToReducer(theirs, event);
      deepStrictEqual(theirs, ours, `the hand-written reducer disagrees with transition on ${JSON.stringify(event)}`);
    }
  }
}

/**
 * Times `transition(tawkTo(), …)` against `replayReference` over the same histories, as one row with its verdict:
 * the comparison both reducer cases make.
 *
 * @example
 * ```ts
 * await compareWithReducer('transition vs hand-written reducer', 1.5, replayReducer);
 * ```
 */
export function compareWithReducer(
  label: string,
  target: number,
  replayReference: (histories: readonly Lifecycle[]) => void,
): Row[] {
  const workflow: Workflow = tawkTo();
  const histories = historiesFor(workflow);
  const ops = countEvents(histories);
  const ns = measure([
    { name: 'ours', fn: () => replay(workflow, histories), opsPerCall: ops },
    { name: 'reducer', fn: () => replayReference(histories), opsPerCall: ops },
  ]);
  const ratio = ns.get('ours')! / ns.get('reducer')!;
  return [
    {
      case: label,
      subject: 'tawkTo',
      ours: `${formatDuration(ns.get('ours')!)}/event`,
      reference: `${formatDuration(ns.get('reducer')!)}/event`,
      ratio: `${formatRatio(ratio)} slower`,
      target: `≤ ${target}×`,
      verdict: ratio <= target ? 'PASS' : 'MISS',
    },
  ];
}

/**
 * `transition(tawkTo(), …)` against a hand-written `switch` of the same lifecycle that allocates one object per
 * change: the practical floor for this work. Target: within 1.5× of it.
 */
export const transitionVsReducer: BenchCase = {
  name: 'transition vs hand-written reducer',
  subjects: () => ['tawkTo'],
  async run() {
    assertSameTickets(historiesFor(tawkTo()));
    return compareWithReducer('transition vs hand-written reducer', TARGET_RATIO, replayReducer);
  },
};
