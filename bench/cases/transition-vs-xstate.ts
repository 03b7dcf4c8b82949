import { isDeepStrictEqual } from 'node:util';
import type { Ticket, TicketEvent } from 'ticket-lifecycle';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import {
  initialTransition,
  transition as xstateTransition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import { countEvents, type Lifecycle } from '../fixtures/lifecycles.js';
import { allPresets, presetNamed } from '../fixtures/presets.js';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';
import { historiesFor, replay } from './transition-throughput.js';

const TARGET_RATIO = 50;
/** xstate's transition is far slower; a slice of the histories keeps its samples short. */
const XSTATE_HISTORIES = 40;

interface MachineHistory {
  readonly start: AnyMachineSnapshot;
  readonly events: readonly TicketEvent[];
}

function replayXState(machine: AnyStateMachine, histories: readonly MachineHistory[]): void {
  let versions = 0;
  for (const { start, events } of histories) {
    let snapshot = start;
    for (const event of events) [snapshot] = xstateTransition(machine, snapshot, event);
    versions += (snapshot.context as { ticket: Ticket }).ticket.version;
  }
  sink.value ^= versions;
}

/** Same stream, same tickets: otherwise the comparison is between two different computations. */
function agrees(machine: AnyStateMachine, history: MachineHistory, end: Ticket): boolean {
  let snapshot = history.start;
  for (const event of history.events) [snapshot] = xstateTransition(machine, snapshot, event);
  return isDeepStrictEqual((snapshot.context as { ticket: Ticket }).ticket, end);
}

/**
 * `transition` against xstate's own pure `transition()` on `createTicketMachine(sameWorkflow)`, on the same
 * event stream, per preset. Target: at least 50× faster — the reason to call the engine directly in a backend.
 */
export const transitionVsXState: BenchCase = {
  name: "transition vs xstate's transition()",
  subjects: () => allPresets().map((p) => p.name),
  async run(name) {
    const workflow = presetNamed(name);
    const histories: Lifecycle[] = historiesFor(workflow).slice(0, XSTATE_HISTORIES);
    const machine: AnyStateMachine = createTicketMachine(workflow);
    const machineHistories = histories.map((h) => ({
      start: initialTransition(machine, { ticket: h.start })[0],
      events: h.events,
    }));
    const disagreeing = histories.filter((h, k) => !agrees(machine, machineHistories[k]!, h.end)).length;
    if (disagreeing > 0)
      process.stderr.write(
        `warning: ${name}: the xstate machine ends elsewhere than transition on ${disagreeing} of ${histories.length} histories\n`,
      );
    const ops = countEvents(histories);
    const ns = measure(
      [
        { name: 'ours', fn: () => replay(workflow, histories), opsPerCall: ops },
        { name: 'xstate', fn: () => replayXState(machine, machineHistories), opsPerCall: ops },
      ],
      { timeMs: 500, minSamples: 5 },
    );
    const ratio = ns.get('xstate')! / ns.get('ours')!;
    return [
      {
        case: "transition vs xstate's transition()",
        subject: disagreeing > 0 ? `${name} (machine disagrees!)` : name,
        ours: `${formatDuration(ns.get('ours')!)}/event`,
        reference: `${formatDuration(ns.get('xstate')!)}/event`,
        ratio: `${formatRatio(ratio)} faster`,
        target: `≥ ${TARGET_RATIO}×`,
        verdict: ratio >= TARGET_RATIO ? 'PASS' : 'MISS',
      },
    ];
  },
};
