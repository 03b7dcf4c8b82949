// Shared by the xstate tests: the pure engine as the reference every machine run is compared with.
import { nextDeadline, transition, type Effect, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';

/** Every preset with its default options. */
export const PRESETS: readonly (readonly [string, Workflow])[] = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()] as const);

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** One step of the reference: the ticket after the event (unchanged when refused) and the effects it yielded. */
export interface ReferenceStep {
  readonly ticket: Ticket;
  readonly effects: readonly Effect[];
  readonly ok: boolean;
}

export function applyPure(workflow: Workflow, ticket: Ticket, event: TicketEvent): ReferenceStep {
  const result = transition(workflow, ticket, event);
  return result.ok ? { ticket: result.ticket, effects: result.effects, ok: true } : { ticket, effects: [], ok: false };
}

/**
 * What a live scheduler does before an event at `at`: a `tick` at each deadline strictly before `at`, one at a
 * time (an event at the very instant of a deadline goes first). Stops after `budget` ticks and reports it.
 */
export function fireDeadlinesBefore(
  workflow: Workflow,
  ticket: Ticket,
  at: number,
  budget: number,
): { ticket: Ticket; effects: Effect[]; ticks: number; exhausted: boolean } {
  let current = ticket;
  const effects: Effect[] = [];
  let ticks = 0;
  for (let due = nextDeadline(workflow, current); due !== null && due < at; due = nextDeadline(workflow, current)) {
    if (ticks === budget) return { ticket: current, effects, ticks, exhausted: true };
    const step = applyPure(workflow, current, { type: 'tick', at: due });
    current = step.ticket;
    effects.push(...step.effects);
    ticks++;
  }
  return { ticket: current, effects, ticks, exhausted: false };
}
