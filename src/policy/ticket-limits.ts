/*
 * The numbers behind {@link TICKET_LIMITS}, as plain constants: the engine checks against these, so the core
 * runtime needs no frozen object (a bundler keeps a top-level `Object.freeze` call and every property read of it:
 * 0.04 kB min+gzip).
 */
/** Characters of a short name: a tag, a group id, a channel, an actor id. */
export const MAX_NAME_LENGTH = 64;
/** Tags on one ticket, after duplicates are removed. */
export const MAX_TAGS = 50;

/**
 * The bounds on the attributes a ticket carries: `createTicket` throws beyond them, `transition` refuses an `update`
 * beyond them (`invalidTags`, `invalidGroup`) and a stored ticket beyond them (`invalidTicket`). Tags and groups are
 * short names, like channels; a ticket's tags are a small set, so checking a `when` on them stays cheap.
 *
 * @example
 * ```ts
 * import { TICKET_LIMITS } from 'ticket-lifecycle';
 * const fits = (tags: readonly string[]): boolean =>
 *   tags.length <= TICKET_LIMITS.maxTags && tags.every((t) => t.length > 0 && t.length <= TICKET_LIMITS.maxTagLength);
 * ```
 */
export const TICKET_LIMITS = /* @__PURE__ */ Object.freeze({
  /** Tags on one ticket (after duplicates are removed). */
  maxTags: MAX_TAGS,
  /** Characters of one tag. */
  maxTagLength: MAX_NAME_LENGTH,
  /** Characters of a group id. */
  maxGroupLength: MAX_NAME_LENGTH,
});

/**
 * The type of {@link TICKET_LIMITS}.
 *
 * @example
 * ```ts
 * import type { TicketLimits } from 'ticket-lifecycle';
 * const describe = (limits: TicketLimits): string => `${limits.maxTags} tags at most`;
 * ```
 */
export type TicketLimits = typeof TICKET_LIMITS;

/** A tag or a group id: a non-empty string of at most `max` characters. */
export const isShortName = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
