import type { Actor } from '../model/actor.js';
import type { TicketEvent } from '../model/events.js';
import type { TransitionError } from './result.js';
import { show } from '../policy/show.js';
import { isShortName, MAX_NAME_LENGTH } from '../policy/ticket-limits.js';
import { isTime } from './time.js';

/** A refusal; `path` names the offending field of the input (`event.at`, `ticket.reopenCount`) when there is one. */
export const fail = (code: TransitionError['code'], message: string, path?: string): TransitionError =>
  path === undefined ? { code, message } : { code, message, path };

/**
 * The refusal for a status id the workflow does not have: in a stored ticket (`path` `ticket.status` or
 * `ticket.snoozedFrom`: a ticket stored under a policy that has since lost that status), or named by an event.
 * The code `unknownStatus` is stable: `migrateTicket` and hosts rely on it to tell a policy change from junk.
 */
export const unknownStatus = (id: unknown, path?: string): TransitionError =>
  fail('unknownStatus', `unknown status ${show(id)}`, path);

/** An assignee: `null` (unassigned) or a non-empty string. */
export const isAssignee = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value !== '');

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
  if (!isEventType(type)) return fail('unknownEventType', `unknown event type ${show(type)}`, 'event.type');
  // A tick has no actor: `by` is neither read nor kept.
  const by = type === 'tick' ? undefined : e.by;
  if (type !== 'tick' && !isActor(by)) return badActor(by, 'event');
  const at = e.at;
  if (!isTime(at)) return badTime();
  const actorId = type === 'tick' ? undefined : e.actorId;
  if (actorId !== undefined && !isShortName(actorId, MAX_NAME_LENGTH))
    return fail('invalidEvent', '"actorId" must be 1-64 characters', 'event.actorId');
  // One object shape for every event type, a tick's included, so the engine's property reads stay monomorphic;
  // only the fields of this type are read, in the order written here. One literal, not a literal of `undefined`s
  // filled by a `switch`: the same reads in less code. The handlers check the values; the cast restates what the
  // copy is checked against.
  const copy: EventCopy = {
    type,
    by: by as Actor | undefined,
    at,
    status: type === 'reply' ? e.status : undefined,
    auto: type === 'reply' ? e.auto : undefined,
    assignee: type === 'assign' ? e.assignee : undefined,
    to: type === 'setStatus' || type === 'reopen' ? e.to : undefined,
    until: type === 'setStatus' || type === 'snooze' ? e.until : undefined,
    reason: type === 'close' ? e.reason : undefined,
    force: type === 'resolve' || type === 'close' ? e.force : undefined,
    into: type === 'merge' ? e.into : undefined,
    actorId,
    priority: type === 'update' ? e.priority : undefined,
    group: type === 'update' ? e.group : undefined,
    tags: type === 'update' ? e.tags : undefined,
  };
  return copy as unknown as TicketEvent;
}

/** The engine's copy of any event: every optional field present, as read (or `undefined`; `by` of a tick). */
interface EventCopy {
  type: TicketEvent['type'];
  by: Actor | undefined;
  at: number;
  status: unknown;
  auto: unknown;
  assignee: unknown;
  to: unknown;
  until: unknown;
  reason: unknown;
  force: unknown;
  into: unknown;
  actorId: string | undefined;
  priority: unknown;
  group: unknown;
  tags: unknown;
}

/** One compare per type, most frequent first; a `Set` lookup would hash the string. */
function isEventType(type: unknown): type is TicketEvent['type'] {
  return (
    type === 'reply' ||
    type === 'note' ||
    type === 'assign' ||
    type === 'tick' ||
    type === 'setStatus' ||
    type === 'resolve' ||
    type === 'close' ||
    type === 'reopen' ||
    type === 'snooze' ||
    type === 'merge' ||
    type === 'update'
  );
}

/*
 * The refusals `createTicket` shares with events (it throws their message), so both name a mistake alike. `where`
 * is the path's root: `event`, or `input` for `createTicket`.
 */

export const badTime = (where = 'event'): TransitionError =>
  fail('invalidTime', '"at" must be a time (whole epoch ms)', `${where}.at`);

export const badActor = (value: unknown, where: string): TransitionError =>
  fail('unknownActor', `"by" must be customer, agent or system, not ${show(value)}`, `${where}.by`);

export const badAssignee = (): TransitionError =>
  fail('invalidAssignee', '"assignee" must be a non-empty string or null');
