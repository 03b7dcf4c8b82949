import type { TickEvent } from 'ticket-lifecycle';
import { fromCallback, type CallbackActorLogic, type EventObject } from 'xstate';

/**
 * The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days). Longer delays fire at once in Node and
 * browsers, so the timer actor waits in steps of at most this and checks the clock again after each: Zendesk's
 * 28-day auto-close fires on time, not immediately.
 *
 * @example
 * ```ts
 * import { MAX_TIMEOUT_MS } from 'ticket-lifecycle/xstate';
 * Math.ceil((28 * 86_400_000) / MAX_TIMEOUT_MS); // 2 steps of sleep for a 28-day wait
 * ```
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * What the timer actor of a status is started with: the ticket's next deadline, and the clock to read. A host that
 * replaces the actor (`machine.provide({ actors: { ticketTimers } })`) receives this as its input.
 *
 * @example
 * ```ts
 * import type { TicketTimerInput } from 'ticket-lifecycle/xstate';
 * const input: TicketTimerInput = { deadline: Date.UTC(2026, 0, 9, 11), now: Date.now };
 * ```
 */
export interface TicketTimerInput {
  /** `nextDeadline(workflow, ticket)` when the status was entered (or re-entered after the ticket changed). */
  readonly deadline: number | null;
  /**
   * The clock of the actor that invoked it, when its input named one. Functions do not survive JSON, so a timer
   * restored from a persisted snapshot falls back to the machine's own `now` option.
   */
  readonly now?: () => number;
}

/** The message the timer actor schedules to itself (through the system scheduler, so it follows the actor's clock). */
interface WakeUp extends EventObject {
  readonly type: 'ticket-lifecycle.wake';
}

/** Id of the scheduled wake-up, per timer actor: cancelled when the actor stops (the status is left). */
const WAKE_ID = 'deadline';

/** The latest time the engine accepts (the Date range). */
const MAX_TIME = 8.64e15;

/**
 * The one `tick` that applies everything due by now: at the clock's time when it is past the deadline (a late
 * wake-up, or a restore after an outage), so a repeating reminder missed 144,000 times yields one `reminderDue`,
 * exactly as a sweeper's `tick` at that time would, and never one event per missed deadline. A clock that
 * reads junk (NaN, beyond the Date range) falls back to the deadline itself.
 */
function catchUpTick(deadline: number, time: number): TickEvent {
  return { type: 'tick', at: time > deadline && time <= MAX_TIME ? time : deadline };
}

/**
 * The logic of the actor each timed status invokes. It waits until the deadline it was given, reading time
 * from `now` and sleeping through the actor system's scheduler (so `SimulatedClock` and a persisted actor's
 * clock apply), then sends its parent one `tick` at the clock's time (the deadline itself when it wakes on time): the
 * same
 * change a sweeper's `tick` at that instant makes. A deadline already past sends that tick at once (catch-up
 * after downtime: one event, whatever the outage).
 *
 * WHY an invoked actor and not `after`: XState persists invoked actors with their input and restarts them when a
 * snapshot is restored, but it does not persist delayed transitions, so an `after` timer would silently vanish
 * after `getPersistedSnapshot()` → JSON → `createActor(machine, { snapshot })`.
 */
export function ticketTimerLogic(defaultNow: () => number): CallbackActorLogic<WakeUp, TicketTimerInput> {
  return fromCallback<WakeUp, TicketTimerInput>(({ input, self, system, sendBack, receive }) => {
    const { deadline } = input;
    if (deadline === null) return undefined;
    const now = input.now ?? defaultNow;
    const arm = (): void => {
      const time = Math.floor(now());
      const remaining = deadline - time;
      // Woken early (a step of a long wait, or a timer that ran ahead of the wall clock): sleep again.
      if (remaining > 0)
        system.scheduler.schedule(
          self,
          self,
          { type: 'ticket-lifecycle.wake' },
          Math.min(remaining, MAX_TIMEOUT_MS),
          WAKE_ID,
        );
      else sendBack(catchUpTick(deadline, time));
    };
    receive((event) => {
      if (event.type === 'ticket-lifecycle.wake') arm();
    });
    arm();
    return () => system.scheduler.cancel(self, WAKE_ID);
  });
}
