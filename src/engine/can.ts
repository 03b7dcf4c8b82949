import type { Workflow } from '../policy/workflow.js';
import type { TicketEvent } from '../model/events.js';
import type { Ticket } from '../model/ticket.js';
import { transition } from './transition.js';

/**
 * Whether `transition` would accept the event **and** it would change the ticket or yield an effect: use it to
 * enable or hide buttons ("Close", "Mark as solved"). A no-op (closing a closed ticket) answers `false`, so a UI
 * never shows a button that does nothing. To list every button at once, see `availableActions`.
 *
 * @example
 * ```ts
 * import { can, createTicket } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const wf = zendesk();
 * const ticket = createTicket(wf, { at: 0 });
 * can(wf, ticket, { type: 'resolve', by: 'agent', at: 1 }); // false: Zendesk needs an assignee to solve
 * ```
 */
export function can<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  event: TicketEvent<NoInfer<S>>,
): boolean {
  const result = transition(workflow, ticket, event);
  return result.ok && (result.changed || result.effects.length > 0);
}
