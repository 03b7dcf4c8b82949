import {
  EVENT_TYPES as EVENT_TYPE_LIST,
  type Effect,
  type Ticket,
  type TicketEvent,
  type TransitionError,
  type TransitionErrorCode,
  type TransitionResult,
} from 'ticket-lifecycle';

/** The status ids of the tawk.to preset. */
type TawkStatus = 'open' | 'pending' | 'closed';
type Actor = 'customer' | 'agent' | 'system';
type Draft = { -readonly [K in keyof Ticket]: Ticket[K] };

const MAX_TIME = 8.64e15;
// The contract's own list: a baseline that kept a copy would drift when an event type is added.
const EVENT_TYPES: ReadonlySet<string> = new Set(EVENT_TYPE_LIST);
const NO_EFFECTS: readonly Effect[] = Object.freeze([]);
const NO_TIMERS_FIRED: Readonly<Record<string, number>> = Object.freeze({});
const NO_TAGS: readonly string[] = Object.freeze([]);

const isTime = (v: unknown): v is number =>
  typeof v === 'number' && v >= -MAX_TIME && v <= MAX_TIME && Number.isInteger(v);
const isShortName = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= 64;
const isActor = (v: unknown): v is Actor => v === 'customer' || v === 'agent' || v === 'system';
const isStatus = (v: unknown): v is TawkStatus => v === 'open' || v === 'pending' || v === 'closed';
const between = (v: unknown, from: number, to: number): v is number | null =>
  v === null || (isTime(v) && v >= from && v <= to);
const refuse = (ticket: unknown, code: TransitionErrorCode, message: string): TransitionResult<TawkStatus> => ({
  ok: false,
  ticket: ticket as Ticket<TawkStatus>,
  error: { code, message } as TransitionError,
});

/**
 * Reads and checks every field of a stored tawk.to ticket exactly once, into the one copy this event may edit:
 * the same checks as the engine (types, enums, ranges, time order), written out by hand for one policy.
 */
function readTicket(value: unknown): Draft | TransitionErrorCode {
  if (typeof value !== 'object' || value === null) return 'invalidTicket';
  const t = value as Record<string, unknown>;
  const status = t.status;
  if (!isStatus(status)) return 'unknownStatus';
  const version = t.version,
    createdAt = t.createdAt,
    updatedAt = t.updatedAt,
    statusChangedAt = t.statusChangedAt;
  if (
    !Number.isSafeInteger(version) ||
    (version as number) < 1 ||
    !isTime(createdAt) ||
    !isTime(updatedAt) ||
    updatedAt < createdAt
  )
    return 'invalidTicket';
  if (!isTime(statusChangedAt) || statusChangedAt < createdAt || statusChangedAt > updatedAt) return 'invalidTicket';
  const assignee = t.assignee,
    channel = t.channel;
  if (assignee !== null && (typeof assignee !== 'string' || assignee === '')) return 'invalidTicket';
  if (channel !== null && (typeof channel !== 'string' || channel === '' || channel.length > 64))
    return 'invalidTicket';
  // tawk.to declares no priorities or groups: a stored priority must be absent or null; tags a short sorted list.
  const priority = t.priority ?? null,
    group = t.group ?? null,
    tags = t.tags ?? NO_TAGS,
    attributesChangedAt = t.attributesChangedAt ?? null;
  if (!between(attributesChangedAt, createdAt, updatedAt)) return 'invalidTicket';
  if (priority !== null || (group !== null && (typeof group !== 'string' || group === '' || group.length > 64)))
    return 'invalidTicket';
  if (!Array.isArray(tags) || tags.length > 50) return 'invalidTicket';
  for (let i = 0; i < tags.length; i++) {
    const tag: unknown = tags[i];
    if (typeof tag !== 'string' || tag === '' || tag.length > 64 || (i > 0 && tag <= tags[i - 1]))
      return 'invalidTicket';
  }
  const lastCustomerMessageAt = t.lastCustomerMessageAt,
    lastAgentMessageAt = t.lastAgentMessageAt,
    lastActivityAt = t.lastActivityAt;
  if (!between(lastCustomerMessageAt, createdAt, updatedAt) || !between(lastAgentMessageAt, createdAt, updatedAt))
    return 'invalidTicket';
  if (!isTime(lastActivityAt) || lastActivityAt < createdAt || lastActivityAt > updatedAt) return 'invalidTicket';
  const awaiting = t.awaiting,
    reopenCount = t.reopenCount,
    closedAt = t.closedAt,
    closedBy = t.closedBy,
    closeReason = t.closeReason;
  if (awaiting !== null && awaiting !== 'team' && awaiting !== 'customer') return 'invalidTicket';
  if (!Number.isSafeInteger(reopenCount) || (reopenCount as number) < 0 || !between(closedAt, createdAt, updatedAt))
    return 'invalidTicket';
  if (closedAt === null ? closedBy !== null : !isActor(closedBy)) return 'invalidTicket';
  if (closeReason !== null && (typeof closeReason !== 'string' || closedAt === null)) return 'invalidTicket';
  const resolvedAt = t.resolvedAt,
    until = t.until,
    snoozedFrom = t.snoozedFrom,
    timersFired = t.timersFired;
  if (!between(resolvedAt, createdAt, updatedAt) || (until !== null && !isTime(until))) return 'invalidTicket';
  if (snoozedFrom !== null && !isStatus(snoozedFrom)) return 'unknownStatus';
  if (typeof timersFired !== 'object' || timersFired === null || Array.isArray(timersFired)) return 'invalidTicket';
  // tawk.to has no timers: any count is stale, but it must still be a whole count.
  for (const key in timersFired) {
    const n = (timersFired as Record<string, unknown>)[key];
    if (Object.hasOwn(timersFired, key) && (!Number.isSafeInteger(n) || (n as number) < 0)) return 'invalidTicket';
  }
  return {
    status,
    version: version as number,
    createdAt,
    updatedAt,
    statusChangedAt,
    assignee,
    channel,
    priority,
    group,
    tags: tags.length === 0 ? NO_TAGS : [...tags],
    attributesChangedAt,
    lastCustomerMessageAt,
    lastAgentMessageAt,
    lastActivityAt,
    awaiting,
    reopenCount: reopenCount as number,
    closedAt,
    closedBy: closedBy as Actor | null,
    closeReason,
    resolvedAt,
    until,
    snoozedFrom,
    timersFired: NO_TIMERS_FIRED,
    sla: null,
  };
}

