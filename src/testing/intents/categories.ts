import type { Category, Workflow } from 'ticket-lifecycle';

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
