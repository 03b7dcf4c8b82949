import type { Category, TimerConfig, Workflow } from 'ticket-lifecycle';

const cache = new WeakMap<Workflow, ReadonlyMap<string, Category>>();

/** The category of a status id in a workflow (`undefined` for an id the policy does not have). */
export function categoryOf(workflow: Workflow, status: string): Category | undefined {
  let map = cache.get(workflow);
  if (map === undefined) {
    map = new Map(workflow.statuses.map((s) => [s.id, s.category]));
    cache.set(workflow, map);
  }
  return map.get(status);
}

/** Whether the policy has a status in any of these categories. */
export const hasCategory = (workflow: Workflow, ...categories: readonly Category[]): boolean =>
  workflow.statuses.some((s) => categories.includes(s.category));

/** Statuses where the work is finished, for the team's purposes: `solved` and `closed`. */
export const FINISHED: readonly Category[] = ['solved', 'closed'];

/** The statuses a timer config runs in: named ones plus those of its categories. */
export function timerStatuses(workflow: Workflow, timer: TimerConfig): Set<string> {
  const named = timer.in === undefined ? [] : ([] as string[]).concat(timer.in);
  const categories = timer.inCategory === undefined ? [] : ([] as Category[]).concat(timer.inCategory);
  return new Set(
    workflow.statuses.filter((s) => named.includes(s.id) || categories.includes(s.category)).map((s) => s.id),
  );
}

/** The timer config with this id. */
export const timerById = (workflow: Workflow, id: string): TimerConfig | undefined =>
  workflow.config.timers?.find((t) => t.id === id);

/** A one-or-many field as a list. */
export const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
