import { transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { countEvents, generateLifecycles, type Lifecycle } from '../fixtures/lifecycles.js';
import { allPresets, presetNamed } from '../fixtures/presets.js';
import { formatDuration, formatRate } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';

const TARGET_PER_SECOND = 1_000_000;

/**
 * Replays every history through `transition`, as a backend applies events to stored tickets: the loop the other
 * `transition` cases compare against references.
 *
 * @example
 * ```ts
 * replay(tawkTo(), histories); // applies every event of every history once
 * ```
 */
export function replay(workflow: Workflow, lifecycles: readonly Lifecycle[]): void {
  let versions = 0;
  for (const { start, events } of lifecycles) {
    let ticket: Ticket = start;
    for (const event of events) {
      const result = transition(workflow, ticket, event);
      if (result.ok) ticket = result.ticket;
    }
    versions += ticket.version;
  }
  sink.value ^= versions;
}

/** Histories for one preset: 200 tickets of up to 30 events, the same on every run and in every case. */
export const historiesFor = (workflow: Workflow): Lifecycle[] =>
  generateLifecycles(workflow, { tickets: 200, events: 30, seed: 1_000 });

/** Issue 2: `transition` applies at least a million events per second, for every preset. */
export const transitionThroughput: BenchCase = {
  name: 'transition throughput',
  subjects: () => allPresets().map((p) => p.name),
  async run(name) {
    const workflow = presetNamed(name);
    const histories = historiesFor(workflow);
    const ns = measure([{ name, fn: () => replay(workflow, histories), opsPerCall: countEvents(histories) }]).get(
      name,
    )!;
    return [
      {
        case: 'transition, events/s',
        subject: name,
        ours: `${formatRate(ns)} (${formatDuration(ns)}/event)`,
        reference: '',
        ratio: '',
        target: '≥ 1 M/s',
        verdict: 1e9 / ns >= TARGET_PER_SECOND ? 'PASS' : 'MISS',
      },
    ];
  },
};
