/**
 * The seven status categories. Every status belongs to exactly one, and its built-in behaviour comes from
 * the category: this is how Zendesk, Zammad, osTicket and Jira make custom statuses safe.
 *
 * @example
 * ```ts
 * import { CATEGORIES } from 'ticket-lifecycle';
 * CATEGORIES.includes('solved'); // true
 * ```
 */
export const CATEGORIES = ['new', 'open', 'pending', 'onHold', 'snoozed', 'solved', 'closed'] as const;

/**
 * A status category: `new` (nobody acted yet), `open` (the team owes the next move), `pending` (waiting for the
 * customer), `onHold` (waiting for a third party), `snoozed` (put aside), `solved` (believed fixed, open to
 * follow-ups), `closed` (final).
 *
 * @example
 * ```ts
 * import type { Category } from 'ticket-lifecycle';
 * const waitingOnCustomer: Category = 'pending';
 * ```
 */
export type Category = (typeof CATEGORIES)[number];

/** Categories whose tickets sit in the team's own queues: a customer reply that lands there is seen. */
export const TEAM_FACING: ReadonlySet<Category> = new Set<Category>(['new', 'open', 'onHold']);

/** Categories a ticket "reopens" from: leaving them for a working category counts as a reopen. */
export const DONE: ReadonlySet<Category> = new Set<Category>(['solved', 'closed']);

/** `TEAM_FACING.has(category)` as compares: the engine asks on every customer reply, and a `Set` lookup hashes. */
export const isTeamFacing = (category: Category): boolean =>
  category === 'open' || category === 'new' || category === 'onHold';

/** `DONE.has(category)` as two compares: the engine asks twice on every status change. */
export const isDone = (category: Category): boolean => category === 'solved' || category === 'closed';
