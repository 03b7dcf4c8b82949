import { impliedAction } from '../implied-action.js';
import { ACTORS } from '../../model/actor.js';
import { ACTOR_BIT } from '../workflow.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { actorsAllowed } from '../rule-actors.js';
import { quote } from './paths.js';

/**
 * Reply rules that resolve, close or snooze a ticket for an actor whom the `resolve`, `close` or `snooze` rules
 * never let do so from that status. The engine applies a reply rule as the policy states it (a reply rule is
 * itself policy), so the rule silently widens who may close. Moves out of solved or closed are not flagged: a
 * customer reply that reopens is what reply rules are for.
 */
export function replyBypassesGuard(ctx: LintContext): LintFinding[] {
  const byRule = new Map<number, { action: string; actors: Set<string>; statuses: string[]; targets: Set<string> }>();
  for (const status of ctx.statuses) {
    if (!ctx.reachable.has(status.id)) continue;
    for (const actor of ACTORS) {
      const reply = status.replies[actor];
      if (reply.action !== 'move' || reply.to === null || reply.to === status.id) continue;
      const action = impliedAction(status, ctx.compiled.byId.get(reply.to)!);
      if (action !== 'resolve' && action !== 'close' && action !== 'snooze') continue;
      if ((actorsAllowed(status, action) & ACTOR_BIT[actor]) !== 0) continue;
      const entry = byRule.get(reply.rule) ?? {
        action,
        actors: new Set<string>(),
        statuses: [],
        targets: new Set<string>(),
      };
      entry.actors.add(actor);
      entry.targets.add(reply.to);
      // A status's actors are visited one after another: comparing with the last entry keeps each status once.
      if (entry.statuses[entry.statuses.length - 1] !== status.id) entry.statuses.push(status.id);
      byRule.set(reply.rule, entry);
    }
  }
  return [...byRule]
    .sort(([a], [b]) => a - b)
    .map(([rule, { action, actors, statuses, targets }]) => ({
      code: 'replyBypassesGuard',
      severity: 'warning',
      statuses,
      message: `replies[${rule}] moves tickets from ${quote(statuses)} to ${quote(targets)} on a reply by ${[...actors].join(' or ')}, although the "${action}" rules do not let ${[...actors].join(' or ')} ${action} from there`,
      path: `replies[${rule}]`,
    }));
}
