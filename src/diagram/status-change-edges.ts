import { impliedAction } from '../policy/implied-action.js';
import { ACTORS } from '../policy/actor.js';
import { CATEGORIES, type Category } from '../policy/category.js';
import { actorsAllowed } from '../policy/lint/permissions.js';
import { ACTOR_BIT, DEFAULT_STATUS_CHANGE, type CompiledStatus, type CompiledStatusChange, type Workflow } from '../policy/workflow.js';
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
  const rules: readonly CompiledStatusChange[] = compiled.statusChanges ?? [DEFAULT_STATUS_CHANGE];
  rules.forEach((rule, i) => {
    const sources = rule.from === null ? statuses : statuses.filter((s) => rule.from!.has(s.id));
    const movers = permittedSources(workflow, sources, rule.by);
    // Setting a status to itself changes nothing worth drawing: some other permitted source must exist.
    const targets = statuses.filter((s) => {
      const from = movers.get(s.category) ?? [];
      const fromElsewhere = from.length > 1 || (from.length === 1 && from[0] !== s.id);
      return (rule.to === null || rule.to.has(s.id)) && fromElsewhere && (!s.requireUntil || s.acceptsUntil);
    });
    if (targets.length === 0) return;
    const hub = `set status ${i}`;
    parts.hubs.push({ key: hub, label: `set status by ${names(rule.by)} from ${sourceText(rule, sources)}` });
    for (const target of targets) parts.edges.push({ from: hub, to: target.id, label: '' });
  });
}

/**
 * Per target category, up to two of `sources` from which some actor of `by` may move into that category, given
 * the action rules (whether a move is allowed depends on the source and the target's category only).
 */
function permittedSources(workflow: Workflow, sources: readonly CompiledStatus[], by: number): Map<Category, string[]> {
  const permitted = new Map<Category, string[]>();
  for (const category of CATEGORIES) {
    const probe = workflow.statuses.find((s) => s.category === category);
    if (probe === undefined) continue;
    const target = workflow.compiled.byId.get(probe.id)!;
    const found: string[] = [];
    for (const source of sources) {
      const action = impliedAction(source, target);
      if (action === null || (actorsAllowed(workflow.compiled[action], source.id) & by) !== 0) found.push(source.id);
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

function names(mask: number): string {
  return ACTORS.filter((a) => (mask & ACTOR_BIT[a]) !== 0).join(', ');
}
