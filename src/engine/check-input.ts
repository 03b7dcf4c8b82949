import type { Actor } from '../policy/actor.js';
import type { CompiledWorkflow } from '../policy/workflow.js';
import type { TransitionError } from './result.js';
import type { Ticket } from './ticket.js';
import { isTime } from './time.js';

export const fail = (code: TransitionError['code'], message: string): TransitionError => ({ code, message });

/** A value as it appears in an error message; `undefined` (which JSON cannot show) included. */
const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** The refusal for a status id the workflow does not have: in a stored ticket, or named by an event. */
export const unknownStatus = (id: unknown): TransitionError => fail('unknownStatus', `status ${show(id)} is not in this workflow`);

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
      if (!isActor(by)) return fail('unknownActor', `"by" must be customer, agent or system, not ${show(by)}`);
      break;
    case 'tick':
      break;
    default:
      return fail('unknownEventType', `unknown event type ${show(type)}`);
  }
  if (!isTime(at)) return fail('invalidTime', '"at" must be whole epoch milliseconds within the Date range');
  return null;
}

/**
 * A plain object of non-negative whole counts. A `for…in` loop, not `Object.values(…).every(…)`: that allocates an
 * array and a closure per call, on every ticket of a sweep, for an object that is almost always empty.
 */
function isFiredCounts(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const n = (value as Record<string, unknown>)[key];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return false;
  }
  return true;
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
    return unknownStatus(t.status);
  }
  return hasTicketFields(compiled, t) ? null : fail('invalidTicket', 'not a ticket of this workflow (a field is missing or malformed)');
}

/**
 * Every field but `status` has the right shape. For callers that already looked the status up (the sweep
 * functions), so a hot loop does not pay for the same Map lookup twice.
 */
export function hasTicketFields(compiled: CompiledWorkflow, t: Record<keyof Ticket, unknown>): boolean {
  return (
    Number.isSafeInteger(t.version) && (t.version as number) >= 0 &&
    isTime(t.createdAt) && isTime(t.updatedAt) && isTime(t.statusChangedAt) && isTime(t.lastActivityAt) &&
    isTimeOrNull(t.lastCustomerMessageAt) && isTimeOrNull(t.lastAgentMessageAt) &&
    isTimeOrNull(t.closedAt) && isTimeOrNull(t.resolvedAt) && isTimeOrNull(t.until) &&
    (t.assignee === null || typeof t.assignee === 'string') &&
    (t.awaiting === null || t.awaiting === 'team' || t.awaiting === 'customer') &&
    Number.isSafeInteger(t.reopenCount) &&
    (t.snoozedFrom === null || (typeof t.snoozedFrom === 'string' && compiled.byId.has(t.snoozedFrom))) &&
    isFiredCounts(t.timersFired)
  );
}
