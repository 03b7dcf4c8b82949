/**
 * Who acts: the `customer` (requester, end user), an `agent` of the team, or the `system` (automations, bots,
 * timers, the customer portal's own logic).
 *
 * @example
 * ```ts
 * import type { Actor } from 'ticket-lifecycle';
 * const by: Actor = 'agent';
 * ```
 */
export type Actor = 'customer' | 'agent' | 'system';

/**
 * Every actor, in a fixed order.
 *
 * @example
 * ```ts
 * import { ACTORS } from 'ticket-lifecycle';
 * ACTORS.length; // 3
 * ```
 */
export const ACTORS = ['customer', 'agent', 'system'] as const satisfies readonly Actor[];
