import type { Actor } from '../policy/actor.js';

interface At {
  /** When it happened, in epoch milliseconds. */
  readonly at: number;
}
interface ByAt extends At {
  readonly by: Actor;
  /**
   * Who acted, in the host's terms (an agent's id): optional, 1 to 64 characters. The engine keeps no record of it;
   * a rule may use it (a `resolve` by an agent on an unassigned ticket can assign them, as Zendesk does).
   */
  readonly actorId?: string;
}

/**
 * A message on the ticket. `status` is "send and mark as"; `auto: true` marks an auto-reply or out-of-office
 * message, which never moves the ticket.
 *
 * @example
 * ```ts
 * import type { ReplyEvent } from 'ticket-lifecycle';
 * const e: ReplyEvent<'pending'> = { type: 'reply', by: 'agent', at: 1_767_600_000_000, status: 'pending' };
 * ```
 */
export interface ReplyEvent<S extends string = string> extends ByAt {
  readonly type: 'reply';
  readonly status?: S;
  readonly auto?: boolean;
}

/**
 * An internal note: never changes the status.
 *
 * @example
 * ```ts
 * import type { NoteEvent } from 'ticket-lifecycle';
 * const e: NoteEvent = { type: 'note', by: 'agent', at: 1_767_600_000_000 };
 * ```
 */
export interface NoteEvent extends ByAt {
  readonly type: 'note';
}

/**
 * Assigns the ticket (`assignee: null` unassigns).
 *
 * @example
 * ```ts
 * import type { AssignEvent } from 'ticket-lifecycle';
 * const e: AssignEvent = { type: 'assign', by: 'agent', at: 1_767_600_000_000, assignee: 'ana' };
 * ```
 */
export interface AssignEvent extends ByAt {
  readonly type: 'assign';
  readonly assignee: string | null;
}

/**
 * Changes the status without a reply. `until` is for statuses whose timer runs to a chosen time.
 *
 * @example
 * ```ts
 * import type { SetStatusEvent } from 'ticket-lifecycle';
 * const e: SetStatusEvent<'pending_close'> = {
 *   type: 'setStatus', by: 'agent', at: 1_767_600_000_000, to: 'pending_close', until: 1_768_000_000_000,
 * };
 * ```
 */
export interface SetStatusEvent<S extends string = string> extends ByAt {
  readonly type: 'setStatus';
  readonly to: S;
  readonly until?: number;
}

/**
 * Moves the ticket to the default `solved` status.
 *
 * @example
 * ```ts
 * import type { ResolveEvent } from 'ticket-lifecycle';
 * const e: ResolveEvent = { type: 'resolve', by: 'agent', at: 1_767_600_000_000 };
 * ```
 */
export interface ResolveEvent extends ByAt {
  readonly type: 'resolve';
  readonly force?: boolean;
}

/**
 * Closes the ticket (the default `closed` status), subject to the policy's close rules.
 *
 * @example
 * ```ts
 * import type { CloseEvent } from 'ticket-lifecycle';
 * const e: CloseEvent = { type: 'close', by: 'customer', at: 1_767_600_000_000, reason: 'confirmed' };
 * ```
 */
export interface CloseEvent extends ByAt {
  readonly type: 'close';
  readonly reason?: string;
  readonly force?: boolean;
}

/**
 * Reopens a `solved` or `closed` ticket, to `to` or the status's reopen target.
 *
 * @example
 * ```ts
 * import type { ReopenEvent } from 'ticket-lifecycle';
 * const e: ReopenEvent<'open'> = { type: 'reopen', by: 'agent', at: 1_767_600_000_000, to: 'open' };
 * ```
 */
export interface ReopenEvent<S extends string = string> extends ByAt {
  readonly type: 'reopen';
  readonly to?: S;
}

/**
 * Snoozes the ticket until `until`, or without it until the customer's next message.
 *
 * @example
 * ```ts
 * import type { SnoozeEvent } from 'ticket-lifecycle';
 * const e: SnoozeEvent = { type: 'snooze', by: 'agent', at: 1_767_600_000_000, until: 1_767_700_000_000 };
 * ```
 */
export interface SnoozeEvent extends ByAt {
  readonly type: 'snooze';
  readonly until?: number;
}

/**
 * Merge this ticket into another (Zendesk "Merge into another ticket"): it closes, its `closeReason` says where
 * it went, and a `merged` effect names the target so the host moves the conversation. Guarded by the policy's
 * `merge` rules (default: the `close` rules).
 *
 * @example
 * ```ts
 * import type { MergeEvent } from 'ticket-lifecycle';
 * const e: MergeEvent = { type: 'merge', by: 'agent', at: 1_767_600_000_000, into: 'ticket-4711' };
 * ```
 */
export interface MergeEvent extends ByAt {
  readonly type: 'merge';
  /** The id of the ticket this one is merged into (the host's id; any non-empty string). */
  readonly into: string;
}

/**
 * Changes the ticket's priority, group or tags (each left out stays as it is; at least one is given). `tags`
 * replaces the whole set (sorted and deduplicated on the way in). Guarded by the policy's `update` rules; a change
 * yields an `updated` effect.
 *
 * @example
 * ```ts
 * import type { UpdateEvent } from 'ticket-lifecycle';
 * const e: UpdateEvent<'low' | 'urgent'> = {
 *   type: 'update', by: 'agent', at: 1_767_600_000_000, priority: 'urgent', group: 'tier-2', tags: ['vip'],
 * };
 * ```
 */
export interface UpdateEvent<P extends string = string> extends ByAt {
  readonly type: 'update';
  readonly priority?: P | null;
  readonly group?: string | null;
  readonly tags?: readonly string[];
}

/**
 * Time has passed: applies every timer that came due up to `at`, as if the scheduler had run exactly on time.
 *
 * @example
 * ```ts
 * import type { TickEvent } from 'ticket-lifecycle';
 * const e: TickEvent = { type: 'tick', at: 1_767_600_000_000 };
 * ```
 */
export interface TickEvent extends At {
  readonly type: 'tick';
}

/**
 * Every event `transition` accepts, typed by the policy's status ids and priorities.
 *
 * @example
 * ```ts
 * import type { TicketEvent } from 'ticket-lifecycle';
 * const events: TicketEvent<'open' | 'closed'>[] = [
 *   { type: 'reply', by: 'customer', at: 1 },
 *   { type: 'setStatus', by: 'agent', at: 2, to: 'closed' },
 * ];
 * ```
 */
export type TicketEvent<S extends string = string, P extends string = string> =
  | ReplyEvent<S>
  | NoteEvent
  | AssignEvent
  | SetStatusEvent<S>
  | ResolveEvent
  | CloseEvent
  | ReopenEvent<S>
  | SnoozeEvent
  | MergeEvent
  | UpdateEvent<P>
  | TickEvent;

/**
 * The `type` of every event.
 *
 * @example
 * ```ts
 * import { EVENT_TYPES } from 'ticket-lifecycle';
 * EVENT_TYPES.includes('tick'); // true
 * ```
 */
export const EVENT_TYPES = [
  'reply',
  'note',
  'assign',
  'setStatus',
  'resolve',
  'close',
  'reopen',
  'snooze',
  'merge',
  'update',
  'tick',
] as const satisfies readonly TicketEvent['type'][];
