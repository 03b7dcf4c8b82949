import type { TransitionError, TransitionErrorCode } from 'ticket-lifecycle';

/**
 * How an HTTP layer should answer a refusal: bad input (400), no such ticket (404), the policy says no (422),
 * the ticket moved on since the caller looked (409), or the stored data is broken (500: not the caller's fault).
 *
 * @example
 * ```ts
 * import type { StoreErrorKind } from 'ticket-lifecycle/postgres';
 * const kind: StoreErrorKind = 'notAllowed';
 * ```
 */
export type StoreErrorKind = 'invalidInput' | 'notFound' | 'notAllowed' | 'conflict' | 'internal';

/**
 * Codes the store adds to the engine's: an id that names no ticket, a workflow name the store was not given, a
 * stored ticket the engine refuses, an `expectedVersion` that no longer holds, a malformed request.
 *
 * @example
 * ```ts
 * import type { StoreErrorCode } from 'ticket-lifecycle/postgres';
 * const code: StoreErrorCode = 'unknownTicket';
 * ```
 */
export type StoreErrorCode =
  | TransitionErrorCode
  | 'unknownTicket'
  | 'unknownWorkflow'
  | 'invalidStoredTicket'
  | 'versionMismatch'
  | 'invalidRequest';

/**
 * A refusal from the store: the engine's `code` and `message`, its `kind`, and the HTTP `status` for that kind.
 *
 * @example
 * ```ts
 * import type { StoreError } from 'ticket-lifecycle/postgres';
 * const e: StoreError = { code: 'closeNotAllowed', message: 'agent may not close', kind: 'notAllowed', status: 422 };
 * ```
 */
export interface StoreError {
  readonly code: StoreErrorCode;
  readonly message: string;
  readonly kind: StoreErrorKind;
  readonly status: 400 | 404 | 409 | 422 | 500;
  /** The input field at fault, when one is named (`event.at`, `event.to`, `options.idempotencyKey`). */
  readonly path?: string;
}

/** Every code has a kind, checked by the compiler: a new engine code cannot ship unclassified. */
const KIND_OF = {
  invalidEvent: 'invalidInput',
  unknownEventType: 'invalidInput',
  unknownActor: 'invalidInput',
  invalidTime: 'invalidInput',
  unknownStatus: 'invalidInput',
  invalidUntil: 'invalidInput',
  untilRequired: 'invalidInput',
  untilNotAccepted: 'invalidInput',
  invalidAssignee: 'invalidInput',
  invalidRequest: 'invalidInput',
  unknownWorkflow: 'invalidInput',
  unknownTicket: 'notFound',
  statusChangeNotAllowed: 'notAllowed',
  resolveNotAllowed: 'notAllowed',
  closeNotAllowed: 'notAllowed',
  snoozeNotAllowed: 'notAllowed',
  reopenNotAllowed: 'notAllowed',
  assignNotAllowed: 'notAllowed',
  mergeNotAllowed: 'notAllowed',
  updateNotAllowed: 'notAllowed',
  unknownPriority: 'invalidInput',
  unknownGroup: 'invalidInput',
  invalidGroup: 'invalidInput',
  invalidTags: 'invalidInput',
  customerWaiting: 'notAllowed',
  assigneeRequired: 'notAllowed',
  guardRejected: 'notAllowed',
  forceNotAllowed: 'notAllowed',
  noTargetStatus: 'notAllowed',
  staleEvent: 'conflict',
  versionMismatch: 'conflict',
  versionLimit: 'conflict',
  invalidTicket: 'internal',
  invalidStoredTicket: 'internal',
  internalError: 'internal',
} as const satisfies Record<StoreErrorCode, StoreErrorKind>;

const STATUS_OF = {
  invalidInput: 400,
  notFound: 404,
  notAllowed: 422,
  conflict: 409,
  internal: 500,
} as const satisfies Record<StoreErrorKind, StoreError['status']>;

/**
 * The kind of a code, for hosts that build their own errors.
 *
 * @example
 * ```ts
 * import { errorKind } from 'ticket-lifecycle/postgres';
 * errorKind('staleEvent'); // 'conflict'
 * ```
 */
export function errorKind(code: StoreErrorCode): StoreErrorKind {
  return KIND_OF[code] ?? 'internal';
}

/** A store error from a code and a message, and the field at fault when there is one. */
export function storeError(code: StoreErrorCode, message: string, path?: string): StoreError {
  const kind = errorKind(code);
  const error: StoreError = { code, message, kind, status: STATUS_OF[kind] };
  return path === undefined ? error : { ...error, path };
}

/** A unique violation (SQLSTATE 23505) from the database client. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

/**
 * A ticket whose next log place (`last_seq + 1`), which its row lock should keep free, is taken: its `last_seq` was
 * lowered by hand (or an entry inserted). The store's fault, not the caller's.
 */
export const lastSeqBehind = (id: string): StoreError =>
  storeError('invalidStoredTicket', `ticket ${id}'s last_seq is behind its log`);

/** The engine's refusal, classified, with its path when it has one. */
export function fromTransitionError(error: TransitionError): StoreError {
  return storeError(error.code, error.message, error.path);
}

/**
 * Thrown only where no value can be returned and the fault is the database's, not the caller's: `get` on a stored
 * ticket the engine refuses (a corrupt row, a status removed from the policy). Also thrown, before anything is
 * claimed or written, for arguments that cannot be used (`invalidRequest`, with the `path` at fault): by `sweep` and
 * `claimEffects` for options that are no object or cannot be read (a throwing getter or Proxy), by `sweep` also for
 * `now` not a time, `limit` or `batchSize` not a number, and by `completeEffects` for `ids` that are no array it can
 * read. Carries the classified error.
 *
 * @example
 * ```ts
 * import { StoreFailure } from 'ticket-lifecycle/postgres';
 * declare function readTicket(): Promise<unknown>; // e.g. () => store.get(id)
 * try { await readTicket(); } catch (e) { if (e instanceof StoreFailure) console.log(e.error.code); }
 * ```
 */
export class StoreFailure extends Error {
  readonly error: StoreError;
  constructor(error: StoreError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'StoreFailure';
    this.error = error;
  }
}
