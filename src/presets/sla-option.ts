import {
  parseDuration,
  type CalendarConfig,
  type Duration,
  type SlaMetric,
  type SlaPolicyConfig,
  type WorkflowConfig,
} from 'ticket-lifecycle';
import type { PresetOptions } from './options.js';

/**
 * The `sla` option of a preset: targets for the metrics the vendor measures, counted in calendar time or in
 * `businessHours`, with an optional warning lead time. The preset adds the vendor's pause rules (docs/sla.md).
 *
 * @example
 * ```ts
 * import type { PresetSla } from 'ticket-lifecycle/presets';
 * const sla: PresetSla<'firstReply' | 'resolution'> = {
 *   targets: { firstReply: 'PT4H', resolution: 'P2D' },
 *   businessHours: { timeZone: 'Europe/Paris', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } },
 *   warnBefore: 'PT30M',
 * };
 * ```
 */
export interface PresetSla<M extends SlaMetric, P extends string = never> {
  /** Targets for every ticket, or with `byPriority` for tickets whose priority it does not list. */
  readonly targets?: { readonly [K in M]?: Duration };
  /** One SLA policy per priority (Zendesk's policies per priority); declares the vendor's priorities. */
  readonly byPriority?: { readonly [K in P]?: { readonly [K2 in M]?: Duration } };
  /** Count only these business hours (a calendar with holidays); default: calendar time, around the clock. */
  readonly businessHours?: CalendarConfig;
  /** Announce `slaWarning` this long before a target is due. */
  readonly warnBefore?: Duration;
}

/** What a vendor's SLAs measure and where they pause: the part of an SLA policy the preset fixes. */
export interface VendorSla<M extends SlaMetric> {
  readonly metrics: readonly M[];
  readonly pause?: SlaPolicyConfig<never>['pause'];
  /** Targets when no policy applies (LiveAgent's internal 7-day answer time). */
  readonly fallback?: { readonly [K in M]?: Duration };
  /** The vendor's priorities, lowest first, for `byPriority`. */
  readonly priorities?: readonly string[];
}

const FIELDS = ['targets', 'byPriority', 'businessHours', 'warnBefore'];

/**
 * Reads a preset's `sla` option into the policy's `sla` and `calendars` (nothing when the option is absent). Every
 * problem is reported under `sla…` with the code `invalidOption`; the calendar itself is checked by
 * `defineWorkflow`, with its path under `calendars.business`.
 */
export function readSlaOption<M extends SlaMetric>(
  read: PresetOptions,
  id: string,
  vendor: VendorSla<M>,
): {
  readonly sla?: readonly SlaPolicyConfig<never>[];
  readonly calendars?: WorkflowConfig['calendars'];
  readonly priorities?: readonly never[];
} {
  const option = read.record('sla');
  if (option === undefined) return {};
  for (const key of Object.keys(option))
    if (!FIELDS.includes(key)) read.report(`sla.${key}`, `unknown option; known: ${FIELDS.join(', ')}`);
  const targets = option.targets === undefined ? undefined : readTargets(read, option.targets, 'sla.targets', vendor);
  const byPriority: [string, Record<string, Duration>][] = [];
  if (option.byPriority !== undefined) {
    const raw = option.byPriority;
    if (vendor.priorities === undefined) read.report('sla.byPriority', 'this helpdesk has no priorities');
    else if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      read.report('sla.byPriority', 'must be an object');
    else
      for (const [priority, value] of Object.entries(raw)) {
        if (!vendor.priorities.includes(priority))
          read.report(`sla.byPriority.${priority}`, `not a priority; one of ${vendor.priorities.join(', ')}`);
        else byPriority.push([priority, readTargets(read, value, `sla.byPriority.${priority}`, vendor)]);
      }
  }
  const warnBefore = option.warnBefore;
  if (warnBefore !== undefined && parseDuration(warnBefore) === null)
    read.report('sla.warnBefore', 'must be a positive duration');
  const hours = option.businessHours as CalendarConfig | undefined;
  const common = {
    ...(hours !== undefined && { calendar: 'business' }),
    ...(warnBefore !== undefined && { warnBefore: warnBefore as Duration }),
    ...(vendor.pause !== undefined && { pause: vendor.pause }),
  };
  const sla: SlaPolicyConfig<never>[] = byPriority.map(([priority, t]) => ({
    id: `${id}-${priority}`,
    when: { priority: priority as never },
    targets: t,
    ...common,
  }));
  if (targets !== undefined) sla.push({ id, targets, ...common });
  // The vendor's default, for tickets no level covers: only when the options leave some ticket uncovered.
  else if (vendor.fallback !== undefined) sla.push({ id: `${id}-default`, targets: vendor.fallback, ...common });
  return {
    sla,
    ...(hours !== undefined && { calendars: { business: hours } }),
    ...(byPriority.length > 0 && { priorities: vendor.priorities as readonly never[] }),
  };
}

/** One set of targets, each a metric the vendor measures and a positive duration. */
function readTargets<M extends SlaMetric>(
  read: PresetOptions,
  raw: unknown,
  path: string,
  vendor: VendorSla<M>,
): Record<string, Duration> {
  const targets: Record<string, Duration> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    read.report(path, 'must be an object');
    return targets;
  }
  for (const [metric, value] of Object.entries(raw)) {
    if (!(vendor.metrics as readonly string[]).includes(metric))
      read.report(`${path}.${metric}`, `not measured by this helpdesk; it measures ${vendor.metrics.join(', ')}`);
    else if (parseDuration(value) === null) read.report(`${path}.${metric}`, 'must be a positive duration');
    else targets[metric] = value as Duration;
  }
  return targets;
}
