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
  maxTags: 50,
  /** Characters of one tag. */
  maxTagLength: 64,
  /** Characters of a group id. */
  maxGroupLength: 64,
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
