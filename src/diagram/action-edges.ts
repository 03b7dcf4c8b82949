import { DONE } from '../policy/category.js';
import type { ActionName } from '../policy/implied-action.js';
import { actorNames } from '../policy/lint/permissions.js';
import type { CompiledActionRule, CompiledStatus, Workflow } from '../policy/workflow.js';
import { boundedJoin, MAX_LABEL_LENGTH } from './collapse-edges.js';
import type { DiagramParts } from './diagram-model.js';

/**
 * The explicit `resolve`, `close`, `snooze` and `reopen` events as transitions to where they land, labelled with
 * who may and on what conditions, named guards by name: `resolve by agent, system [requireAssignee]`. Several
 * rules allowing the same move share one edge, joined with `/`.
 */
export function actionEdges(workflow: Workflow, parts: DiagramParts): void {
  const { compiled, defaults } = workflow;
  const statuses = workflow.statuses.map((s) => compiled.byId.get(s.id)!);
  const targets: Readonly<Record<ActionName, (s: CompiledStatus) => string | null>> = {
    resolve: (s) => (s.category === 'solved' ? null : (defaults.solved ?? null)),
    close: (s) => (s.category === 'closed' ? null : (defaults.closed ?? null)),
    snooze: (s) => (s.category === 'snoozed' ? null : (defaults.snoozed ?? null)),
    reopen: (s) => (DONE.has(s.category) ? s.reopenTo : null),
  };
  for (const action of ['resolve', 'close', 'snooze', 'reopen'] as const) {
    const texts = rulesByStatus(compiled[action]);
    for (const status of statuses) {
      const to = targets[action](status);
      if (to === null || to === status.id) continue;
      const list = texts(status.id);
      if (list.length > 0)
        parts.edges.push({ from: status.id, to, label: `${action} ${boundedJoin(list, ' / ', MAX_LABEL_LENGTH)}` });
    }
  }
}

/**
 * The distinct descriptions of the rules that let someone act from a status, in rule order. Each rule is described
 * once and filed under the statuses it names (rules for every status apart), so the work is the rules' selections,
 * not statuses × rules.
 */
function rulesByStatus(rules: readonly CompiledActionRule[]): (status: string) => string[] {
  const everywhere: number[] = [];
  const byStatus = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    if (rule.by === 0) return;
    if (rule.from === null) everywhere.push(i);
    else {
      for (const id of rule.from) {
        const list = byStatus.get(id);
        if (list === undefined) byStatus.set(id, [i]);
        else list.push(i);
      }
    }
  });
  const described = rules.map(describe);
  return (status) => {
    const own = byStatus.get(status) ?? [];
    const indices = everywhere.length === 0 ? own : [...everywhere, ...own].sort((a, b) => a - b);
    return [...new Set(indices.map((i) => described[i]!))];
  };
}

function describe(rule: CompiledActionRule): string {
  const conditions = [
    ...(rule.requireAssignee ? ['requireAssignee'] : []),
    ...(rule.notWhileCustomerWaits ? ['notWhileCustomerWaits'] : []),
    ...rule.guards.map(([name]) => name),
  ];
  const force = rule.forceBy === 0 ? '' : ` (force: ${actorNames(rule.forceBy)})`;
  return `by ${actorNames(rule.by)}${conditions.length === 0 ? '' : ` [${conditions.join(', ')}]`}${force}`;
}
