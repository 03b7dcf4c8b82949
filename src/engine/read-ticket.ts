import type { CompiledStatus, CompiledWorkflow } from '../policy/workflow.js';
import { checkGroup, checkPriority, checkTags } from './attributes.js';
import { NONE } from './none.js';
import { fail, isActor, isAssignee, unknownStatus } from './check-input.js';
import type { DraftTicket } from './copy-ticket.js';
import { NO_TIMERS_FIRED } from './enter-status.js';
import type { Ticket } from '../model/ticket.js';
import type { TransitionError } from './result.js';
import { isTime } from './time.js';
import { isShortName } from '../policy/ticket-limits.js';

/**
 * The longest `channel` a ticket may carry: a channel is a short name (`email`, `chat`, `whatsapp`), like an id.
 * `createTicket` throws on a longer one and `transition` refuses a stored ticket holding one (`invalidTicket`).
 *
 * @example
 * ```ts
 * import { MAX_CHANNEL_LENGTH } from 'ticket-lifecycle';
 * const fits = (channel: string): boolean => channel.length > 0 && channel.length <= MAX_CHANNEL_LENGTH; // 64
 * ```
 */
export const MAX_CHANNEL_LENGTH = 64;

/** Whether a value may be a ticket's `channel`: `null` or a non-empty string of at most {@link MAX_CHANNEL_LENGTH}. */
export const isChannel = (value: unknown): value is string | null =>
  value === null || isShortName(value, MAX_CHANNEL_LENGTH);

/** The times a ticket's SLA clocks are checked against: what a clocks query keeps of a ticket it only checked. */
export type TicketSpan = Pick<Ticket, 'createdAt' | 'updatedAt'>;

/** `invalidTicket` for a stored field: `"reopenCount" must be a whole number from 0`, path `ticket.reopenCount`. */
const invalidField = (field: string, what: string): TransitionError =>
  fail('invalidTicket', `"${field}" must be ${what}`, `ticket.${field}`);

/** The refusal for a `channel` that is not {@link isChannel}: a stored ticket's, or `createTicket`'s (which throws it). */
export const badChannel = (): TransitionError => invalidField('channel', `1-${MAX_CHANNEL_LENGTH} characters or null`);

/**
 * The status a stored ticket claims to be in, looked up once for the whole call: `unknownStatus` (path
 * `ticket.status`) when the policy has no such status, `invalidTicket` when the value is not an object.
 */
export function lookUpStatus(compiled: CompiledWorkflow, ticket: unknown): CompiledStatus | TransitionError {
  if (typeof ticket !== 'object' || ticket === null)
    return fail('invalidTicket', 'a ticket must be an object', 'ticket');
  const id = (ticket as { status?: unknown }).status;
  const status = typeof id === 'string' ? compiled.byId.get(id) : undefined;
  return status ?? unknownStatus(id, 'ticket.status');
}

/**
 * Reads every other field of a stored ticket exactly once into a fresh copy, checking it on the way: types, enums,
 * ranges, and the order of its times (`createdAt ≤ statusChangedAt ≤ updatedAt`; every recorded moment between
 * `createdAt` and `updatedAt`). The engine then works on the copy only, so a hand-edited row or a getter that
 * answers differently on each read can never reach it. `status` is the one {@link lookUpStatus} found.
 *
 * Refusals carry `invalidTicket` and the field's path, or `unknownStatus` for a `snoozedFrom` the policy lacks
 * (`unknownPriority`, `unknownGroup` for a priority or group it does not declare). `priority`, `group` and `tags`
 * were added later: a ticket stored without them reads as `null`, `null` and `[]`, never refused.
 *
 * `forClocks` serves a query of the SLA clocks (`slaStatus`), which reads `sla` itself: the field is left unread
 * (`null` in the copy), and in a status without timers, where nothing the engine would apply can come due, every
 * field is checked the same way but nothing is copied: only the two times the clocks are checked against come back.
 */
