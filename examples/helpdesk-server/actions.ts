// What an actor may do with a ticket now: the buttons a helpdesk UI draws, asked of the engine with `can`
// (a no-op answers false, so no button does nothing).
import { can, type Actor, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';

export function actionsFor<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<S>,
  by: Actor,
  at: number,
): Record<string, boolean> {
  const candidates: Record<string, TicketEvent<S>> = {
    reply: { type: 'reply', by, at },
    note: { type: 'note', by, at },
    resolve: { type: 'resolve', by, at },
    close: { type: 'close', by, at },
    reopen: { type: 'reopen', by, at },
    snooze: { type: 'snooze', by, at },
  };
  for (const status of workflow.statuses) {
    if (status.id !== ticket.status)
      candidates[`setStatus:${status.id}`] = { type: 'setStatus', by, at, to: status.id };
  }
  const answers: Record<string, boolean> = {};
  for (const [name, event] of Object.entries(candidates)) answers[name] = can(workflow, ticket, event);
  return answers;
}
