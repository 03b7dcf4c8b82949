import { ACTORS, type Actor } from '../model/actor.js';
import { ACTOR_BIT, type CompiledActionRule } from './workflow.js';
import { type CompiledWhen, whenCanMatch, whensMeet } from './compile-when.js';
import type { ActionName } from './implied-action.js';

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
      if (!whenCanMatch(rule.when)) continue;
      if (rule.from === null) all |= rule.by;
      else for (const id of rule.from) byStatus.set(id, (byStatus.get(id) ?? 0) | rule.by);
    }
    table = { all, byStatus };
    tables.set(rules, table);
  }
  return table.all | (table.byStatus.get(status) ?? 0);
}

const withWhen = new WeakMap<readonly CompiledActionRule[], boolean>();
const hasWhen = (rules: readonly CompiledActionRule[]): boolean => {
  let answer = withWhen.get(rules);
  if (answer === undefined) {
    answer = rules.some((r) => r.when !== null);
    withWhen.set(rules, answer);
  }
  return answer;
};

/**
 * The actors that pass the rules of every action in `actions` from `status`, on some ticket that also matches
 * `when`: one rule per action whose `when`s all meet (a `setStatus` from solved into snoozed is a reopen and a
 * snooze, and their two rules must accept the same ticket). Without any `when` it is the plain
 * {@link actorsAllowed} intersection; with them, a search over one rule per action that stops once every actor of
 * the mask is found.
 */
export function actorsAllowedAll(
  compiled: Readonly<Record<ActionName, readonly CompiledActionRule[]>>,
  actions: readonly ActionName[],
  status: string,
  when: CompiledWhen | null,
  mask: number,
): number {
  if (when === null && !actions.some((a) => hasWhen(compiled[a]))) {
    for (const action of actions) mask &= actorsAllowed(compiled[action], status);
    return mask;
  }
  if (!whenCanMatch(when)) return 0;
  const search = (i: number, whens: readonly (CompiledWhen | null)[], allowed: number): number => {
    if (i === actions.length) return allowed;
    let found = 0;
    for (const rule of compiled[actions[i]!]) {
      if (rule.from !== null && !rule.from.has(status)) continue;
      const actors = allowed & rule.by & ~found;
      if (actors === 0) continue;
      const next = rule.when === null ? whens : [...whens, rule.when];
      if (rule.when !== null && !whensMeet(next)) continue;
      found |= search(i + 1, next, actors);
      if (found === allowed) break;
    }
    return found;
  };
  return search(0, [when], mask);
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
