import type { OneOrMany } from './config.js';

/**
 * Which tags a ticket must carry for a `when` to match: `any` (at least one of), `all` (every one of), `none`
 * (not one of). Each part given must hold.
 *
 * @example
 * ```ts
 * import type { TagsCondition } from 'ticket-lifecycle';
 * const vipNotSpam: TagsCondition = { any: ['vip', 'enterprise'], none: 'spam' };
 * ```
 */
export interface TagsCondition {
  readonly any?: OneOrMany<string>;
  readonly all?: OneOrMany<string>;
  readonly none?: OneOrMany<string>;
}

/**
 * The ticket attributes a rule or a timer applies to. Each part given must hold; a list means "one of these";
 * `null` in a list matches a ticket without that attribute (no priority, no group, no channel). A rule whose `when`
 * does not hold is skipped, exactly as a rule whose `from` does not select the status: for replies the next rule in
 * order is tried (the first matching rule wins), for permissions another rule may still allow the action.
 *
 * Priorities are checked against the policy's `priorities` (a typo does not compile), groups against its `groups`
 * when it declares them.
 *
 * @example
 * ```ts
 * import type { WhenConfig } from 'ticket-lifecycle';
 * const urgentEmailFromBilling: WhenConfig<'low' | 'urgent'> = {
 *   priority: 'urgent',
 *   group: 'billing',
 *   channel: 'email',
 *   tags: { none: 'spam' },
 * };
 * ```
 */
export interface WhenConfig<P extends string = string> {
  readonly priority?: OneOrMany<NoInfer<P> | null>;
  readonly group?: OneOrMany<string | null>;
  readonly channel?: OneOrMany<string | null>;
  readonly tags?: TagsCondition;
}
