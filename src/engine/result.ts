import type { Effect } from './effects.js';
import type { Ticket } from './ticket.js';

/**
 * Why `transition` refused an event. Errors are values: `transition` never throws. Codes are stable; among them:
 *
 * - `invalidTicket`: a stored ticket field is malformed or out of order; `path` names it (`ticket.updatedAt`).
 * - `unknownStatus`: a status the policy does not have, in the ticket (`path` `ticket.status` or
 *   `ticket.snoozedFrom`: typically a ticket stored under an older policy) or named by the event (`event.to`).
 * - `versionLimit`: the ticket's `version` reached 2^53 − 1 and cannot grow exactly any more.
 * - `invalidEvent`, `unknownEventType`, `unknownActor`, `invalidTime`: the event itself is malformed.
 * - `unknownPriority`, `unknownGroup`, `invalidGroup`, `invalidTags`: an `update` (or a stored ticket) names a
 *   priority or group the policy does not declare, or tags beyond `TICKET_LIMITS`.
 *
 * @example
 * ```ts
 * import type { TransitionErrorCode } from 'ticket-lifecycle';
 * const code: TransitionErrorCode = 'assigneeRequired';
 * ```
 */
export type TransitionErrorCode =
  | 'invalidEvent'
  | 'unknownEventType'
  | 'unknownActor'
  | 'invalidTime'
  | 'staleEvent'
  | 'invalidTicket'
  | 'unknownStatus'
  | 'invalidUntil'
  | 'untilRequired'
  | 'untilNotAccepted'
  | 'statusChangeNotAllowed'
  | 'resolveNotAllowed'
  | 'closeNotAllowed'
  | 'snoozeNotAllowed'
  | 'reopenNotAllowed'
  | 'assignNotAllowed'
  | 'mergeNotAllowed'
  | 'updateNotAllowed'
  | 'unknownPriority'
  | 'unknownGroup'
  | 'invalidGroup'
  | 'invalidTags'
  | 'customerWaiting'
  | 'assigneeRequired'
  | 'guardRejected'
  | 'forceNotAllowed'
  | 'noTargetStatus'
  | 'invalidAssignee'
  | 'versionLimit'
  | 'internalError';

/**
 * A refusal: a stable `code` for programs and a `message` for people.
 *
 * @example
 * ```ts
 * import type { TransitionError } from 'ticket-lifecycle';
 * const e: TransitionError = { code: 'closeNotAllowed', message: 'agent may not close from "open"' };
 * ```
 */
export interface TransitionError {
  readonly code: TransitionErrorCode;
  readonly message: string;
  /** The input field at fault, when there is one: `event.at`, `ticket.reopenCount`, `ticket.status`. */
  readonly path?: string;
}

/**
 * The outcome of `transition`. On `ok: false` the input ticket is returned unchanged. On `ok: true`, `changed`
 * is `true` exactly when the ticket differs from the input (and then `version` grew by one); when `false`,
 * `ticket` is the input object itself.
 *
 * @example
 * ```ts
 * import type { TransitionResult } from 'ticket-lifecycle';
 * function save(r: TransitionResult<string>): void {
 *   if (r.ok && r.changed) console.log('UPDATE … WHERE version =', r.ticket.version - 1);
 * }
 * ```
 */
export type TransitionResult<S extends string = string, P extends string = string> =
  | {
      readonly ok: true;
      readonly ticket: Ticket<S, P>;
      readonly effects: readonly Effect<S, P>[];
      readonly changed: boolean;
    }
  | { readonly ok: false; readonly ticket: Ticket<S, P>; readonly error: TransitionError };
