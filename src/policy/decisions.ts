import { ACTORS, type Actor } from '../model/actor.js';
import type { RuledAction } from './implied-action.js';
import { ACTOR_BIT, type CompiledActionRule, type CompiledStatusChange } from './workflow.js';

/**
 * Per actor, the candidate rules in policy order: the rules whose `from` selects the status and whose `by` names
 * the actor. A status's candidates are all the engine tries for an event there; the rules that cannot apply were
 * filtered out when the policy was compiled.
 */
export type Candidates<R> = Readonly<Record<Actor, readonly R[]>>;

/**
 * The compiled decision structure of one status: per kind of ruled event and per actor, the ordered candidate
 * rules. The engine judges an event by trying its candidates in order (`when`, then conditions; the first that
 * passes allows it, else the first failure is the reason), and the moves table (`build-moves.ts`) is derived from
 * these same lists, so the table and the engine cannot drift. Reply rules have their own per-actor first-match
 * chain (`CompiledStatus.replies`). Part of the compiled form: engine-internal.
 */
export interface StatusDecisions extends Readonly<Record<RuledAction, Candidates<CompiledActionRule>>> {
  /** `statusChanges` candidates (their `to` is judged per event: the event names its target). */
  readonly setStatus: Candidates<CompiledStatusChange>;
}

type Rule = { readonly from: ReadonlySet<string> | null; readonly by: number };

/**
 * Builds every status's {@link StatusDecisions} in one pass per kind of rule: each rule visits only the statuses it
 * selects, once per actor it names (linear in the rules' selections). A candidate list grows by appending, and
 * appending the same rule to the same list gives the same (frozen) list, so statuses with the same candidates share
 * one array: a policy whose rules select every status keeps one list per actor and rule position, not one per
 * status.
 */
export function compileDecisions(
  ids: readonly string[],
  rules: Readonly<Record<RuledAction, readonly CompiledActionRule[]>> & {
    readonly statusChanges: readonly CompiledStatusChange[];
  },
): Map<string, StatusDecisions> {
  const kinds = ['resolve', 'close', 'snooze', 'reopen', 'assign', 'merge', 'update', 'setStatus'] as const;
  const perKind = kinds.map((kind) =>
    candidatesOf<Rule>(ids, kind === 'setStatus' ? rules.statusChanges : rules[kind]),
  );
  const out = new Map<string, StatusDecisions>();
  for (const id of ids) {
    const decisions = {} as Record<(typeof kinds)[number], Candidates<Rule>>;
    kinds.forEach((kind, k) => {
      decisions[kind] = perKind[k]!.get(id)!;
    });
    out.set(id, decisions as unknown as StatusDecisions);
  }
  return out;
}

const EMPTY: readonly never[] = /* @__PURE__ */ Object.freeze([]);

function candidatesOf<R extends Rule>(ids: readonly string[], rules: readonly R[]): Map<string, Candidates<R>> {
  const lists = new Map<Actor, Map<string, readonly R[]>>();
  const appended = new Map<readonly R[], Map<R, readonly R[]>>();
  const append = (list: readonly R[], rule: R): readonly R[] => {
    let next = appended.get(list);
    if (next === undefined) {
      next = new Map();
      appended.set(list, next);
    }
    let longer = next.get(rule);
    if (longer === undefined) {
      longer = Object.freeze([...list, rule]);
      next.set(rule, longer);
    }
    return longer;
  };
  for (const actor of ACTORS) {
    const bit = ACTOR_BIT[actor];
    const byStatus = new Map<string, readonly R[]>();
    for (const id of ids) byStatus.set(id, EMPTY);
    for (const rule of rules) {
      if ((rule.by & bit) === 0) continue;
      for (const id of rule.from ?? ids) byStatus.set(id, append(byStatus.get(id)!, rule));
    }
    lists.set(actor, byStatus);
  }
  // One shared answer object per distinct triple of lists, for the same reason.
  const shared = new Map<string, Candidates<R>>();
  const index = new Map<readonly R[], number>();
  const key = (list: readonly R[]): number => {
    let n = index.get(list);
    if (n === undefined) {
      n = index.size;
      index.set(list, n);
    }
    return n;
  };
  const out = new Map<string, Candidates<R>>();
  for (const id of ids) {
    const customer = lists.get('customer')!.get(id)!;
    const agent = lists.get('agent')!.get(id)!;
    const system = lists.get('system')!.get(id)!;
    const k = `${key(customer)},${key(agent)},${key(system)}`;
    let entry = shared.get(k);
    if (entry === undefined) {
      entry = Object.freeze({ customer, agent, system });
      shared.set(k, entry);
    }
    out.set(id, entry);
  }
  return out;
}