/** The copy entering `to` at `at`, with the effects the engine reports for it. */
function move(
  t: Draft,
  to: TawkStatus,
  at: number,
  by: Actor,
  cause: 'reply' | 'setStatus' | 'close' | 'reopen' | 'merge',
  reason: string | null,
  effects: Effect[],
): void {
  const from = t.status as TawkStatus;
  effects.push({ type: 'statusChanged', from, to, at, cause });
  if (from === 'closed') {
    effects.push({ type: 'reopened', from, to, at, by });
    t.reopenCount++;
  }
  t.status = to;
  t.updatedAt = at;
  t.statusChangedAt = at;
  t.until = null;
  t.timersFired = NO_TIMERS_FIRED;
  if (to === 'closed') {
    t.closedAt = at;
    t.closedBy = by;
    t.closeReason = reason;
  }
}

/** Moves only agents and the system may choose (customers choose none); every such move passes tawk.to's rules. */
const mayChoose = (by: Actor): boolean => by !== 'customer';

/**
 * The tawk.to lifecycle written by hand with the engine's whole contract, as a careful team would write it for one
 * policy: every field of the event and the ticket read once and checked (same codes), a stale event refused, the
 * effects, the result object with `changed`, one copy of the ticket per event, and the input returned when nothing
 * changed. A test (test/reliability/contract-reducer.test.ts) checks it deep-equal to `transition(tawkTo(), …)`,
 * effects included, so the bench's ratio is the price of the engine's generality alone.
 *
 * @example
 * ```ts
 * const r = tawkToContractReducer(ticket, { type: 'reply', by: 'agent', at: ticket.updatedAt + 1 }); // open → pending
 * ```
 */
