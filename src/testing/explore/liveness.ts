import type { Workflow } from 'ticket-lifecycle';
import type { Explorer } from './explorer.js';

/** Where a ticket's life ends: the `closed` statuses, or the `solved` ones in a policy with no closed category. */
export function endStatuses(workflow: Workflow): ReadonlySet<string> {
  const closed = workflow.statuses.filter((s) => s.category === 'closed');
  return new Set(
    (closed.length > 0 ? closed : workflow.statuses.filter((s) => s.category === 'solved')).map((s) => s.id),
  );
}

/** The answer to "can this state get there?" for the states asked about. */
export interface Settled {
  /** States proven to get there (a path is in the graph). */
  readonly yes: ReadonlySet<number>;
  /** States proven never to: every state they lead to was expanded, and none gets there. */
  readonly no: readonly number[];
  /** Every state asked about was answered (no budget ran out first). */
  readonly decided: boolean;
}

/**
 * Answers "can a ticket in state s ever reach a state where `goal(s, x)` holds?" for every state of `asked`,
 * exactly. First from the graph as explored (one backward pass: a path found is a proof). Then, for each state
 * still open, a breadth-first search from it that expands what it needs, a witness at a time (`expand` stops at
 * the first move to a state known to get there): success marks the whole path; exhausting the search proves the
 * opposite for every state it visited, since they lead only to each other. The explorer's budgets bound it.
 * `goal` must be the same for every state it visits from s (it compares with s's status, which those share).
 */
export function settle(
  explorer: Explorer,
  asked: (s: number) => boolean,
  goal: (s: number, x: number) => boolean,
): Settled {
  const { graph } = explorer;
  const yes = new Set<number>();
  const no = new Set<number>();
  // Evidence already in the graph: a state with a move to a goal state, and backwards from there.
  // A move that changes the status marks its source already, so following every move backwards is right for both
  // questions (reach an end status; reach any other status).
  const direct = graph.reachesAny(
    (x) => graph.out[x]!.some((y) => goal(x, y)),
    () => true,
  );
  direct.forEach((v, i) => {
    if (v) yes.add(i);
  });
  let decided = true;
  for (let s = 0; s < graph.size; s++) {
    if (!asked(s) || yes.has(s) || no.has(s)) continue;
    if (explorer.stopped !== null) {
      decided = false;
      break;
    }
    const found = searchFrom(explorer, s, goal, yes, no);
    if (found === null) decided = false;
  }
  return { yes, no: [...no].sort((a, b) => a - b), decided };
}

/** One local search from `s`; `true`/`false` once proven (and recorded), `null` if a budget ran out. */
function searchFrom(
  explorer: Explorer,
  s: number,
  goal: (s: number, x: number) => boolean,
  yes: Set<number>,
  no: Set<number>,
): boolean | null {
  const { graph } = explorer;
  const parent = new Map<number, number>([[s, -1]]);
  const queue = [s];
  const good = (y: number): boolean => goal(s, y) || yes.has(y);
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head]!;
    let hit = graph.out[x]!.find(good);
    if (hit === undefined && !graph.expanded[x]) {
      explorer.expand(x, null, good);
      if (explorer.stopped !== null) return null;
      hit = graph.out[x]!.find(good);
    }
    if (hit !== undefined) {
      for (let p = x; p !== -1; p = parent.get(p)!) yes.add(p);
      return true;
    }
    for (const y of graph.out[x]!) {
      if (parent.has(y) || no.has(y)) continue;
      parent.set(y, x);
      queue.push(y);
    }
  }
  for (const x of queue) no.add(x);
  return false;
}
