import { ACTORS } from '../../model/actor.js';
import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { selectStatuses } from './select.js';

/**
 * Reply rules that never apply: for every status and actor they match, an earlier rule matches first (the compiled
 * table records which rule won each pair). Partial overlap is the normal idiom (a specific rule before a general
 * one) and is not flagged.
 */
export function shadowedReply(ctx: LintContext): LintFinding[] {
  const rules = ctx.workflow.config.replies ?? [];
  const winners = new Set<number>();
  for (const status of ctx.statuses) for (const actor of ACTORS) winners.add(status.replies[actor].rule);
  const findings: LintFinding[] = [];
  rules.forEach((rule, i) => {
    if (winners.has(i)) return;
    findings.push({
      code: 'shadowedReply',
      severity: 'warning',
      statuses: selectStatuses(ctx, rule),
      message: `replies[${i}] never applies: earlier reply rules match every status and actor it matches`,
      path: `replies[${i}]`,
    });
  });
  return findings;
}
