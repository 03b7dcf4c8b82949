import {
  createTicket,
  nextDeadline,
  type Category,
  type Effect,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import { emit, enqueueActions, setup, type AnyActorRef } from 'xstate';
import { cachedOutcome } from './outcome.js';
import { checkedSnapshot, checkingRestore, ownTicket, TicketMachineError } from './restore.js';
import { analyseTargets, timedStatuses, TICKET_EVENT_TYPES, type TicketEventType } from './targets.js';
import { ticketTimerLogic, type TicketTimerInput } from './timer-actor.js';
import type {
  TicketMachine,
  TicketMachineContext,
  TicketMachineInput,
  TicketMachineOptions,
  TicketRuleGuardName,
} from './types.js';

/**
 * The node a machine starts in, for one microstep, before it moves to the ticket's status. Its name cannot be a
 * status id (ids never contain parentheses), and no snapshot ever rests in it.
 */
const START = '(start)';

/** The rule family that can move a ticket on each event; `tick` and `note` move it only through timers. */
const RULE_GUARD: Readonly<Record<TicketEventType, TicketRuleGuardName>> = {
  reply: 'replyRule',
  note: 'timerRule',
  assign: 'assignmentRule',
  setStatus: 'statusChangeRule',
  resolve: 'resolveRule',
  close: 'closeRule',
  merge: 'mergeRule',
  // An update moves a ticket only through the timers that depend on what it changed.
  update: 'timerRule',
  reopen: 'reopenRule',
  snooze: 'snoozeRule',
  tick: 'timerRule',
};

type AnyEffectType = Effect['type'];
/** One named action per effect type; `satisfies` makes a new effect type in the engine a compile error here. */
const EFFECT_TYPES = Object.keys({
  statusChanged: true,
  reopened: true,
  followUpRequested: true,
  replyRejected: true,
  replyNeedsAttention: true,
  reminderDue: true,
  timerFired: true,
  timerBlocked: true,
  merged: true,
  assigned: true,
  slaWarning: true,
  slaBreached: true,
  slaMet: true,
  slaPolicyChanged: true,
  updated: true,
} as const satisfies Record<AnyEffectType, true>) as AnyEffectType[];

type EffectOf<K extends AnyEffectType> = Extract<Effect, { type: K }>;

/** XState reads `.` in a target as a path separator; status ids may contain dots, so they are escaped. */
const targetOf = (status: string): string => status.replaceAll('.', '\\.');

/**
 * The XState v5 machine of a policy, built with `setup({ types, guards, actions, actors })`. The pure engine is
 * its single source of truth: every guard and action asks `transition` (once per event, cached), so the machine
 * and `transition` never disagree.
 *
 * Structure (what Stately's visualiser and `xstate/graph` see):
 * - One state node per status, keyed by its id (so `snapshot.value` is the status id), tagged with its category
 *   (`snapshot.hasTag('closed')`), described by its agent label. A `(start)` node, left in the very first
 *   microstep, routes a resumed ticket to its status; no snapshot ever rests there.
 * - On each status node, for each event type, one transition per status the policy's rules for that status lead
 *   to (reply rules, assignment, resolve, close, snooze, reopen to its target; on `tick`, its own timers),
 *   guarded by the named guard of that rule family (`replyRule`, `assignmentRule`, `resolveRule`, `closeRule`,
 *   `snoozeRule`, `reopenRule`, `mergeRule`, `timerRule`, with `params: { to }`).
 * - On the root, inherited by every status node and tried after its own: moves to a status of the sender's
 *   choosing (`setStatus`, "send and mark as", `reopen` with `to`), once per status they may reach, under the
 *   same guards; `rearmsTimers` (same status, new deadline: back into it through `(start)`, which restarts its
 *   timer actor); `accepted` (same status); and `landsElsewhere`, which routes through `(start)` the moves made
 *   by timers that came due before the event (a catch-up through a chain of timers). Drawn once rather than per
 *   status, the machine stays linear in the policy: a 1000-status chain of timers builds in milliseconds.
 * - No status is `final`, closed ones included: the engine still accepts notes, follow-up requests, rejected
 *   replies or reopens there, and the actor must keep agreeing with it.
 *
 * Behaviour:
 * - Input `{ ticket }` resumes a stored ticket (the actor keeps its own copy), `{ at, by?, channel?, assignee? }`
 *   creates one (as `createTicket`); `now` is the clock live timers read (default: the `now` option, itself
 *   `Date.now` by default). An invalid stored ticket, or no input, makes the actor fail at start with a
 *   {@link TicketMachineError}.
 * - `snapshot.context.ticket` is exactly what `transition` returns for the same events. An event `transition`
 *   refuses takes no transition, so `snapshot.can(event)` equals `can(workflow, ticket, event)`; call
 *   `transition` itself to learn why.
 * - Effects: each accepted event runs `applyTransition`, which stores the ticket and enqueues one named action
 *   per effect, in order, with the effect as `params` (`statusChanged`, `reopened`, `followUpRequested`,
 *   `replyRejected`, `replyNeedsAttention`, `reminderDue`, `timerFired`, `assigned`). The library performs none
 *   of them. By default each only `emit`s its effect: observe them with `actor.on('reminderDue', …)` or
 *   `actor.on('*', …)`, replace any with `machine.provide({ actions: { reminderDue: (_, effect) => … } })`, or
 *   read them from the actions xstate's pure `transition()` returns (`xstate.emit` with `params.event`, or the
 *   named action once provided).
 * - Live timers: each status with timers invokes `ticketTimers` (child id `timers`), which sends
 *   one `tick` at the ticket's next deadline, or at the clock's time when that is later (a restore after an
 *   outage): the same change a sweeper's `tick` at that instant makes, so missed repeating reminders come as one
 *   `reminderDue`, never one per missed deadline. It sleeps through the actor system's scheduler (so
 * `createActor(machine, { clock })` and
 *   `SimulatedClock` apply) in steps of at most 2^31 − 1 ms, so Zendesk's 28-day close fires on time; a deadline
 *   already past when the actor starts fires at once. Leaving the status, or a change that moves the deadline
 *   (which re-enters it), cancels it. Give the actor's clock and `now` the same time source.
 * - Persistence: `getPersistedSnapshot()` → JSON → `createActor(machine, { snapshot })` resumes with its timer
 *   (XState does not persist `after` timers, which is why the machine uses an invoked actor instead). A restored
 *   snapshot is checked first: its ticket as `input.ticket` is, its value against the ticket's status; the timer
 *   is recomputed from the ticket and this machine's policy (a snapshot from another policy, or with edited
 *   timer fields, gets the right deadline). A snapshot that fails gives an error snapshot holding a
 *   {@link TicketMachineError} (`actor.getSnapshot().status === 'error'` before `start()`), never a crash later.
 *   A restored actor reads the `now` option, since functions do not survive JSON.
 * - Pure use: xstate's `initialTransition` / `transition` never start the timer actor, so no clock is read.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { createTicketMachine } from 'ticket-lifecycle/xstate';
 *
 * const machine = createTicketMachine(zendesk()).provide({
 *   actions: { followUpRequested: (_, effect) => console.log('open a follow-up ticket', effect.at) },
 * });
 * const actor = createActor(machine, { input: { at: Date.UTC(2026, 0, 5, 9) } });
 * actor.on('statusChanged', (e) => console.log(`${e.from} → ${e.to}`));
 * actor.start();
 * actor.send({ type: 'assign', by: 'agent', at: Date.UTC(2026, 0, 5, 10), assignee: 'ana' }); // new → open
 * actor.getSnapshot().value;                  // 'open'
 * actor.getSnapshot().context.ticket.version; // 2
 * ```
 */
export function createTicketMachine<S extends string>(
  workflow: Workflow<S>,
  options: TicketMachineOptions = {},
): TicketMachine<S> {
  return buildMachine(workflow as unknown as Workflow, options) as unknown as TicketMachine<S>;
}

function buildMachine(workflow: Workflow, options: TicketMachineOptions) {
  const outcome = cachedOutcome(workflow);
  const targets = analyseTargets(workflow);
  const timed = timedStatuses(workflow);
  /** Clocks named in actors' input, by actor: kept out of the (persisted) snapshot. */
  const clocks = new WeakMap<AnyActorRef, () => number>();

  type GuardArgs = { readonly context: TicketMachineContext; readonly event: TicketEvent };
  // An accepted event that changes nothing and yields no effect takes no transition: `snapshot.can` equals `can`.
  const acts = (result: TransitionResult): boolean => result.ok && (result.changed || result.effects.length > 0);
  const lands = ({ context, event }: GuardArgs, params: { to: string }): boolean => {
    const result = outcome(context.ticket, event);
    return acts(result) && result.ticket.status === params.to;
  };
  const effectActions = Object.fromEntries(
    EFFECT_TYPES.map((type) => [type, emit((_: unknown, effect: EffectOf<typeof type>) => effect)]),
  ) as {
    [K in AnyEffectType]: ReturnType<typeof emit<TicketMachineContext, TicketEvent, EffectOf<K>, TicketEvent, Effect>>;
  };

  const guards = {
    replyRule: lands,
    assignmentRule: lands,
    statusChangeRule: lands,
    resolveRule: lands,
    closeRule: lands,
    mergeRule: lands,
    reopenRule: lands,
    snoozeRule: lands,
    timerRule: lands,
    resumesIn: ({ context }: GuardArgs, params: { status: string }) => context.ticket.status === params.status,
    rearmsTimers: ({ context, event }: GuardArgs) => {
      if (!timed.has(context.ticket.status)) return false;
      const result = outcome(context.ticket, event);
      return (
        result.ok &&
        result.changed &&
        result.ticket.status === context.ticket.status &&
        nextDeadline(workflow, result.ticket) !== nextDeadline(workflow, context.ticket)
      );
    },
    accepted: ({ context, event }: GuardArgs) => {
      const result = outcome(context.ticket, event);
      return acts(result) && result.ticket.status === context.ticket.status;
    },
    // Timers that came due before the event moved the ticket somewhere its status has no edge to (a catch-up
    // through a chain of timers): `(start)` routes it to the engine's status. Never a throw (XState would take
    // the actor down, and Node with it), and never a drift from the engine.
    landsElsewhere: ({ context, event }: GuardArgs) => {
      const result = outcome(context.ticket, event);
      return acts(result) && result.ticket.status !== context.ticket.status;
    },
  };

  const ticketSetup = setup({
    types: {
      context: {} as TicketMachineContext,
      events: {} as TicketEvent,
      input: {} as TicketMachineInput | undefined,
      emitted: {} as Effect,
      tags: {} as Category,
    },
    actors: { ticketTimers: ticketTimerLogic(options.now ?? Date.now) },
    guards,
    actions: {
      ...effectActions,
      applyTransition: enqueueActions(({ context, event, enqueue }) => {
        const result = outcome(context.ticket, event);
        if (!result.ok) return;
        if (result.changed) enqueue.assign({ ticket: result.ticket });
        // Each effect goes to the action of its own type; TypeScript cannot pair the union's members by itself.
        for (const effect of result.effects) enqueue({ type: effect.type, params: effect } as never);
      }),
    },
  });

  const timerInput = ({ context, self }: { context: TicketMachineContext; self: AnyActorRef }): TicketTimerInput => {
    const now = clocks.get(self);
    return { deadline: nextDeadline(workflow, context.ticket), ...(now !== undefined && { now }) };
  };

  const statusNode = (status: Workflow['statuses'][number]) => {
    const on: Record<string, unknown[]> = {};
    for (const type of TICKET_EVENT_TYPES) {
      const { byRule, byTimer, when } = targets.ofStatus(status.id, type);
      on[type] = [
        ...byRule.map((to) => ({
          target: targetOf(to),
          guard: { type: RULE_GUARD[type], params: { to, ...(when?.has(to) && { when: when.get(to) }) } },
          actions: 'applyTransition',
        })),
        ...byTimer.map((to) => ({
          target: targetOf(to),
          guard: { type: 'timerRule', params: { to } },
          actions: 'applyTransition',
        })),
      ];
    }
    return {
      tags: [status.category],
      ...(status.labels.agent !== status.id && { description: status.labels.agent }),
      ...(timed.has(status.id) && { invoke: { id: 'timers', src: 'ticketTimers', input: timerInput } }),
      on,
    };
  };

  // Inherited by every status node and tried after the node's own: moves to a status of the event's choosing; a
  // change that moves the next deadline (through `(start)`, back into the same status, which restarts its timer
  // actor); any other accepted event that stays; and the router for moves made by timers that came due first.
  // Once here rather than once per status: the machine stays linear in the policy.
  const anyStatus: Record<string, unknown[]> = {};
  for (const type of TICKET_EVENT_TYPES) {
    const { byRule } = targets.ofAnyStatus(type);
    anyStatus[type] = [
      ...byRule.map((to) => ({
        target: `.${targetOf(to)}`,
        guard: { type: RULE_GUARD[type], params: { to } },
        actions: 'applyTransition',
      })),
      { target: `.${START}`, guard: 'rearmsTimers', actions: 'applyTransition' },
      { guard: 'accepted', actions: 'applyTransition' },
      { target: `.${START}`, guard: 'landsElsewhere', actions: 'applyTransition' },
    ];
  }

  const machine = ticketSetup.createMachine({
    id: options.id ?? 'ticket',
    on: anyStatus as never,
    context: ({ input, self }) => {
      if (input === undefined)
        throw new TicketMachineError(
          'missingInput',
          'input',
          'is missing: an actor needs input: { ticket } or { at, by?, channel?, assignee? }',
        );
      // Plain JavaScript callers can pass anything: a TypeError or createTicket's RangeError would be the error
      // snapshot's only clue, without the code and path every other refusal of the machine has.
      if (typeof input !== 'object' || input === null)
        throw new TicketMachineError('invalidInput', 'input', 'must be an object: { ticket } or { at, by?, … }');
      if (input.now !== undefined && typeof input.now !== 'function')
        throw new TicketMachineError('invalidInput', 'input.now', 'must be a function returning epoch ms');
      if (input.now !== undefined) clocks.set(self, input.now);
      return { ticket: startingTicket(workflow, input) };
    },
    initial: START,
    states: {
      [START]: {
        always: workflow.statuses.map((s) => ({
          target: targetOf(s.id),
          guard: { type: 'resumesIn' as const, params: { status: s.id } },
        })),
      },
      ...Object.fromEntries(workflow.statuses.map((s) => [s.id, statusNode(s)])),
    } as never,
  });
  return checkingRestore(machine, (snapshot) => checkedSnapshot(workflow, timed, snapshot));
}

/** The actor's own copy of the stored ticket, checked against the workflow, or a new one. */
function startingTicket(workflow: Workflow, input: TicketMachineInput): Ticket {
  if (input.ticket !== undefined) return ownTicket(workflow, input.ticket, 'input.ticket');
  try {
    return createTicket(workflow, input);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^createTicket: /, '') : String(error);
    throw new TicketMachineError('invalidInput', 'input', message);
  }
}
