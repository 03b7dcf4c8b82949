import { checkGroup, checkPriority, checkTags, sameTags } from './attributes.js';
import { fail } from './check-input.js';
import type { AttributeChanges } from './effects.js';
import type { UpdateEvent } from './events.js';
import { checkAction } from './guards.js';
import { edit, type Outcome, type Step } from './handlers.js';

/**
 * `update`: checks each given attribute (`unknownPriority`, `unknownGroup`, `invalidGroup`, `invalidTags`, path
 * `event.<field>`), then, when anything would change, the policy's `update` rules (judged on the ticket before the
 * change, `when` included), and records the change with an `updated` effect. Changing nothing is accepted and
 * changes nothing, as assigning the current assignee does.
 */
export function update(step: Step, event: UpdateEvent): Outcome {
  const { ticket } = step;
  const compiled = step.workflow.compiled;
  const { priority: p, group: g, tags: t } = event;
  if (p === undefined && g === undefined && t === undefined)
    return fail('invalidEvent', 'an update needs "priority", "group" or "tags"', 'event');
  const priority = p === undefined ? ticket.priority : checkPriority(compiled, p, 'event');
  if (priority !== null && typeof priority === 'object') return priority;
  const group = g === undefined ? ticket.group : checkGroup(compiled, g, 'event');
  if (group !== null && typeof group === 'object') return group;
  const tags = t === undefined ? ticket.tags : checkTags(t, 'event', false);
  if ('code' in tags) return tags;

  const changes: { -readonly [K in keyof AttributeChanges]: AttributeChanges[K] } = {};
  if (priority !== ticket.priority) changes.priority = { from: ticket.priority, to: priority };
  if (group !== ticket.group) changes.group = { from: ticket.group, to: group };
  if (!sameTags(tags, ticket.tags)) changes.tags = { from: ticket.tags, to: tags };
  if (Object.keys(changes).length === 0) return ticket;
  const refused = checkAction(compiled, 'update', ticket, event, event.by, false);
  if (refused !== null) return refused;
  step.effects.push({ type: 'updated', at: event.at, by: event.by, changes, timer: null });
  const next = edit(step);
  next.priority = priority;
  next.group = group;
  next.tags = tags;
  next.updatedAt = event.at;
  return next;
}
