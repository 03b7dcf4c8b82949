import type { Workflow } from 'ticket-lifecycle';
import type { StateGraph } from './state-graph.js';

/** Where a ticket's life ends: the `closed` statuses, or the `solved` ones in a policy with no closed category. */
export function endStatuses(workflow: Workflow): ReadonlySet<string> {
  const closed = workflow.statuses.filter((s) => s.category === 'closed');
  return new Set(
    (closed.length > 0 ? closed : workflow.statuses.filter((s) => s.category === 'solved')).map((s) => s.id),
  );
}

/** What the explored graph says about reachability and liveness, before it is turned into paths. */
export interface LivenessFacts {
  /** Statuses some explored state is in. */
  readonly reached: ReadonlySet<string>;
  /** Per status, the nearest state from which no sequence of events ever changes the status (not an end status). */
  readonly deadEnds: ReadonlyMap<string, number>;
  /** Per status, the nearest state from which no sequence of events reaches an end status. */
  readonly cannotClose: ReadonlyMap<string, number>;
}

/**
 * Exact answers from a partly explored graph. A state the explorer did not expand (at the depth bound, or left
 * when a budget ran out) counts as "anything may still happen from here"; every other state has all its moves in
 * the graph. So "from here nothing changes the status" and "from here no end status is reachable" are proven,
 * not guessed: every state reachable from such a state was expanded and none of them does it. An unexpanded
 * state is never reported, and a report never depends on the depth beyond the states it names.
 */
export function livenessFacts(graph: StateGraph, ends: ReadonlySet<string>): LivenessFacts {
  const status = (s: number): string => graph.tickets[s]!.status;
  const reached = new Set<string>();
  for (let s = 0; s < graph.size; s++) reached.add(status(s));

  const leaves = new Array<boolean>(graph.size).fill(false);
  for (let e = 0; e < graph.edgeFrom.length; e++) {
    const from = graph.edgeFrom[e]!;
    if (status(from) !== status(graph.edgeTo[e]!)) leaves[from] = true;
  }
  const mayMove = graph.reachesAny(
    (s) => !graph.expanded[s] || leaves[s]!,
    () => true,
  );
  const mayClose = graph.reachesAny(
    (s) => !graph.expanded[s] || ends.has(status(s)),
    () => true,
  );
  const deadEnds = new Map<string, number>();
  const cannotClose = new Map<string, number>();
  for (let s = 0; s < graph.size; s++) {
    const id = status(s);
    if (ends.has(id)) continue;
    if (!mayMove[s] && !deadEnds.has(id)) deadEnds.set(id, s);
    if (!mayClose[s] && !cannotClose.has(id)) cannotClose.set(id, s);
  }
  return { reached, deadEnds, cannotClose };
}
