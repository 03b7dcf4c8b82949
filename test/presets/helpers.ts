// Shared scaffolding for the preset scenario tests: apply a list of events, fail loudly on any refusal, and
// hand back the final ticket with every effect, so each scenario reads as "given these events, expect this".
import { assert, expect } from 'vitest';
import {
  createTicket,
  nextDeadline,
  transition,
  type CreateTicketInput,
  type Effect,
  type Ticket,
  type TicketEvent,
  type TransitionError,
  type Workflow,
  WorkflowError,
} from 'ticket-lifecycle';

/** Monday 5 January 2026, 09:00 UTC: every scenario starts here. */
export const T0 = Date.UTC(2026, 0, 5, 9);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The final ticket and every effect, in order, of a scenario. */
export interface RunResult<S extends string> {
  readonly ticket: Ticket<S>;
  readonly effects: readonly Effect<S>[];
}

/**
 * Applies `events` in order, starting from `from` (a stored ticket) or a ticket created by a customer at T0.
 * The test fails, naming the event, as soon as one is refused: a scenario that expects a refusal uses
 * {@link refusal} for that step instead.
 */
export function run<S extends string>(
  workflow: Workflow<S>,
  events: readonly TicketEvent<NoInfer<S>>[],
  from: Ticket<NoInfer<S>> | CreateTicketInput = { at: T0 },
): RunResult<S> {
  let ticket: Ticket<S> = 'status' in from ? from : createTicket(workflow, from);
  const effects: Effect<S>[] = [];
  events.forEach((event, i) => {
    const result = transition(workflow, ticket, event);
    if (!result.ok) {
      assert.fail(`event #${i} ${JSON.stringify(event)} was refused: ${result.error.code} (${result.error.message})`);
    }
    ticket = result.ticket;
    effects.push(...result.effects);
  });
  return { ticket, effects };
}

/** The error `transition` gives for `event`; fails the test when the event is accepted. */
export function refusal<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  event: TicketEvent<NoInfer<S>>,
): TransitionError {
  const result = transition(workflow, ticket, event);
  if (result.ok)
    assert.fail(`expected ${JSON.stringify(event)} to be refused in "${ticket.status}", but it was accepted`);
  return result.error;
}

/** The effects of one type, narrowed, so tests can read their fields. */
export function effectsOf<S extends string, K extends Effect<S>['type']>(
  effects: readonly Effect<S>[],
  type: K,
): Extract<Effect<S>, { type: K }>[] {
  return effects.filter((e): e is Extract<Effect<S>, { type: K }> => e.type === type);
}

/** The status a ticket is in after `events` (a shorthand for the many one-line scenarios). */
export function statusAfter<S extends string>(
  workflow: Workflow<S>,
  events: readonly TicketEvent<NoInfer<S>>[],
  from?: Ticket<NoInfer<S>> | CreateTicketInput,
): S {
  return run(workflow, events, from).ticket.status;
}

/** Asserts that building a preset throws a WorkflowError whose only issue is `invalidOption` at `path`. */
export function expectInvalidOption(build: () => unknown, path: string): void {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkflowError);
  expect((error as WorkflowError).issues).toEqual([expect.objectContaining({ path, code: 'invalidOption' })]);
}

/** A Monday–Friday 09:00–17:00 office in `timeZone`: the business hours of the presets' business-time scenarios. */
export function officeHours(timeZone: string) {
  const day = [['09:00', '17:00']] as const;
  return { timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
}

/** A timer closes `ticket` exactly at `due` (it is still open 1 ms before), with `reason`, and says so in advance. */
export function expectClosesAt<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  due: number,
  reason: string,
): void {
  expect(nextDeadline(workflow, ticket)).toBe(due);
  expect(statusAfter(workflow, [{ type: 'tick', at: due - 1 }], ticket)).toBe(ticket.status);
  expect(run(workflow, [{ type: 'tick', at: due }], ticket).ticket).toMatchObject({
    closedAt: due,
    closedBy: 'system',
    closeReason: reason,
  });
}
