import { isDeepStrictEqual } from 'node:util';
import type { Ticket, Workflow } from 'ticket-lifecycle';
import { tawkTo } from 'ticket-lifecycle/presets';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { createActor, type AnyStateMachine } from 'xstate';
import { tawkToMachine } from '../baselines/tawk-to-machine.js';
import { countEvents, type Lifecycle } from '../fixtures/lifecycles.js';
import { formatDuration, formatRatio } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';
import { historiesFor } from './transition-throughput.js';

const TARGET_RATIO = 2;
/** An actor per history, as a service holds one per open ticket; a slice keeps the samples short. */
const HISTORIES = 100;

/** Runs every history through a fresh actor and returns the final tickets. */
function sendAll(machine: AnyStateMachine, histories: readonly Lifecycle[]): Ticket[] {
  return histories.map(({ start, events }) => {
    const actor = createActor(machine, { input: { ticket: start } }).start();
    for (const event of events) actor.send(event);
    const ticket = (actor.getSnapshot().context as { ticket: Ticket }).ticket;
    actor.stop();
    return ticket;
  });
}

/**
 * `actor.send` on the machine `createTicketMachine` generates for tawk.to, against a hand-written XState machine
 * of the same lifecycle (`bench/baselines/tawk-to-machine.ts`), on the same event streams, both checked to end on
 * the engine's tickets first. Target (issue 3): not more than 2× slower.
 */
export const actorSend: BenchCase = {
  name: 'actor.send vs hand-written XState machine',
  subjects: () => ['tawkTo'],
  async run() {
    const workflow: Workflow = tawkTo();
    const histories = historiesFor(workflow).slice(0, HISTORIES);
    const generated: AnyStateMachine = createTicketMachine(workflow);
    const byHand: AnyStateMachine = tawkToMachine;
    for (const [label, machine] of [
      ['generated', generated],
      ['hand-written', byHand],
    ] as const) {
      const ends = sendAll(machine, histories);
      const wrong = ends.filter((ticket, k) => !isDeepStrictEqual(ticket, histories[k]!.end)).length;
      if (wrong > 0)
        throw new Error(`bench: the ${label} machine ends elsewhere than transition on ${wrong} histories`);
    }
    const ops = countEvents(histories);
    const ns = measure(
      [
        {
          name: 'generated',
          fn: () => {
            sink.value ^= sendAll(generated, histories).length;
          },
          opsPerCall: ops,
        },
        {
          name: 'hand-written',
          fn: () => {
            sink.value ^= sendAll(byHand, histories).length;
          },
          opsPerCall: ops,
        },
      ],
      { timeMs: 500, minSamples: 5 },
    );
    const ratio = ns.get('generated')! / ns.get('hand-written')!;
    return [
      {
        case: 'actor.send vs hand-written XState machine',
        subject: 'tawkTo',
        ours: `${formatDuration(ns.get('generated')!)}/event`,
        reference: `${formatDuration(ns.get('hand-written')!)}/event`,
        ratio: `${formatRatio(ratio)} slower`,
        target: `≤ ${TARGET_RATIO}×`,
        verdict: ratio <= TARGET_RATIO ? 'PASS' : 'MISS',
      },
    ];
  },
};
