import { ACTORS, type Actor } from '../model/actor.js';
import { ACTOR_BIT, type CompiledActionRule } from './workflow.js';

/** Per list of action rules: the actors every status allows (`all`) plus those allowed from listed statuses only. */
interface PermissionTable {
  readonly all: number;
  readonly byStatus: ReadonlyMap<string, number>;
}

// Compiled rule lists are deep-frozen, so a table computed once for a list stays true for as long as the list lives.
const tables = new WeakMap<readonly CompiledActionRule[], PermissionTable>();

/**
 * The actors (as a bit mask) that some rule lets act from `status`. Conditions (assignee, customer waiting,
 * named guards) are taken as satisfiable: some ticket meets them (a named guard is code no reader can see into).
 * The first call for a rule list folds every rule into one table (linear in the rules' selections); every call
 * after is one lookup, so the moves table can ask per status and actor without multiplying by the rules.
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

/** The actors of a mask, in the fixed actor order. */
export function actorsOf(mask: number): Actor[] {
  return ACTORS.filter((a: Actor) => (mask & ACTOR_BIT[a]) !== 0);
}

/** The mask of a list of actors. */
export function maskOf(actors: readonly Actor[]): number {
  let mask = 0;
  for (const a of actors) mask |= ACTOR_BIT[a];
  return mask;
}

/** `agent, system` for a mask, in the fixed actor order. */
export function actorNames(mask: number): string {
  return actorsOf(mask).join(', ');
}
