import { movesOf } from '../moves.js';
import { maskOf } from '../rule-actors.js';
import type { Workflow } from '../workflow.js';
import type { EdgeGroup } from './graph.js';

/**
 * Lint's graph is the moves table (`movesOf`), as groups of edges with actor masks: every move an event can make,
 * and the timers' moves, one group per status and pause behaviour (searches only ask where timers lead and whether
 * they wait for the customer, so a status with a hundred timers to "closed" is one edge, not a hundred).
 */
export function buildGroups(workflow: Workflow): EdgeGroup[] {
  const table = movesOf(workflow);
  const groups: EdgeGroup[] = table.moves.map((move) => ({
    kind: move.event,
    actors: maskOf(move.by),
    sources: move.from,
    targets: move.to,
  }));
  for (const [status, { timers }] of table.byStatus) {
    const byPause = [new Set<string>(), new Set<string>()];
    for (const timer of timers)
      for (const t of [...timer.to, ...timer.restoreTo]) byPause[timer.pausedWhileCustomerWaits ? 1 : 0]!.add(t);
    byPause.forEach((targets, paused) => {
      if (targets.size > 0)
        groups.push({
          kind: 'timer',
          actors: 0,
          sources: [status],
          targets: [...targets],
          pausedWhileCustomerWaits: paused === 1,
        });
    });
  }
  return groups;
}
