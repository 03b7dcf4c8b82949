import { ACTORS, type Actor } from '../model/actor.js';
import { ACTOR_BIT, type CompiledStatus } from './workflow.js';
import { type CompiledWhen, whenCanMatch, whensMeet } from './compile-when.js';
import type { ActionName, RuledAction } from './implied-action.js';

/**
 * The actors (as a bit mask) that some rule lets `action` from `status`: those with a candidate in the status's
 * decision structure (`decisions.ts`) whose `when` can match. Conditions (assignee, customer waiting, named guards)
 * are taken as satisfiable: some ticket meets them (a named guard is code no reader can see into).
 */
export function actorsAllowed(status: CompiledStatus, action: RuledAction): number {
  let mask = 0;
  for (const actor of ACTORS)
    if (status.decide[action][actor].some((rule) => whenCanMatch(rule.when))) mask |= ACTOR_BIT[actor];
  return mask;
}

/**
 * The actors of `mask` that pass the rules of every action in `actions` from `status`, on some ticket that also
 * matches `when`: one candidate per action whose `when`s all meet (a `setStatus` from solved into snoozed is a
 * reopen and a snooze, and their two rules must accept the same ticket). A search over the status's candidates,
 * per actor, that stops at the first fit.
 */
export function actorsAllowedAll(
  status: CompiledStatus,
  actions: readonly ActionName[],
  when: CompiledWhen | null,
  mask: number,
): number {
  if (!whenCanMatch(when)) return 0;
  const fits = (actor: Actor, i: number, whens: readonly (CompiledWhen | null)[]): boolean => {
    if (i === actions.length) return true;
    for (const rule of status.decide[actions[i]!][actor]) {
      const next = rule.when === null ? whens : [...whens, rule.when];
      if (rule.when !== null && !whensMeet(next)) continue;
      if (fits(actor, i + 1, next)) return true;
    }
    return false;
  };
  let allowed = 0;
  for (const actor of actorsOf(mask)) if (fits(actor, 0, [when])) allowed |= ACTOR_BIT[actor];
  return allowed;
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

/**
 * Agents and the system: the team's side of a rule's `by`. Built by a call marked pure, not by reading properties
 * (`ACTOR_BIT.agent | …`): a bundler keeps any top-level expression that might have an effect, in every bundle.
 */
export const TEAM_ACTORS = /* @__PURE__ */ maskOf(['agent', 'system']);

/** `agent, system` for a mask, in the fixed actor order. */
export function actorNames(mask: number): string {
  return actorsOf(mask).join(', ');
}
