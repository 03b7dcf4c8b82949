import type { Ticket } from 'ticket-lifecycle';
import { tawkToContractReducer } from '../baselines/tawk-to-contract-reducer.js';
import type { Lifecycle } from '../fixtures/lifecycles.js';
import { sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';
import { compareWithReducer } from './transition-vs-reducer.js';

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
    return compareWithReducer('transition vs contract-equivalent reducer', TARGET_RATIO, replayReducer);
  },
};
