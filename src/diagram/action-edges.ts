import { DONE } from '../policy/category.js';
import type { ActionName } from '../policy/implied-action.js';
import { actorNames } from '../policy/lint/permissions.js';
import type { CompiledActionRule, CompiledStatus, Workflow } from '../policy/workflow.js';
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
    resolve: (s) => (s.category === 'solved' ? null : defaults.solved ?? null),
    close: (s) => (s.category === 'closed' ? null : defaults.closed ?? null),
    snooze: (s) => (s.category === 'snoozed' ? null : defaults.snoozed ?? null),
    reopen: (s) => (DONE.has(s.category) ? s.reopenTo : null),
  };
  for (const action of ['resolve', 'close', 'snooze', 'reopen'] as const) {
    for (const status of statuses) {
      const to = targets[action](status);
      if (to === null || to === status.id) continue;
      const rules = compiled[action].filter((r) => r.by !== 0 && (r.from === null || r.from.has(status.id)));
      if (rules.length === 0) continue;
      parts.edges.push({ from: status.id, to, label: `${action} ${rules.map(describe).join(' / ')}` });
    }
  }
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

