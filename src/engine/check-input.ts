import type { Actor } from '../policy/actor.js';
import type { TicketEvent } from './events.js';
import type { TransitionError } from './result.js';
import { isTime } from './time.js';

/** A refusal; `path` names the offending field of the input (`event.at`, `ticket.reopenCount`) when there is one. */
export const fail = (code: TransitionError['code'], message: string, path?: string): TransitionError =>
  path === undefined ? { code, message } : { code, message, path };

/**
 * A value as it appears in an error message; `undefined` (which JSON cannot show) included. Never throws: a
 * BigInt, a cycle or a hostile `toJSON` shows as its type instead.
 */
export function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return `a ${typeof value}`;
  }
}

/**
 * The refusal for a status id the workflow does not have: in a stored ticket (`path` `ticket.status` or
 * `ticket.snoozedFrom`: a ticket stored under a policy that has since lost that status), or named by an event.
 * The code `unknownStatus` is stable: `migrateTicket` and hosts rely on it to tell a policy change from junk.
 */
export const unknownStatus = (id: unknown, path?: string): TransitionError =>
  fail('unknownStatus', `status ${show(id)} is not in this workflow`, path);

export function isActor(value: unknown): value is Actor {
  return value === 'customer' || value === 'agent' || value === 'system';
}

/**
 * Reads an event once, field by field, into a fresh plain object, and checks what every event needs (`type`,
 * `by`, `at`). The engine then works on that copy only, so a getter that answers differently on each read, or
 * an event mutated by a guard, cannot make it act on a value it did not check. Fields specific to one event type
 * (`to`, `until`, `assignee`, …) are copied here and checked by that event's handler.
 */
export function readEvent(event: unknown): TicketEvent | TransitionError {
  if (typeof event !== 'object' || event === null) return fail('invalidEvent', 'an event must be an object', 'event');
  const e = event as Record<string, unknown>;
  const type = e.type;
  if (type === 'tick') {
    const at = e.at;
    return isTime(at) ? { type, at } : badTime();
  }
  if (
    type !== 'reply' && type !== 'note' && type !== 'assign' && type !== 'setStatus' && type !== 'resolve' &&
    type !== 'close' && type !== 'reopen' && type !== 'snooze'
  ) {
    return fail('unknownEventType', `unknown event type ${show(type)}`, 'event.type');
  }
  const by = e.by;
  if (!isActor(by)) return fail('unknownActor', `"by" must be customer, agent or system, not ${show(by)}`, 'event.by');
  const at = e.at;
  if (!isTime(at)) return badTime();
  // The handlers check these fields' values; the casts only restate what the copy will be checked against.
  switch (type) {
    case 'reply': return { type, by, at, status: e.status as string | undefined, auto: e.auto as boolean | undefined };
    case 'note': return { type, by, at };
    case 'assign': return { type, by, at, assignee: e.assignee as string | null };
    case 'setStatus': return { type, by, at, to: e.to as string, until: e.until as number | undefined };
    case 'resolve': return { type, by, at, force: e.force as boolean | undefined };
    case 'close': return { type, by, at, reason: e.reason as string | undefined, force: e.force as boolean | undefined };
    case 'reopen': return { type, by, at, to: e.to as string | undefined };
    case 'snooze': return { type, by, at, until: e.until as number | undefined };
  }
}

const badTime = (): TransitionError => fail('invalidTime', '"at" must be whole epoch milliseconds within the Date range', 'event.at');
