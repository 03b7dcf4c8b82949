import { lintWorkflow, type LintFinding, type WorkflowIssue } from 'ticket-lifecycle';
import type { ExitCode, Output } from './errors.js';
import { loadPolicy } from './load-policy.js';

/**
 * `ticket-lifecycle lint <policy> [--json]`: every validation problem (the policy does not compile) or every lint
 * finding (it compiles but is risky), each with its path. Exit 1 when there is an error, 0 with warnings only.
 */
export async function lint(argument: string, json: boolean, io: Output): Promise<ExitCode> {
  const policy = await loadPolicy(argument);
  const issues: readonly WorkflowIssue[] = policy.ok ? [] : policy.issues;
  const findings: readonly LintFinding[] = policy.ok ? lintWorkflow(policy.workflow) : [];
  const errors = issues.length + findings.filter((f) => f.severity === 'error').length;
  if (json) {
    io.out(JSON.stringify({ ok: errors === 0, valid: policy.ok, issues, findings }, null, 2));
    return errors === 0 ? 0 : 1;
  }
  const rows = [
    ...issues.map((i) => ['error', i.path || '(root)', i.code, i.message] as const),
    ...findings.map((f) => [f.severity, f.path || '(policy)', f.code, f.message] as const),
  ];
  const width = (column: number): number => Math.max(0, ...rows.map((row) => row[column]!.length));
  for (const row of rows)
    io.out(`${row[0].padEnd(width(0))}  ${row[1].padEnd(width(1))}  ${row[2].padEnd(width(2))}  ${row[3]}`);
  const warnings = rows.length - errors;
  io.out(
    rows.length === 0
      ? `${argument}: valid, no findings`
      : `${argument}: ${policy.ok ? 'valid' : 'invalid'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return errors === 0 ? 0 : 1;
}
