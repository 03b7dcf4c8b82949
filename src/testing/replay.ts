import {
  createTicket,
  transition,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import type { Law, Scenario } from './laws.js';

/*
 * Replaying a scenario, shared by the laws (laws.ts, sla-laws.ts) and `checkWorkflow`.
 */

export interface Step {
  readonly before: Ticket;
  readonly event: TicketEvent;
  readonly result: TransitionResult;
}

/** Applies the events in order, keeping refused ones out of the ticket, and records every step. */
export function replay(workflow: Workflow, scenario: Scenario): Step[] {
  let ticket = createTicket(workflow, {
    at: scenario.start,
    by: scenario.by,
    ...(scenario.channel !== undefined && { channel: scenario.channel }),
  });
  return scenario.events.map((event) => {
    const result = transition(workflow, ticket, event);
    const step = { before: ticket, event, result };
    if (result.ok) ticket = result.ticket;
    return step;
  });
}

export function first<T>(items: readonly T[], check: (item: T, index: number) => string | null): string | null {
  for (let i = 0; i < items.length; i++) {
    const problem = check(items[i]!, i);
    if (problem !== null) return problem;
  }
  return null;
}

/** A law checked on every step of the scenario's replay: the first problem found, or `null`. */
export const eachStep =
  (check: (step: Step, workflow: Workflow) => string | null): Law =>
  (workflow, scenario) =>
    first(replay(workflow, scenario), (step) => check(step, workflow));
