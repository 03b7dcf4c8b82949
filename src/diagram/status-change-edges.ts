import type { Category } from '../policy/category.js';
import { actorNames, distinctStatusChanges, moversByCategory } from '../policy/lint/permissions.js';
import type { CompiledStatus, CompiledStatusChange, Workflow } from '../policy/workflow.js';
import type { DiagramParts } from './diagram-model.js';

/** At most this many source statuses are named in a hub's label; beyond, it says how many. */
const MAX_NAMED_SOURCES = 6;

/**
 * Free status changes (`setStatus`, "send and mark as"), drawn through one hub state per `statusChanges` rule
 * (or one for the default: agents and the system may set any status): `set status by agent from new, open`
 * with an edge to every status the rule lets someone enter. Drawing every allowed pair instead would join almost
 * every two states; without them, statuses that only an agent sets (Zammad's pending states) would look
 * unreachable. A target is drawn when some listed actor may move into it from some listed status, the action
 * rules that move amounts to included (closing needs a close rule, and so on).
 */
export function statusChangeEdges(workflow: Workflow, parts: DiagramParts): void {
  const { compiled } = workflow;
  const statuses = workflow.statuses.map((s) => compiled.byId.get(s.id)!);
  const movers = moversByCategory(workflow, statuses);
  for (const { rule, index } of distinctStatusChanges(compiled)) {
    const sources = rule.from === null ? statuses : statuses.filter((s) => rule.from!.has(s.id));
    const permitted = permittedSources(movers, sources, rule.by);
    // Setting a status to itself changes nothing worth drawing: some other permitted source must exist.
    const targets = statuses.filter((s) => {
      const from = permitted.get(s.category) ?? [];
      const fromElsewhere = from.length > 1 || (from.length === 1 && from[0] !== s.id);
      return (rule.to === null || rule.to.has(s.id)) && fromElsewhere && (!s.requireUntil || s.acceptsUntil);
    });
    if (targets.length === 0) continue;
    const hub = `set status ${index}`;
    parts.hubs.push({ key: hub, label: `set status by ${actorNames(rule.by)} from ${sourceText(rule, sources)}` });
    for (const target of targets) parts.edges.push({ from: hub, to: target.id, label: '' });
  }
}

/** Per target category, up to two of `sources` from which some actor of `by` may move into that category. */
function permittedSources(
  movers: ReadonlyMap<Category, ReadonlyMap<string, number>>,
  sources: readonly CompiledStatus[],
  by: number,
): Map<Category, string[]> {
  const permitted = new Map<Category, string[]>();
  for (const [category, bySource] of movers) {
    const found: string[] = [];
    for (const source of sources) {
      if ((bySource.get(source.id)! & by) !== 0) found.push(source.id);
      if (found.length === 2) break;
    }
    permitted.set(category, found);
  }
  return permitted;
}

function sourceText(rule: CompiledStatusChange, sources: readonly CompiledStatus[]): string {
  if (rule.from === null) return 'any status';
  if (sources.length > MAX_NAMED_SOURCES) return `${sources.length} statuses`;
  return sources.map((s) => s.id).join(', ');
}
