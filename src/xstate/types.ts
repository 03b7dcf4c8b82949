import type { Category, CreateTicketInput, Effect, Ticket, TicketEvent } from 'ticket-lifecycle';
import type { ActorRefFromLogic, CallbackActorLogic, MetaObject, StateMachine, StateSchema } from 'xstate';
import type { TicketTimerInput } from './timer-actor.js';

/**
 * What a ticket machine holds: the ticket, exactly as the pure `transition` would have left it.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { zendesk, type ZendeskStatus } from 'ticket-lifecycle/presets';
 * import { createTicketMachine, type TicketMachineContext } from 'ticket-lifecycle/xstate';
 * const actor = createActor(createTicketMachine(zendesk()), { input: { at: 0 } }).start();
 * const context: TicketMachineContext<ZendeskStatus> = actor.getSnapshot().context;
 * context.ticket.version; // 1
 * ```
 */
export interface TicketMachineContext<S extends string = string> {
  readonly ticket: Ticket<S>;
}

/**
 * Input of a ticket machine: `{ ticket }` resumes a stored ticket, `{ at, by?, channel?, assignee? }` creates one
 * (as `createTicket` does). `now` is the clock live timers read (default: the machine's `now` option, itself
 * `Date.now` by default); it is kept out of the snapshot, so a restored actor reads the machine's option.
 *
 * @example
 * ```ts
 * import type { TicketMachineInput } from 'ticket-lifecycle/xstate';
 * const create: TicketMachineInput<'open'> = { at: Date.UTC(2026, 0, 5), channel: 'email' };
 * const resumeWithClock: TicketMachineInput<'open'> = { ...create, now: () => Date.UTC(2026, 0, 6) };
 * ```
 */
export type TicketMachineInput<S extends string = string> = (
  | { readonly ticket: Ticket<S> }
  | (CreateTicketInput & { readonly ticket?: never })
) & { readonly now?: () => number };

/**
 * Options of {@link createTicketMachine}.
 *
 * @example
 * ```ts
 * import { SimulatedClock } from 'xstate';
 * import type { TicketMachineOptions } from 'ticket-lifecycle/xstate';
 * const clock = new SimulatedClock();
 * const options: TicketMachineOptions = { id: 'support', now: () => clock.now() };
 * ```
 */
export interface TicketMachineOptions {
  /** The machine's id (Stately shows it). Default `ticket`. */
  readonly id?: string;
  /**
   * The clock live timers read when an actor's input names none, and always after a snapshot is restored
   * (functions do not survive JSON). Default `Date.now`. Give it the same clock as the actor's `clock`.
   */
  readonly now?: () => number;
}

/**
 * The named guards of a ticket machine. Each candidate transition between two status nodes is guarded by the
 * rule family that can cause that move (`replyRule` for a reply, `closeRule` for a close, …, `timerRule` when only
 * a timer that came due first can), and every one of them asks the same question of the pure engine: "does
 * `transition` put the ticket in `to`?". `rearmsTimers` marks a change inside one status that moves its next
 * deadline, `accepted` any other accepted event, and `resumesIn` picks the stored ticket's status at start.
 * `landsElsewhere` never fires unless the machine lacks a transition the engine takes: it then routes the ticket
 * through the `(start)` node to the engine's status rather than let the machine drift from it.
 *
 * @example
 * ```ts
 * import type { TicketMachineGuard } from 'ticket-lifecycle/xstate';
 * const guard: TicketMachineGuard<'solved' | 'closed'> = { type: 'timerRule', params: { to: 'closed' } };
 * ```
 */
export type TicketMachineGuard<S extends string = string> =
  | { readonly type: TicketRuleGuardName; readonly params: { readonly to: S } }
  | { readonly type: 'resumesIn'; readonly params: { readonly status: S } }
  | { readonly type: 'rearmsTimers'; readonly params: undefined }
  | { readonly type: 'accepted'; readonly params: undefined }
  | { readonly type: 'landsElsewhere'; readonly params: undefined };

