import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { actorNames } from '../rule-actors.js';
import { quote, rulePath } from './paths.js';

/**
 * `close` rules that let someone close a `new` or `open` ticket with no condition at all (no
 * `notWhileCustomerWaits`, no `requireAssignee`, no named guard). The seeds' best practice is that closing
 * follows solved: the customer confirms, or the system closes after a quiet period. A warning: some helpdesks
 * (tawk.to) have no solved status and close straight from open.
 */
export function closeWithoutGuard(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  // With no closed status, `close` is always refused (`noTargetStatus`): nothing to warn about.
  if (ctx.workflow.defaults.closed === undefined) return [];
  const given = ctx.workflow.config.close !== undefined;
  ctx.compiled.close.forEach((rule, i) => {
    if (rule.notWhileCustomerWaits || rule.requireAssignee || rule.guards.length > 0 || rule.by === 0) return;
    const working = ctx.statuses.filter(
      (s) =>
        (s.category === 'new' || s.category === 'open') &&
        ctx.reachable.has(s.id) &&
        (rule.from === null || rule.from.has(s.id)),
    );
    if (working.length === 0) return;
    const ids = working.map((s) => s.id);
    findings.push({
      code: 'closeWithoutGuard',
      severity: 'warning',
      statuses: ids,
      message: `${given ? rulePath(ctx.workflow.config, 'close', i) : 'the default close rule'} lets ${actorNames(rule.by)} close from ${quote(ids)} with no condition; best practice is to close after solved`,
      path: rulePath(ctx.workflow.config, 'close', i),
    });
  });
  return findings;
}
