import type { WorkflowConfig } from '../config.js';
import type { WhenConfig } from '../when-config.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { tagsMeet } from '../compile-when.js';

type Config = WorkflowConfig<string, string>;
const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** Every `when` of the policy with its path, read from the policy as given (each rule family, each timer). */
function whens(config: Config): [string, WhenConfig][] {
  const out: [string, WhenConfig][] = [];
  const add = (path: string, rule: { readonly when?: WhenConfig }): void => {
    if (rule.when !== undefined) out.push([`${path}.when`, rule.when]);
  };
  (config.replies ?? []).forEach((rule, i) => {
    add(`replies[${i}]`, rule);
  });
  (config.statusChanges ?? []).forEach((rule, i) => {
    add(`statusChanges[${i}]`, rule);
  });
  for (const key of ['resolve', 'close', 'snooze', 'reopen', 'assign', 'merge', 'update'] as const) {
    const value = config[key];
    list(value).forEach((rule, i) => {
      add(Array.isArray(value) ? `${key}[${i}]` : key, rule);
    });
  }
  (config.timers ?? []).forEach((timer, i) => {
    add(`timers[${i}]`, timer);
  });
  return out;
}

/**
 * A `when` whose tag conditions contradict each other (a tag both required and excluded, or every tag of `any`
 * excluded): the rule or timer can never apply.
 */
export function whenNeverMatches(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const [path, when] of whens(ctx.workflow.config as Config)) {
    const none = new Set(list(when.tags?.none));
    const any = list(when.tags?.any);
    if (tagsMeet(list(when.tags?.all), none, [any])) continue;
    const all = list(when.tags?.all).filter((tag) => none.has(tag));
    findings.push({
      code: 'whenNeverMatches',
      severity: 'warning',
      statuses: [],
      message: `this "when" can never match: tag ${JSON.stringify(all[0] ?? any[0])} is both required and excluded`,
      path,
    });
  }
  return findings;
}

/** A calendar no timer counts in: declared for nothing (a typo in a timer's `calendar` is refused, this is not). */
export function unusedCalendar(ctx: LintContext): LintFinding[] {
  const config = ctx.workflow.config as Config;
  const used = new Set((config.timers ?? []).map((timer) => timer.calendar));
  return Object.keys(config.calendars ?? {})
    .filter((id) => !used.has(id))
    .map((id) => ({
      code: 'unusedCalendar',
      severity: 'warning',
      statuses: [],
      message: `calendar "${id}" is declared but no timer counts in it`,
      path: `calendars.${id}`,
    }));
}

/**
 * A priority a `when` waits for that nothing in the policy can give a ticket: no actor may `update` (the `update`
 * rules are an empty list) and no timer `set`s it. Only `createTicket` could, so the rule depends on the host alone.
 */
export function priorityNeverSet(ctx: LintContext): LintFinding[] {
  const config = ctx.workflow.config as Config;
  if (config.update === undefined || list(config.update).length > 0) return [];
  const set = new Set((config.timers ?? []).map((timer) => timer.set?.priority));
  const waited = new Map<string, string>();
  for (const [path, when] of whens(config))
    for (const priority of list(when.priority))
      if (priority !== null && !waited.has(priority)) waited.set(priority, path);
  return [...waited]
    .filter(([priority]) => !set.has(priority))
    .map(([priority, path]) => ({
      code: 'priorityNeverSet',
      severity: 'warning',
      statuses: [],
      message: `priority "${priority}" is awaited here, but nobody may update a ticket and no timer sets it`,
      path,
    }));
}
