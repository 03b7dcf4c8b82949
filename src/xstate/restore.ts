import { nextDeadline, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import type { TicketTimerInput } from './timer-actor.js';

/**
 * Codes of {@link TicketMachineError}: no input at all, input that is not one (not an object, an `at` or `by`
 * `createTicket` refuses, a `now` that is not a function), a ticket the workflow refuses (in `input.ticket` or in a
 * restored snapshot), or a snapshot that is not one this machine persisted.
 *
 * @example
 * ```ts
 * import type { TicketMachineErrorCode } from 'ticket-lifecycle/xstate';
 * const code: TicketMachineErrorCode = 'invalidSnapshot';
 * ```
 */
export type TicketMachineErrorCode = 'missingInput' | 'invalidInput' | 'invalidTicket' | 'invalidSnapshot';

/**
 * Why an actor of a ticket machine could not start: its `code`, the `path` of the offending value (`input.ticket`,
 * `context.ticket`, `value`, `status`…) and a sentence. XState turns it into an error snapshot: check
 * `actor.getSnapshot().status` before `start()`, or subscribe to errors.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { createTicketMachine, TicketMachineError } from 'ticket-lifecycle/xstate';
 * const stored = { status: 'active', value: 'closed', context: { ticket: { status: 'bogus' } }, children: {} };
 * const actor = createActor(createTicketMachine(zendesk()), { snapshot: stored as never });
 * const { error } = actor.getSnapshot() as { error?: unknown };
 * if (error instanceof TicketMachineError) console.log(error.code, error.path); // invalidTicket context.ticket
 * ```
 */
export class TicketMachineError extends Error {
  override readonly name = 'TicketMachineError';
  constructor(
    readonly code: TicketMachineErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(`createTicketMachine: ${path} ${message}`);
  }
}

/** A value as a message shows it; JSON first (it quotes strings), whatever cannot be printed as such. */
const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return 'an unprintable value';
  }
};

/**
 * The actor's own copy of a stored ticket, checked by the engine itself: `transition` refuses any ticket that is
 * not one of this workflow, so a `tick` at the ticket's own time is the check, and its verdict the message. The
 * copy is taken first and checked, so nothing the caller keeps (or a getter) can change it afterwards.
 */
export function ownTicket(workflow: Workflow, value: unknown, path: string): Ticket {
  let copy: Ticket | undefined;
  try {
    copy = JSON.parse(JSON.stringify(value) ?? 'null') as Ticket;
  } catch {}
  const updatedAt = copy?.updatedAt;
  const probe = transition(workflow, copy as Ticket, {
    type: 'tick',
    at: Number.isSafeInteger(updatedAt) ? updatedAt! : 0,
  });
  if (!probe.ok)
    throw new TicketMachineError(
      'invalidTicket',
      path,
      `is not a ticket of this workflow (${probe.error.code}: ${probe.error.message})`,
    );
  return copy!;
}

/**
 * A persisted snapshot, checked and rebuilt from its ticket alone. Only `context.ticket` is kept (copied and
 * checked like `input.ticket`); the state value must name the ticket's status and the status be `active`; the
 * timer actor is made afresh from the ticket and the workflow of this machine (a snapshot persisted under
 * another policy, or with its timer input edited, gets the deadline the current policy gives). History and any
 * other field are dropped: a ticket machine has none.
 */
export function checkedSnapshot(workflow: Workflow, timed: ReadonlySet<string>, snapshot: unknown): unknown {
  const { status, value, context } = (snapshot ?? {}) as {
    status?: unknown;
    value?: unknown;
    context?: { ticket?: unknown };
  };
  if (status !== 'active')
    throw new TicketMachineError('invalidSnapshot', 'status', `must be "active", not ${show(status)}`);
  const ticket = ownTicket(workflow, context?.ticket, 'context.ticket');
  if (value !== ticket.status)
    throw new TicketMachineError(
      'invalidSnapshot',
      'value',
      `${show(value)} is not the ticket's status "${ticket.status}"`,
    );
  const timerInput: TicketTimerInput = { deadline: nextDeadline(workflow, ticket) };
  return {
    status: 'active',
    value: ticket.status,
    historyValue: {},
    context: { ticket },
    children: timed.has(ticket.status)
      ? { timers: { src: 'ticketTimers', syncSnapshot: false, snapshot: { status: 'active', input: timerInput } } }
      : {},
  };
}

/**
 * Makes `machine` (and every machine `provide` derives from it) check snapshots before XState restores them.
 * XState calls `restoreSnapshot` inside `createActor`, and turns what it throws into an error snapshot.
 */
export function checkingRestore<M extends Restorable>(machine: M, check: (snapshot: unknown) => unknown): M {
  const restore = machine.restoreSnapshot.bind(machine);
  const provide = machine.provide.bind(machine);
  machine.restoreSnapshot = ((snapshot: never, scope: never) =>
    restore(check(snapshot) as never, scope)) as M['restoreSnapshot'];
  machine.provide = ((implementations: never) => checkingRestore(provide(implementations) as M, check)) as M['provide'];
  return machine;
}

/** The two members of an XState `StateMachine` that restoring touches. */
interface Restorable {
  restoreSnapshot(snapshot: never, scope: never): unknown;
  provide(implementations: never): unknown;
}