export function readTicket(
  compiled: CompiledWorkflow,
  ticket: object,
  status: CompiledStatus,
): DraftTicket | TransitionError;
export function readTicket(
  compiled: CompiledWorkflow,
  ticket: object,
  status: CompiledStatus,
  forClocks: boolean,
): DraftTicket | TicketSpan | TransitionError;
export function readTicket(
  compiled: CompiledWorkflow,
  ticket: object,
  status: CompiledStatus,
  forClocks = false,
): DraftTicket | TicketSpan | TransitionError {
  const t = ticket as Record<string, unknown>;
  const version = t.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1)
    return invalidField('version', 'a whole number from 1');
  const createdAt = t.createdAt;
  if (!isTime(createdAt)) return invalidField('createdAt', 'a time');
  const updatedAt = t.updatedAt;
  if (!isTime(updatedAt) || updatedAt < createdAt) return invalidField('updatedAt', 'a time >= createdAt');
  const statusChangedAt = t.statusChangedAt;
  if (!isMoment(statusChangedAt, createdAt, updatedAt)) {
    return invalidField('statusChangedAt', 'a time between createdAt and updatedAt');
  }
  const assignee = t.assignee;
  if (!isAssignee(assignee)) return invalidField('assignee', 'a non-empty string or null');
  const channel = t.channel;
  if (!isChannel(channel)) return badChannel();
  // The common values (none, no tags, no fired timers) are taken here, before the full checks are called: V8
  // inlines only a few hundred bytes of callees into one function, and a call it never makes costs none of them,
  // so the small time checks below stay inlined (a double passed to a real call is boxed: one allocation each).
  const rawPriority = t.priority;
  const priority = rawPriority == null ? null : checkPriority(compiled, rawPriority, 'ticket');
  if (priority !== null && typeof priority === 'object') return priority;
  const rawGroup = t.group;
  const group = rawGroup == null ? null : checkGroup(compiled, rawGroup, 'ticket');
  if (group !== null && typeof group === 'object') return group;
  const rawTags = t.tags;
  const tags =
    rawTags === undefined || (Array.isArray(rawTags) && rawTags.length === 0)
      ? NONE
      : checkTags(rawTags, 'ticket', true);
  if ('code' in tags) return tags;
  const attributesChangedAt = t.attributesChangedAt ?? null;
  if (!isMomentOrNull(attributesChangedAt, createdAt, updatedAt))
    return invalidField('attributesChangedAt', BETWEEN_OR_NULL);
  const lastCustomerMessageAt = t.lastCustomerMessageAt;
  if (!isMomentOrNull(lastCustomerMessageAt, createdAt, updatedAt))
    return invalidField('lastCustomerMessageAt', BETWEEN_OR_NULL);
  const lastAgentMessageAt = t.lastAgentMessageAt;
  if (!isMomentOrNull(lastAgentMessageAt, createdAt, updatedAt))
    return invalidField('lastAgentMessageAt', BETWEEN_OR_NULL);
  const lastActivityAt = t.lastActivityAt;
  if (!isMoment(lastActivityAt, createdAt, updatedAt)) {
    return invalidField('lastActivityAt', 'a time between createdAt and updatedAt');
  }
  const awaiting = t.awaiting;
  if (awaiting !== null && awaiting !== 'team' && awaiting !== 'customer')
    return invalidField('awaiting', '"team", "customer" or null');
  const reopenCount = t.reopenCount;
  if (!Number.isSafeInteger(reopenCount) || (reopenCount as number) < 0)
    return invalidField('reopenCount', 'a whole number from 0');
  const closedAt = t.closedAt;
  if (!isMomentOrNull(closedAt, createdAt, updatedAt)) return invalidField('closedAt', BETWEEN_OR_NULL);
  const closedBy = t.closedBy;
  if (closedAt === null ? closedBy !== null : !isActor(closedBy))
    return invalidField('closedBy', 'an actor if closedAt is set, else null');
  const closeReason = t.closeReason;
  if (closeReason !== null && (typeof closeReason !== 'string' || closedAt === null))
    return invalidField('closeReason', 'null, or a string if closedAt is set');
  const resolvedAt = t.resolvedAt;
  if (!isMomentOrNull(resolvedAt, createdAt, updatedAt)) return invalidField('resolvedAt', BETWEEN_OR_NULL);
  const until = t.until;
  if (until !== null && !isTime(until)) return invalidField('until', 'a time or null');
  const snoozedFrom = t.snoozedFrom;
  if (snoozedFrom !== null && (typeof snoozedFrom !== 'string' || !compiled.byId.has(snoozedFrom)))
    return unknownStatus(snoozedFrom, 'ticket.snoozedFrom');
  const rawFired = t.timersFired;
  const timersFired = rawFired === NO_TIMERS_FIRED ? NO_TIMERS_FIRED : readTimersFired(rawFired, status);
  if (timersFired === null) return invalidField('timersFired', 'an object of counts');
  // A third of a clocks query's allocations, on a list's every row, were this copy (280 B).
  if (forClocks && status.timers.length === 0) return { createdAt, updatedAt };
  const read: DraftTicket = {
    status: status.id,
    version: version as number,
    createdAt,
    updatedAt,
    statusChangedAt,
    assignee,
    channel,
    priority,
    group,
    tags,
    attributesChangedAt,
    lastCustomerMessageAt,
    lastAgentMessageAt,
    lastActivityAt,
    awaiting,
    reopenCount: reopenCount as number,
    closedAt,
    closedBy: closedBy as DraftTicket['closedBy'],
    closeReason,
    resolvedAt,
    until,
    snoozedFrom,
    timersFired,
    sla: null,
  };
  // Absent (a ticket stored before SLAs) reads as `null`; without SLA policies there are no clocks to keep.
  const sla = compiled.sla === null || forClocks ? null : compiled.sla.read(t.sla, read);
  if (sla === undefined) return invalidField('sla', 'a SlaState or null');
  read.sla = sla;
  return read;
}

const BETWEEN_OR_NULL = 'a time between createdAt and updatedAt, or null';

/**
 * A time between two times, or `null`. Between two times means inside the Date range, so only the type and
 * wholeness are left to check: cheaper than `isTime` and the two compares again, on every field of every ticket.
 */
function isMomentOrNull(value: unknown, createdAt: number, updatedAt: number): value is number | null {
  return value === null || isMoment(value, createdAt, updatedAt);
}

function isMoment(value: unknown, createdAt: number, updatedAt: number): value is number {
  return typeof value === 'number' && value >= createdAt && value <= updatedAt && Number.isInteger(value);
}

/**
 * A plain object of whole counts, read once: a fresh copy holding the counts of this status's timers only (the
 * record is per stay, so any other key is stale junk, `__proto__` included), or the shared empty record. `null`
 * when it is not such an object. A `for…in` loop, not `Object.entries`: no array per call, on every ticket of a
 * sweep, for a record that is almost always empty. Linear in the keys: the status's timer ids are a set compiled
 * with the policy, so a record edited to hold many keys never costs keys × timers. (The engine's own shared empty
 * record, most tickets it returned, is taken by the caller before this is called.)
 */
function readTimersFired(value: unknown, status: CompiledStatus): Readonly<Record<string, number>> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let copy: Record<string, number> | null = null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const n = (value as Record<string, unknown>)[key];
    if (!Number.isSafeInteger(n) || (n as number) < 0) return null;
    if (!status.timerIds.has(key)) continue;
    copy ??= {};
    copy[key] = n as number;
  }
  return copy ?? NO_TIMERS_FIRED;
}
