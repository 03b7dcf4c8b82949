import type { MoveEvent } from '../moves.js';

/** What kind of event a group of moves comes from. */
export type EdgeKind = MoveEvent | 'timer';

/**
 * Moves from every one of `sources` to every one of `targets`. One `setStatus` rule lets agents move from many
 * statuses to many: kept as one group, the graph stays linear in statuses × rules instead of quadratic.
 */
export interface EdgeGroup {
  readonly kind: EdgeKind;
  /** Who makes the moves (actor bits); `0` for timers. */
  readonly actors: number;
  readonly sources: readonly string[];
  readonly targets: readonly string[];
  /** Timer moves that wait while the customer's last message is unanswered (`skipWhileCustomerWaits`). */
  readonly pausedWhileCustomerWaits?: boolean;
}

/** The groups, indexed both ways. */
export interface StatusGraph {
  readonly groups: readonly EdgeGroup[];
  readonly bySource: ReadonlyMap<string, readonly number[]>;
  readonly byTarget: ReadonlyMap<string, readonly number[]>;
}

export function indexGraph(groups: readonly EdgeGroup[]): StatusGraph {
  const bySource = new Map<string, number[]>();
  const byTarget = new Map<string, number[]>();
  groups.forEach((group, i) => {
    for (const s of group.sources) push(bySource, s, i);
    for (const t of group.targets) push(byTarget, t, i);
  });
  return { groups, bySource, byTarget };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** What a search found: the statuses visited and, for a forward search, the groups some visited status used. */
export interface Search {
  readonly visited: ReadonlySet<string>;
  readonly used: ReadonlySet<number>;
}

/**
 * Breadth-first search over the groups accepted by `accept`, forwards (where can tickets go from `starts`) or
 * backwards (from where can tickets reach `starts`). Each group is expanded once: linear in the graph's size.
 */
export function search(
  graph: StatusGraph,
  starts: Iterable<string>,
  direction: 'forward' | 'backward',
  accept: (group: EdgeGroup) => boolean = () => true,
): Search {
  const visited = new Set<string>();
  const used = new Set<number>();
  const queue: string[] = [];
  for (const s of starts) {
    if (!visited.has(s)) {
      visited.add(s);
      queue.push(s);
    }
  }
  const from = direction === 'forward' ? graph.bySource : graph.byTarget;
  for (let head = 0; head < queue.length; head++) {
    for (const g of from.get(queue[head]!) ?? []) {
      if (used.has(g)) continue;
      const group = graph.groups[g]!;
      if (!accept(group)) continue;
      used.add(g);
      for (const next of direction === 'forward' ? group.targets : group.sources) {
        if (!visited.has(next)) {
          visited.add(next);
          queue.push(next);
        }
      }
    }
  }
  return { visited, used };
}
