import { movesOf, type Move, type MoveRule } from '../policy/moves.js';
import { actorNames, maskOf } from '../policy/rule-actors.js';
import type { Workflow } from '../policy/workflow.js';
import type { DiagramParts } from './diagram-model.js';
import { whenText } from './when-text.js';

/** At most this many source statuses are named in a hub's label; beyond, it says how many. */
const MAX_NAMED_SOURCES = 6;

/**
 * Free status changes (`setStatus`, "send and mark as"), drawn through one hub state per `statusChanges` rule
 * (or one for the built-in rule: agents and the system may set any status): `set status by agent from new, open`
 * with an edge to every status the rule lets someone enter, as the moves table lists them. Drawing every allowed
 * pair instead would join almost every two states; without them, statuses that only an agent sets (Zammad's
 * pending states) would look unreachable. Setting a status to itself is no move: a target is drawn when some
 * source other than itself leads there.
 */
export function statusChangeEdges(workflow: Workflow, parts: DiagramParts): void {
  const byRule = new Map<MoveRule, Move[]>();
  for (const move of movesOf(workflow).moves) {
    if (move.event !== 'setStatus') continue;
    byRule.set(move.rule, [...(byRule.get(move.rule) ?? []), move]);
  }
  for (const [rule, moves] of byRule) {
    const targets = new Set<string>();
    for (const move of moves)
      for (const to of move.to)
        if (move.from.length > 1 || (move.from.length === 1 && move.from[0] !== to)) targets.add(to);
    if (targets.size === 0) continue;
    const hub = `set status ${rule.path === null ? 0 : Number(/\d+/.exec(rule.path)![0])}`;
    parts.hubs.push({
      key: hub,
      label: `set status by ${actorNames(maskOf(rule.by))} from ${sourceText(workflow, rule)}${
        rule.conditions.when === null ? '' : ` ${whenText(rule.conditions.when)}`
      }`,
    });
    for (const to of workflow.statuses) if (targets.has(to.id)) parts.edges.push({ from: hub, to: to.id, label: '' });
  }
}

function sourceText(workflow: Workflow, rule: MoveRule): string {
  if (rule.from === null) return 'any status';
  const named = new Set(rule.from);
  const sources = workflow.statuses.filter((s) => named.has(s.id));
  return sources.length > MAX_NAMED_SOURCES ? `${sources.length} statuses` : sources.map((s) => s.id).join(', ');
}
