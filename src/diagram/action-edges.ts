import { movesOf, type MoveRule } from '../policy/moves.js';
import { actorNames, maskOf } from '../policy/rule-actors.js';
import type { Workflow } from '../policy/workflow.js';
import { boundedJoin, MAX_LABEL_LENGTH } from './collapse-edges.js';
import type { DiagramParts } from './diagram-model.js';
import { conditionWords } from './when-text.js';

// `merge` closes the source ticket like `close` does, under its own rules: a move like any other.
const DRAWN = ['resolve', 'close', 'snooze', 'reopen', 'merge'] as const;

/**
 * The explicit `resolve`, `close`, `snooze`, `reopen` and `merge` events as transitions to where they land (the moves
 * table's moves whose target the rule decides), labelled with who may and on what conditions, named guards by
 * name: `resolve by agent, system [requireAssignee]`. Several rules allowing the same move share one edge, joined
 * with `/`, in rule order.
 */
export function actionEdges(workflow: Workflow, parts: DiagramParts): void {
  const table = movesOf(workflow);
  const order = new Map(table.rules.map((rule, i) => [rule, i]));
  for (const event of DRAWN) {
    for (const { id } of workflow.statuses) {
      const byTarget = new Map<string, Set<MoveRule>>();
      for (const move of table.byStatus.get(id)!.moves) {
        if (move.chosen || move.event !== event) continue;
        const rules = byTarget.get(move.to[0]!) ?? new Set<MoveRule>();
        rules.add(move.rule);
        byTarget.set(move.to[0]!, rules);
      }
      for (const [to, rules] of byTarget) {
        const texts = [...new Set([...rules].sort((a, b) => order.get(a)! - order.get(b)!).map(describe))];
        parts.edges.push({ from: id, to, label: `${event} ${boundedJoin(texts, ' / ', MAX_LABEL_LENGTH)}` });
      }
    }
  }
}

function describe(rule: MoveRule): string {
  const list = conditionWords(rule.conditions);
  const force = rule.forceBy.length === 0 ? '' : ` (force: ${actorNames(maskOf(rule.forceBy))})`;
  return `by ${actorNames(maskOf(rule.by))}${list.length === 0 ? '' : ` [${list.join(', ')}]`}${force}`;
}
