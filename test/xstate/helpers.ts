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
 * What the actor's live timer does when its clock reads `time`: nothing before the ticket's next deadline; at or
 * after it, one `tick` at `time`, which applies everything due by then (a late wake-up catches up in one event,
 * however many deadlines it missed, exactly like a sweeper's `tick`).
 */
export function sweepAt(workflow: Workflow, ticket: Ticket, time: number): ReferenceStep {
  const due = nextDeadline(workflow, ticket);
  return due !== null && due <= time
    ? applyPure(workflow, ticket, { type: 'tick', at: time })
    : { ticket, effects: [], ok: true };
}
