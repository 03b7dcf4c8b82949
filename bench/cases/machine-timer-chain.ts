import { createTicket } from 'ticket-lifecycle';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { createActor, SimulatedClock } from 'xstate';
import { timerChain } from '../fixtures/timer-chain.js';
import { formatDuration } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import type { BenchCase } from '../support/report.js';

const STATUSES = 1000;
const TARGET_MS = 1_000;
const MINUTE = 60_000;

/**
 * `createTicketMachine` on a chain of 1000 statuses linked by timers: it took 28 s and 2.2 GB when every status
 * listed every status its timers could lead to. Target: under 1 s. The second subject also starts an actor on a
 * ticket idle for the whole chain, which catches up all 999 moves in one tick.
 */
export const machineTimerChain: BenchCase = {
  name: 'createTicketMachine, 1000-status timer chain',
  subjects: () => ['build', 'build + start after outage'],
  async run(subject) {
    const workflow = timerChain(STATUSES);
    const ticket = createTicket(workflow, { at: 0 });
    const heapBefore = process.memoryUsage().heapUsed;
    const once = (): number => {
      const machine = createTicketMachine(workflow);
      if (subject === 'build') return machine.root.transitions.size;
      const clock = new SimulatedClock();
      clock.set(STATUSES * MINUTE);
      const actor = createActor(machine, { clock, input: { ticket, now: () => clock.now() } }).start();
      const status = actor.getSnapshot().value;
      actor.stop();
      if (status !== `s${STATUSES - 1}`)
        throw new Error(`bench: the actor caught up to ${status}, not the end of the chain`);
      return status.length;
    };
    once();
    const heapMb = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const ns = measure(
      [
        {
          name: subject,
          fn: () => {
            sink.value ^= once();
          },
          opsPerCall: 1,
        },
      ],
      { timeMs: 1_000, minSamples: 5 },
    ).get(subject)!;
    return [
      {
        case: 'createTicketMachine, timer chain',
        subject: `${STATUSES} statuses, ${subject}`,
        ours: `${formatDuration(ns)} (heap +${heapMb.toFixed(0)} MB)`,
        reference: 'was 28 s, 2.2 GB',
        ratio: '',
        target: `< ${TARGET_MS} ms`,
        verdict: ns < TARGET_MS * 1e6 ? 'PASS' : 'MISS',
      },
    ];
  },
};
