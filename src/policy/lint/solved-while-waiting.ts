import { TEAM_ACTORS as TEAM } from '../rule-actors.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { quote } from './paths.js';
import { timerTargets } from '../timer-targets.js';

/**
 * A ticket the team may solve while the customer's last message is unanswered (a resolve rule without
 * `notWhileCustomerWaits` from a status where the customer can be waiting), that a timer then closes without
 * waiting for an answer (no `skipWhileCustomerWaits`): the customer's question closes unanswered, two steps
 * later. `prematureClose` reports the one-step case.
 */
export function solvedWhileCustomerWaits(ctx: LintContext): LintFinding[] {
  const { compiled } = ctx;
  const solvedInto = (target: string): string[] =>
    [...ctx.customerMayWait].filter((source) => {
      const s = compiled.byId.get(source)!;
      if (s.category === 'solved' || s.category === 'closed') return false;
      const careless = compiled.resolve.some(
        (r) => (r.by & TEAM) !== 0 && !r.notWhileCustomerWaits && (r.from === null || r.from.has(source)),
      );
      if (!careless) return false;
      if (ctx.workflow.defaults.solved === target) return true;
      return (ctx.graph.bySource.get(source) ?? []).some((g) => {
        const group = ctx.graph.groups[g]!;
        return group.kind === 'setStatus' && (group.actors & TEAM) !== 0 && group.targets.includes(target);
      });
    });
  const findings: LintFinding[] = [];
  for (const { timer, statuses } of ctx.timers) {
    if (timer.action !== 'move' || timer.skipWhileCustomerWaits) continue;
    if (!timerTargets(timer).some((t) => compiled.byId.get(t)!.category === 'closed')) continue;
    for (const status of statuses) {
      if (status.category !== 'solved' || ctx.customerMayWait.has(status.id)) continue;
      const sources = solvedInto(status.id);
      if (sources.length === 0) continue;
      findings.push({
        code: 'solvedWhileCustomerWaits',
        severity: 'warning',
        statuses: [status.id],
        message:
          `the team may solve a ticket from ${quote(sources)} while the customer waits for an answer, and timer "${timer.id}" then ` +
          `closes it in "${status.id}" all the same (add "notWhileCustomerWaits" to the resolve rule, or "skipWhileCustomerWaits" to the timer)`,
        path: `timers[${timer.order}]`,
      });
    }
  }
  return findings;
}
