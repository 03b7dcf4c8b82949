import { applyChanges, checkGroup, checkPriority, checkTags } from './attributes.js';
import { fail } from './check-input.js';
import { copyTicket } from './copy-ticket.js';
import type { UpdateEvent } from '../model/events.js';
import { checkAction } from './guards.js';
import { actionStep, type Outcome, type Step } from './handlers.js';

/**
 * `update`: checks each given attribute (`unknownPriority`, `unknownGroup`, `invalidGroup`, `invalidTags`, path
 * `event.<field>`), then, when anything would change, the policy's `update` rules (judged on the ticket before the
 * change, `when` included), and records the change with an `updated` effect. Changing nothing is accepted and
 * changes nothing, as assigning the current assignee does.
 */
export function update(step: Step, event: UpdateEvent): Outcome {
  const { ticket } = step;
  const compiled = step.workflow.compiled;
  const { priority: p, group: g, tags: t, at, by } = event;
  if (p === undefined && g === undefined && t === undefined)
    return fail('invalidEvent', 'an update needs "priority", "group" or "tags"', 'event');
  const priority = p === undefined ? undefined : checkPriority(compiled, p, 'event');
  if (priority != null && typeof priority === 'object') return priority;
  const group = g === undefined ? undefined : checkGroup(compiled, g, 'event');
  if (group != null && typeof group === 'object') return group;
  const tags = t === undefined ? undefined : checkTags(t, 'event', false);
  if (tags !== undefined && 'code' in tags) return tags;
  // The change is made on a copy of its own: the rules judge the ticket before it, and nothing changed means no
  // check at all (as assigning the current assignee).
  const next = copyTicket(ticket);
  const changes = applyChanges(next, { priority, group, tags }, at);
  if (changes === null) return ticket;
  const refused = checkAction(actionStep(step, event), 'update', false);
  if (refused !== null) return refused;
  step.effects.push({ type: 'updated', at, by, changes, timer: null });
  step.changed = true;
  next.updatedAt = at;
  return next;
}
