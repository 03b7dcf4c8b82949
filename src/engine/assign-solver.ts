import type { CompiledStatus } from '../policy/workflow.js';
import type { ActorEvent } from './guards.js';
import type { Step } from './handlers.js';
import { matchesWhen } from './when.js';

/**
 * `assignSolver` (Zendesk's "auto assign tickets upon solve"): before the rules judge an agent's move from the
 * step's status into the solved status `to`, an unassigned ticket gets the agent the event names (`actorId`) as its
 * assignee, when a `resolve` rule with `assignSolver` applies to the ticket (its statuses, actors and `when`). The rules then
 * judge the assigned ticket, so `requireAssignee` holds; if they refuse, the whole event is refused and nothing
 * changes. The `assigned` effect says who and why (`cause: 'solver'`).
 *
 * Called where a handler has its target and has not yet checked the move: it edits the step's own copy in place.
 */
export function assignSolver(step: Step, to: CompiledStatus, event: ActorEvent): void {
  const { ticket, status: from } = step;
  if (to.category !== 'solved' || from.category === 'solved') return;
  if (event.by !== 'agent' || event.actorId === undefined || ticket.assignee !== null) return;
  // The compiled candidates of an agent's resolve from there: the rules' statuses and actors, decided once.
  const applies = from.decide.resolve.agent.some((rule) => rule.assignSolver && matchesWhen(rule.when, ticket));
  if (!applies) return;
  step.effects.push({ type: 'assigned', from: null, to: event.actorId, at: event.at, cause: 'solver' });
  step.changed = true;
  ticket.assignee = event.actorId;
  ticket.updatedAt = event.at;
}
