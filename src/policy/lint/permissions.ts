import { ACTORS, type Actor } from '../actor.js';
import { ACTOR_BIT, type CompiledActionRule } from '../workflow.js';


/**
 * The actors (as a bit mask) that some rule lets act from `status`. Conditions (assignee, customer waiting,
 * named guards) are taken as satisfiable: lint asks what a sequence of events can do, and some sequence meets
 * them (a named guard is code lint cannot read).
 */
export function actorsAllowed(rules: readonly CompiledActionRule[], status: string): number {
  let mask = 0;
  for (const rule of rules) if (rule.from === null || rule.from.has(status)) mask |= rule.by;
  return mask;
}

/** `agent, system` for a mask, in the fixed actor order. */
export function actorNames(mask: number): string {
  return ACTORS.filter((a: Actor) => (mask & ACTOR_BIT[a]) !== 0).join(', ');
}
