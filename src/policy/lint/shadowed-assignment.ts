import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { selectStatuses } from './select.js';

/** Assignment rules that never apply: an earlier rule matches every status they match (first match wins). */
export function shadowedAssignment(ctx: LintContext): LintFinding[] {
  const rules = ctx.workflow.config.assignments ?? [];
  const selections = rules.map((rule) => new Set(selectStatuses(ctx, rule)));
  const winners = new Set<number>();
  for (const status of ctx.statuses) {
    const first = selections.findIndex((selected) => selected.has(status.id));
    if (first >= 0) winners.add(first);
  }
  const findings: LintFinding[] = [];
  selections.forEach((selected, i) => {
    if (winners.has(i)) return;
    findings.push({
      code: 'shadowedAssignment',
      severity: 'warning',
      statuses: [...selected],
      message: `assignments[${i}] never applies: earlier assignment rules match every status it matches`,
      path: `assignments[${i}]`,
    });
  });
  return findings;
}
