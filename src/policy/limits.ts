/**
 * The bounds every policy stays within. `defineWorkflow` and `validateWorkflow` refuse a policy beyond any of them
 * with one issue naming the limit (`tooLarge`, `tooDeep`, `tooMany`, `tooManyStatuses`) and the path of what
 * overflows, before doing work that grows with it: a policy comes from a database or an admin screen, and its
 * size must never decide how long a request takes. Within them, checking, compiling, linting and drawing a
 * policy take time linear (or n·log n) in its size: the largest valid policy lints and draws in milliseconds
 * (see docs/limits.md for the measurements).
 *
 * Each bound is far above what real helpdesks use (Zendesk allows 300 custom statuses; its presets here use a
 * handful of rules and timers).
 *
 * @example
 * ```ts
 * import { POLICY_LIMITS, validateWorkflow } from 'ticket-lifecycle';
 * const statuses = Array.from({ length: POLICY_LIMITS.maxStatuses + 1 }, (_, i) => ({ id: `s${i}`, category: 'open' }));
 * const result = validateWorkflow({ statuses });
 * if (!result.ok) result.issues[0]?.code; // 'tooManyStatuses'
 * ```
 */
export const POLICY_LIMITS = /* @__PURE__ */ Object.freeze({
  /** Characters of the policy written as JSON (`JSON.stringify(config).length`, escapes not counted): about 1 MB. */
  maxSize: 1_000_000,
  /** Nesting of objects and arrays: a policy needs 4 levels; 16 leaves room for extensions. */
  maxDepth: 16,
  /**
   * Entries of any one object or array anywhere in the policy, checked before anything else: ten times what any
   * list may hold, so a list slightly over its own limit gets that limit's message, and a huge one is refused unread.
   */
  maxEntries: 10_000,
  /** Entries of `statuses`. */
  maxStatuses: 1000,
  /** Entries of `replies` and of `assignments`, each. */
  maxRules: 1000,
  /**
   * Entries of `statusChanges`, `resolve`, `close`, `snooze` and `reopen`, each: every move is checked against
   * them, and lint and the diagram compare them status by status.
   */
  maxPermissionRules: 100,
  /** Entries of `timers`. */
  maxTimers: 1000,
  /** Timers running in one status (through `in` and `inCategory`), so one status's countdowns stay cheap to order. */
  maxTimersPerStatus: 20,
  /** Keys of `initialByChannel`. */
  maxChannels: 1000,
  /** Any list inside a rule or a timer: `from`, `to`, `fromCategory`, `by`, `guards`, `since`, `restorePrevious`. */
  maxListLength: 1000,
  /** `reminders` of one move timer. */
  maxReminders: 50,
  /** Entries of `sla` (SLA policies, first match wins): Zendesk's SLA policies per account are in the tens. */
  maxSlaPolicies: 100,
  /** Entries of `priorities`: an ordered scale (Zendesk has 4, Jira 5). */
  maxPriorities: 100,
  /** Entries of `groups`. */
  maxGroups: 1000,
  /** Keys of `calendars`: each compiles its zone's offsets; a team has a handful (one per office or region). */
  maxCalendars: 100,
});

/**
 * The type of {@link POLICY_LIMITS}.
 *
 * @example
 * ```ts
 * import type { PolicyLimits } from 'ticket-lifecycle';
 * const describe = (limits: PolicyLimits): string => `${limits.maxStatuses} statuses at most`;
 * ```
 */
export type PolicyLimits = typeof POLICY_LIMITS;
