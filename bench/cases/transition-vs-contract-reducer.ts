import { type Ticket, type Workflow } from 'ticket-lifecycle';
import { tawkTo } from 'ticket-lifecycle/presets';
import { tawkToContractReducer } from '../baselines/tawk-to-contract-reducer.js';
import { countEvents, type Lifecycle } from '../fixtures/lifecycles.js';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';
import { historiesFor, replay } from './transition-throughput.js';

const TARGET_RATIO = 1.1;

function replayReducer(lifecycles: readonly Lifecycle[]): void {
  let versions = 0;
  for (const { start, events } of lifecycles) {
    let ticket: Ticket = start;
    for (const event of events) {
      const result = tawkToContractReducer(ticket, event);
      if (result.ok) ticket = result.ticket;
    }
    versions += ticket.version;
  }
  sink.value ^= versions;
}

/**
 * `transition(tawkTo(), …)` against a hand-written reducer that keeps the whole contract (every field read once and
 * checked, effects, the result object; test/reliability/contract-reducer.test.ts proves it deep-equal to
 * `transition`): what the engine's generality costs once safety is paid for on both sides. Target: within 1.1×.
 */
export const transitionVsContractReducer: BenchCase = {
  name: 'transition vs contract-equivalent reducer',
  subjects: () => ['tawkTo'],
  async run() {
    const workflow: Workflow = tawkTo();
    const histories = historiesFor(workflow);
    const ops = countEvents(histories);
    const ns = measure([
      { name: 'ours', fn: () => replay(workflow, histories), opsPerCall: ops },
      { name: 'reducer', fn: () => replayReducer(histories), opsPerCall: ops },
    ]);
    const ratio = ns.get('ours')! / ns.get('reducer')!;
    return [{
      case: 'transition vs contract-equivalent reducer',
      subject: 'tawkTo',
      ours: `${formatDuration(ns.get('ours')!)}/event`,
      reference: `${formatDuration(ns.get('reducer')!)}/event`,
      ratio: `${formatRatio(ratio)} slower`,
      target: `≤ ${TARGET_RATIO}×`,
      verdict: ratio <= TARGET_RATIO ? 'PASS' : 'MISS',
    }];
  },
};
