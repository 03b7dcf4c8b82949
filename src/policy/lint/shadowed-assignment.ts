import type { LintContext } from './context.js';
import type { LintFinding } from './finding.js';
import { selectStatuses } from './select.js';

/** Assignment rules that never apply: an earlier rule matches every status they match (first match wins). */
export function shadowedAssignment(ctx: LintContext): LintFinding[] {
  const rules = ctx.workflow.config.assignments ?? [];
  const selections = rules.map((rule) => new Set(selectStatuses(ctx, rule)));
  // Rules in order claim the statuses nobody claimed before them: a rule that claims none never applies.
  const claimed = new Set<string>();
  const winners = new Set<number>();
  selections.forEach((selected, i) => {
    for (const id of selected) {
      if (claimed.has(id)) continue;
      claimed.add(id);
      winners.add(i);
    }
  });
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
