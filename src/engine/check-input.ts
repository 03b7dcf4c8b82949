import type { Actor } from '../policy/actor.js';
import type { CompiledWorkflow } from '../policy/workflow.js';
import type { TicketEvent } from './events.js';
import type { TransitionError } from './result.js';
import type { Ticket } from './ticket.js';
import { isTime } from './time.js';

const fail = (code: TransitionError['code'], message: string): TransitionError => ({ code, message });

export function isActor(value: unknown): value is Actor {
  return value === 'customer' || value === 'agent' || value === 'system';
}

const isTimeOrNull = (value: unknown): boolean => value === null || isTime(value);

/**
 * Checks what `transition` reads from an event, so junk gets a code instead of a crash. Field checks specific
 * to one event type (`to`, `until`, `assignee`) happen in that event's handler.
 */
export function checkEvent(event: unknown): TransitionError | null {
  if (typeof event !== 'object' || event === null) return fail('invalidEvent', 'an event must be an object');
  const { type, at, by } = event as { type?: unknown; at?: unknown; by?: unknown };
  switch (type) {
    case 'reply': case 'note': case 'assign': case 'setStatus': case 'resolve':
    case 'close': case 'reopen': case 'snooze':
      if (!isActor(by)) return fail('unknownActor', `"by" must be customer, agent or system, not ${JSON.stringify(by) ?? 'undefined'}`);
      break;
    case 'tick':
      break;
    default:
      return fail('unknownEventType', `unknown event type ${JSON.stringify(type) ?? 'undefined'}`);
  }
  if (!isTime(at)) return fail('invalidTime', '"at" must be whole epoch milliseconds within the Date range');
  return null;
}

/**
 * Checks that a value is a ticket of this workflow: every field the engine reads has the right shape, and its
 * statuses exist in the policy. A ticket stored under an older policy whose status was since removed fails here
 * with `unknownStatus`.
 */
export function checkTicket(compiled: CompiledWorkflow, ticket: unknown): TransitionError | null {
  if (typeof ticket !== 'object' || ticket === null) return fail('invalidTicket', 'a ticket must be an object');
  const t = ticket as Record<keyof Ticket, unknown>;
  if (typeof t.status !== 'string' || !compiled.byId.has(t.status)) {
    return fail('unknownStatus', `status ${JSON.stringify(t.status) ?? 'undefined'} is not in this workflow`);
  }
  const wellFormed =
    typeof t.version === 'number' && Number.isSafeInteger(t.version) && t.version >= 0 &&
    isTime(t.createdAt) && isTime(t.updatedAt) && isTime(t.statusChangedAt) && isTime(t.lastActivityAt) &&
    isTimeOrNull(t.lastCustomerMessageAt) && isTimeOrNull(t.lastAgentMessageAt) &&
    isTimeOrNull(t.closedAt) && isTimeOrNull(t.resolvedAt) && isTimeOrNull(t.until) &&
    (t.assignee === null || typeof t.assignee === 'string') &&
    (t.awaiting === null || t.awaiting === 'team' || t.awaiting === 'customer') &&
    typeof t.reopenCount === 'number' && Number.isSafeInteger(t.reopenCount) &&
    (t.snoozedFrom === null || (typeof t.snoozedFrom === 'string' && compiled.byId.has(t.snoozedFrom))) &&
    typeof t.timersFired === 'object' && t.timersFired !== null && !Array.isArray(t.timersFired) &&
    Object.values(t.timersFired).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);
  return wellFormed ? null : fail('invalidTicket', 'not a ticket of this workflow (a field is missing or malformed)');
}
