import type { CompiledWhen } from '../policy/compile-when.js';
import type { CompiledReply } from '../policy/workflow.js';
import type { Ticket } from './ticket.js';

/**
 * Whether a rule's or a timer's compiled `when` holds for the ticket (`null`: it always does). Set lookups and a
 * scan of the ticket's few tags (at most `TICKET_LIMITS.maxTags`); no allocation.
 */
export function matchesWhen(when: CompiledWhen | null, ticket: Ticket): boolean {
  if (when === null) return true;
  if (when.priority !== null && !when.priority.has(ticket.priority)) return false;
  if (when.group !== null && !when.group.has(ticket.group)) return false;
  if (when.channel !== null && !when.channel.has(ticket.channel)) return false;
  const tags = ticket.tags;
  if (when.tagsAny.length > 0 && !when.tagsAny.some((tag) => tags.includes(tag))) return false;
  for (const tag of when.tagsAll) if (!tags.includes(tag)) return false;
  for (const tag of when.tagsNone) if (tags.includes(tag)) return false;
  return true;
}

/** The reply rule that applies to the ticket: the first of the status's candidates whose `when` holds. */
export function replyRuleFor(first: CompiledReply, ticket: Ticket): CompiledReply {
  let rule = first;
  while (rule.next !== null && !matchesWhen(rule.when, ticket)) rule = rule.next;
  return rule;
}
