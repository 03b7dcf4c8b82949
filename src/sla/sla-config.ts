import type { SlaMetric } from '../model/sla-state.js';
import type { Category } from '../policy/category.js';
import type { Duration } from '../policy/duration.js';
import type { WhenConfig } from '../policy/when-config.js';

export type { SlaMetric } from '../model/sla-state.js';

/**
 * Every {@link SlaMetric}, in the order effects and `slaStatus` list them.
 *
 * @example
 * ```ts
 * import { SLA_METRICS } from 'ticket-lifecycle';
 * SLA_METRICS.includes('resolution'); // true
 * ```
 */
export const SLA_METRICS: readonly SlaMetric[] = /* @__PURE__ */ Object.freeze([
  'firstReply',
  'nextReply',
  'periodicUpdate',
  'resolution',
  'requesterWait',
  'agentWork',
]);

/**
 * Where a metric's clock does not count: statuses by id (`in`) or by category (`inCategory`). A clock never counts
 * in `solved` and `closed` statuses, nor in a status marked `slaPaused` (Freshdesk's per-status toggle).
 *
 * @example
 * ```ts
 * import type { SlaPauseRule } from 'ticket-lifecycle';
 * // Zendesk's agent work time: paused while pending and on hold.
 * const rule: SlaPauseRule = { inCategory: ['pending', 'onHold'] };
 * ```
 */
export interface SlaPauseRule<S extends string = string> {
  readonly in?: NoInfer<S> | readonly NoInfer<S>[];
  readonly inCategory?: Category | readonly Category[];
}

/**
 * How long each metric may take: a {@link Duration}, open time of the policy's `calendar` when it has one (then a
 * day is one business day's worth of open time, as for timers).
 *
 * @example
 * ```ts
 * import type { SlaTargets } from 'ticket-lifecycle';
 * const urgent: SlaTargets = { firstReply: 'PT1H', nextReply: 'PT2H', resolution: 'PT8H' };
 * ```
 */
export type SlaTargets = { readonly [M in SlaMetric]?: Duration };

/**
 * One SLA policy of `WorkflowConfig.sla`. The first policy whose `when` matches the ticket applies; a change of
 * priority, group, channel or tags applies the matching policy again, its targets counted from each metric's
 * start (Zendesk), and says so with an `slaPolicyChanged` effect.
 *
 * By default every clock pauses in `pending` and `snoozed` statuses (the ball is with the customer), runs in
 * `onHold` (the customer still waits) and stops in `solved`/`closed`; `agentWork` also pauses in `onHold` (see
 * docs/sla.md). `pause` replaces that default for the metrics it names (`all`: for every metric it does not name).
 *
 * @example
 * ```ts
 * import type { SlaPolicyConfig } from 'ticket-lifecycle';
 * const urgent: SlaPolicyConfig = {
 *   id: 'urgent',
 *   when: { priority: 'urgent' },
 *   calendar: 'office',
 *   targets: { firstReply: 'PT1H', resolution: 'P1D' },
 *   warnBefore: 'PT15M',
 * };
 * ```
 */
export interface SlaPolicyConfig<S extends string = string, P extends string = string> {
  /** Stable id reported in effects and `slaStatus`. */
  readonly id: string;
  /** The tickets it applies to (priority, group, channel, tags): the `when` rules take. Absent: every ticket. */
  readonly when?: WhenConfig<P>;
  /** Count only this calendar's open time (an id in the policy's `calendars`). */
  readonly calendar?: string;
  readonly targets: SlaTargets;
  /** Announce `slaWarning` this long before a target is due (Zammad's escalation warning). Shorter than a target. */
  readonly warnBefore?: Duration;
  readonly pause?: { readonly [M in SlaMetric | 'all']?: SlaPauseRule<S> };
}
