import { transition, type Ticket, type TicketEvent, type TransitionResult, type Workflow } from 'ticket-lifecycle';

/**
 * The pure `transition` of one event from one ticket, computed once however many guards and actions ask.
 *
 * WHY keyed by the event object: XState hands the very object that was sent to every guard of the candidate
 * transitions and then to the chosen transition's actions. The ticket is checked too, because the same event
 * object may be replayed from another snapshot (xstate's pure `transition()`, `xstate/graph`).
 */
export function cachedOutcome<S extends string>(workflow: Workflow<S>): (ticket: Ticket<S>, event: TicketEvent<S>) => TransitionResult<S> {
  const results = new WeakMap<object, { readonly ticket: Ticket<S>; readonly result: TransitionResult<S> }>();
  return (ticket, event) => {
    const known = results.get(event);
    if (known !== undefined && known.ticket === ticket) return known.result;
    const result = transition(workflow, ticket, event);
    results.set(event, { ticket, result });
    return result;
  };
}
