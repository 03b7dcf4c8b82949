import { ACTORS, type Actor } from '../actor.js';
import { CATEGORIES, type Category } from '../category.js';
import { impliedAction } from '../implied-action.js';
import {
  ACTOR_BIT,
  DEFAULT_STATUS_CHANGE,
  type CompiledActionRule,
  type CompiledStatus,
  type CompiledStatusChange,
  type CompiledWorkflow,
  type Workflow,
} from '../workflow.js';

const ALL_ACTORS = ACTOR_BIT.customer | ACTOR_BIT.agent | ACTOR_BIT.system;

/** Per list of action rules: the actors every status allows (`all`) plus those allowed from listed statuses only. */
interface PermissionTable {
  readonly all: number;
  readonly byStatus: ReadonlyMap<string, number>;
}

// Compiled rule lists are deep-frozen, so a table computed once for a list stays true for as long as the list lives.
const tables = new WeakMap<readonly CompiledActionRule[], PermissionTable>();

/**
 * The actors (as a bit mask) that some rule lets act from `status`. Conditions (assignee, customer waiting,
 * named guards) are taken as satisfiable: lint asks what a sequence of events can do, and some sequence meets
 * them (a named guard is code lint cannot read). The first call for a rule list folds every rule into one table
 * (linear in the rules' selections); every call after is one lookup, so lint and the diagram can ask per status,
 * actor and target without multiplying by the number of rules.
 */
export function actorsAllowed(rules: readonly CompiledActionRule[], status: string): number {
  let table = tables.get(rules);
  if (table === undefined) {
    let all = 0;
    const byStatus = new Map<string, number>();
    for (const rule of rules) {
      if (rule.from === null) all |= rule.by;
      else for (const id of rule.from) byStatus.set(id, (byStatus.get(id) ?? 0) | rule.by);
    }
    table = { all, byStatus };
    tables.set(rules, table);
  }
  return table.all | (table.byStatus.get(status) ?? 0);
}

/** `agent, system` for a mask, in the fixed actor order. */
export function actorNames(mask: number): string {
  return ACTORS.filter((a: Actor) => (mask & ACTOR_BIT[a]) !== 0).join(', ');
}

/**
 * The `statusChanges` rules that allow something new, with their index in the policy: the default rule when the
 * policy gives none (index 0), and each distinct rule once (a repeated rule allows nothing more, and drawing or
 * searching it again would only multiply the work).
 */
export function distinctStatusChanges(
  compiled: CompiledWorkflow,
): { readonly rule: CompiledStatusChange; readonly index: number }[] {
  if (compiled.statusChanges === null) return [{ rule: DEFAULT_STATUS_CHANGE, index: 0 }];
  const seen = new Set<string>();
  const distinct: { rule: CompiledStatusChange; index: number }[] = [];
  compiled.statusChanges.forEach((rule, index) => {
    const key = `${rule.by}|${rule.from === null ? '*' : [...rule.from].join(',')}|${rule.to === null ? '*' : [...rule.to].join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    distinct.push({ rule, index });
  });
  return distinct;
}

/**
 * Per target category and source status, the actors the action rules let move from there into that category
 * (whether a move is allowed depends on the source and the target's category only): statuses × 7 lookups, after
 * which lint and the diagram check any rule's move with one `&`.
 */
export function moversByCategory(
  workflow: Workflow,
  statuses: readonly CompiledStatus[],
): Map<Category, Map<string, number>> {
  const { compiled } = workflow;
  const movers = new Map<Category, Map<string, number>>();
  for (const category of CATEGORIES) {
    const probe = statuses.find((s) => s.category === category);
    const bySource = new Map<string, number>();
    movers.set(category, bySource);
    if (probe === undefined) continue;
    for (const source of statuses) {
      const action = impliedAction(source, probe);
      bySource.set(source.id, action === null ? ALL_ACTORS : actorsAllowed(compiled[action], source.id));
    }
  }
  return movers;
}