/**
 * Names of the guards that stand for the policy's rules.
 *
 * @example
 * ```ts
 * import type { TicketRuleGuardName } from 'ticket-lifecycle/xstate';
 * const name: TicketRuleGuardName = 'closeRule';
 * ```
 */
export type TicketRuleGuardName =
  | 'replyRule'
  | 'assignmentRule'
  | 'statusChangeRule'
  | 'resolveRule'
  | 'closeRule'
  | 'reopenRule'
  | 'snoozeRule'
  | 'mergeRule'
  | 'timerRule';

/**
 * The named actions of a ticket machine: `applyTransition` stores the engine's result, and one action per effect
 * type carries that effect as its `params`. The library never performs an effect: by default each effect action
 * only `emit`s the effect (observe it with `actor.on('reminderDue', …)`), and a host replaces any of them with
 * `machine.provide({ actions: { … } })`.
 *
 * @example
 * ```ts
 * import type { TicketMachineAction } from 'ticket-lifecycle/xstate';
 * const action: TicketMachineAction<'solved'> = {
 *   type: 'reminderDue',
 *   params: { type: 'reminderDue', timer: 'nudge', dueAt: 0, status: 'solved', index: 0 },
 * };
 * ```
 */
export type TicketMachineAction<S extends string = string> =
  | { readonly type: 'applyTransition'; readonly params: undefined }
  | {
      [K in Effect<S>['type']]: { readonly type: K; readonly params: Extract<Effect<S>, { type: K }> };
    }[Effect<S>['type']];

/**
 * The logic of the actor every status with timers invokes (id `timers`): it sends `tick` at the next deadline.
 *
 * @example
 * ```ts
 * import type { TicketTimerLogic } from 'ticket-lifecycle/xstate';
 * let logic: TicketTimerLogic | undefined;
 * ```
 */
export type TicketTimerLogic = CallbackActorLogic<{ type: 'ticket-lifecycle.wake' }, TicketTimerInput>;

/**
 * The actors a ticket machine may invoke: only the timer actor, `ticketTimers`. A host that runs its own sweeper
 * can replace it with `machine.provide({ actors: { ticketTimers: fromCallback(() => {}) } })`.
 *
 * @example
 * ```ts
 * import type { TicketMachineActor } from 'ticket-lifecycle/xstate';
 * type Src = TicketMachineActor['src']; // 'ticketTimers'
 * ```
 */
export interface TicketMachineActor {
  readonly src: 'ticketTimers';
  readonly logic: TicketTimerLogic;
  readonly id: string | undefined;
}

/**
 * The XState v5 machine of a policy with status ids `S`: `snapshot.value` is an `S`, `snapshot.matches` takes
 * only an `S`, events are the engine's {@link TicketEvent}s, tags are status categories, emitted events are the
 * engine's {@link Effect}s.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { tawkTo, type TawkToStatus } from 'ticket-lifecycle/presets';
 * import { createTicketMachine, type TicketMachine } from 'ticket-lifecycle/xstate';
 * const machine: TicketMachine<TawkToStatus> = createTicketMachine(tawkTo());
 * createActor(machine, { input: { at: 0 } }).start().getSnapshot().matches('open'); // true
 * ```
 */
export type TicketMachine<S extends string = string> = StateMachine<
  TicketMachineContext<S>,
  TicketEvent<S>,
  { timers?: ActorRefFromLogic<TicketTimerLogic> },
  TicketMachineActor,
  TicketMachineAction<S>,
  TicketMachineGuard<S>,
  never,
  S,
  Category,
  // Optional to the type checker only so that `createActor(machine, { snapshot })` compiles: XState ignores
  // input when restoring, and a fresh actor without input fails at start with a clear error.
  TicketMachineInput<S> | undefined,
  unknown,
  Effect<S>,
  MetaObject,
  StateSchema
>;