export function tawkToContractReducer(input: Ticket, rawEvent: TicketEvent): TransitionResult<TawkStatus> {
  if (typeof rawEvent !== 'object' || rawEvent === null)
    return refuse(input, 'invalidEvent', 'an event must be an object');
  const e = rawEvent as unknown as Record<string, unknown>;
  const type = e.type;
  if (typeof type !== 'string' || !EVENT_TYPES.has(type))
    return refuse(input, 'unknownEventType', 'unknown event type');
  const by = type === 'tick' ? 'system' : e.by;
  if (type !== 'tick' && !isActor(by)) return refuse(input, 'unknownActor', '"by" must be customer, agent or system');
  const at = e.at;
  if (!isTime(at)) return refuse(input, 'invalidTime', '"at" must be whole epoch milliseconds within the Date range');
  if (type !== 'tick') {
    const actorId = e.actorId;
    if (actorId !== undefined && !isShortName(actorId)) return refuse(input, 'invalidEvent', 'bad actorId');
  }
  const t = readTicket(input);
  if (typeof t === 'string') return refuse(input, t, 'not a ticket of this workflow');
  if (type !== 'tick' && at < t.updatedAt) return refuse(input, 'staleEvent', 'the event is older than the ticket');
  const status = t.status as TawkStatus;
  const effects: Effect[] = [];
  let changed = false;
  switch (type) {
    case 'tick':
      break;
    case 'note':
      changed = t.lastActivityAt !== at || t.updatedAt !== at;
      t.lastActivityAt = at;
      t.updatedAt = at;
      break;
    case 'reply': {
      const auto = e.auto,
        chosen = e.status;
      if (auto !== undefined && typeof auto !== 'boolean')
        return refuse(input, 'invalidEvent', '"auto" must be true or false');
      if (auto === true) {
        // An auto-reply is activity only.
        changed = t.lastActivityAt !== at || t.updatedAt !== at;
        t.lastActivityAt = at;
        t.updatedAt = at;
        break;
      }
      const customer = by === 'customer';
      changed =
        t.updatedAt !== at ||
        t.lastActivityAt !== at ||
        (customer
          ? t.lastCustomerMessageAt !== at || t.awaiting !== 'team'
          : t.lastAgentMessageAt !== at || t.awaiting !== 'customer');
      if (customer) t.lastCustomerMessageAt = at;
      else t.lastAgentMessageAt = at;
      t.awaiting = customer ? 'team' : 'customer';
      t.lastActivityAt = at;
      t.updatedAt = at;
      let to: TawkStatus = status;
      if (chosen !== undefined) {
        if (!isStatus(chosen)) return refuse(input, 'unknownStatus', 'status is not in this workflow');
        // Choosing the current status is a choice too: it needs the same permission.
        if (!mayChoose(by as Actor)) return refuse(input, 'statusChangeNotAllowed', 'may not move');
        to = chosen;
      } else if (by === 'agent' && status === 'open') {
        to = 'pending';
      } else if (by !== 'system' && status !== 'open') {
        to = 'open';
      }
      if (to !== status) {
        move(t, to, at, by as Actor, 'reply', null, effects);
        changed = true;
      }
      if (customer && to !== 'open') effects.push({ type: 'replyNeedsAttention', status: to, at });
      break;
    }
    case 'assign': {
      const assignee = e.assignee;
      if (assignee !== null && (typeof assignee !== 'string' || assignee === ''))
        return refuse(input, 'invalidAssignee', 'bad assignee');
      if (assignee === t.assignee) break;
      // The default assign rule: agents and the system, never customers.
      if (by === 'customer') return refuse(input, 'assignNotAllowed', 'customers may not assign');
      effects.push({ type: 'assigned', from: t.assignee, to: assignee, at, cause: 'assign' });
      t.assignee = assignee;
      t.updatedAt = at;
      changed = true;
      break;
    }
    case 'setStatus': {
      const to = e.to,
        until = e.until;
      if (!isStatus(to)) return refuse(input, 'unknownStatus', 'status is not in this workflow');
      if (to === status && (until === undefined || until === t.until)) break;
      if (until !== undefined) {
        return isTime(until) && until > at
          ? refuse(input, 'untilNotAccepted', 'no timer counts to until')
          : refuse(input, 'invalidUntil', 'bad until');
      }
      if (!mayChoose(by as Actor)) return refuse(input, 'statusChangeNotAllowed', 'may not move');
      move(t, to, at, by as Actor, 'setStatus', null, effects);
      changed = true;
      break;
    }
    case 'resolve':
      return refuse(input, 'noTargetStatus', 'this workflow has no solved status');
    case 'snooze':
      return refuse(input, 'noTargetStatus', 'this workflow has no snoozed status');
    case 'close': {
      const reason = e.reason,
        force = e.force;
      if (reason !== undefined && typeof reason !== 'string')
        return refuse(input, 'invalidEvent', '"reason" must be a string');
      if (status === 'closed') break;
      if (by === 'customer') return refuse(input, 'closeNotAllowed', 'customers may not close');
      if (force === true) return refuse(input, 'forceNotAllowed', 'this actor may not force close');
      move(t, 'closed', at, by as Actor, 'close', reason ?? null, effects);
      changed = true;
      break;
    }
    case 'merge': {
      const into = e.into;
      if (typeof into !== 'string' || into === '') return refuse(input, 'invalidEvent', 'bad into');
      // Merging passes the close rules: agents and the system, from open or pending.
      if (by === 'customer' || status === 'closed') return refuse(input, 'mergeNotAllowed', 'may not merge');
      effects.push({ type: 'merged', into, at, by: by as Actor });
      move(t, 'closed', at, by as Actor, 'merge', `merged:${into}`, effects);
      changed = true;
      break;
    }
    case 'update': {
      const p = e.priority,
        g = e.group,
        tags = e.tags;
      if (p === undefined && g === undefined && tags === undefined)
        return refuse(input, 'invalidEvent', 'an update needs a field');
      // tawk.to declares no priorities and no groups: only `null` is a priority, any short name a group.
      if (p !== undefined && p !== null) return refuse(input, 'unknownPriority', 'no such priority');
      if (g !== undefined && g !== null && !isShortName(g)) return refuse(input, 'invalidGroup', 'bad group');
      let sorted: readonly string[] = t.tags;
      if (tags !== undefined) {
        if (!Array.isArray(tags) || tags.length > 50) return refuse(input, 'invalidTags', 'bad tags');
        const copy: unknown[] = [...tags];
        if (!copy.every(isShortName)) return refuse(input, 'invalidTags', 'bad tags');
        sorted = copy.length === 0 ? NO_TAGS : [...new Set(copy as string[])].sort();
      }
      const priority = p === undefined ? t.priority : p;
      const group = g === undefined ? t.group : (g as string | null);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (priority !== t.priority) changes.priority = { from: t.priority, to: priority };
      if (group !== t.group) changes.group = { from: t.group, to: group };
      if (sorted.length !== t.tags.length || sorted.some((tag, i) => tag !== t.tags[i]))
        changes.tags = { from: t.tags, to: sorted };
      if (Object.keys(changes).length === 0) break;
      // The default update rule: agents and the system, on tickets that are not closed.
      if (by === 'customer' || status === 'closed') return refuse(input, 'updateNotAllowed', 'may not update');
      effects.push({ type: 'updated', at, by: by as Actor, changes, timer: null } as Effect);
      t.priority = priority;
      t.group = group;
      t.tags = sorted;
      t.updatedAt = at;
      t.attributesChangedAt = at;
      changed = true;
      break;
    }
    case 'reopen': {
      const chosen = e.to;
      if (status !== 'closed') return refuse(input, 'reopenNotAllowed', 'not solved or closed');
      if (chosen !== undefined && !isStatus(chosen))
        return refuse(input, 'unknownStatus', 'status is not in this workflow');
      const to = (chosen ?? 'open') as TawkStatus;
      if (to === 'closed') return refuse(input, 'reopenNotAllowed', 'a reopen cannot land in closed');
      if (by === 'customer')
        return refuse(
          input,
          chosen === undefined ? 'reopenNotAllowed' : 'statusChangeNotAllowed',
          'customers may not reopen',
        );
      move(t, to, at, by as Actor, 'reopen', null, effects);
      changed = true;
      break;
    }
  }
  if (!changed)
    return {
      ok: true,
      ticket: input as Ticket<TawkStatus>,
      effects: (effects.length === 0 ? NO_EFFECTS : effects) as Effect<TawkStatus>[],
      changed: false,
    };
  if (t.version === Number.MAX_SAFE_INTEGER) return refuse(input, 'versionLimit', 'version limit');
  t.version++;
  return { ok: true, ticket: t as Ticket<TawkStatus>, effects: effects as Effect<TawkStatus>[], changed: true };
}
