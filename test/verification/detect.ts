// What the kit reports on one corpus policy: lint's findings, and checkWorkflow's failures (laws only, or with the
// catalogue), so the corpus test and the measurement script judge alike.
import { lintWorkflow, type Workflow } from 'ticket-lifecycle';
import { checkWorkflow, type CheckFailure, type CheckWorkflowOptions } from 'ticket-lifecycle/testing';

export interface Detection {
  readonly lint: readonly string[];
  readonly failures: readonly CheckFailure[];
  readonly ms: number;
}

export function detect(workflow: Workflow, options: CheckWorkflowOptions): Detection {
  const started = Date.now();
  const report = checkWorkflow(workflow, options);
  if (!report.ok && report.issues.length > 0) throw new Error(report.issues.map((i) => i.message).join('; '));
  return {
    lint: lintWorkflow(workflow).map((f) => f.code),
    failures: report.ok ? [] : report.failures,
    ms: Date.now() - started,
  };
}

/** The names among `expected` that the detection reports (lint codes or failed checks). */
export const caught = (d: Detection, expected: readonly string[]): string[] =>
  expected.filter((name) => d.lint.includes(name) || d.failures.some((f) => f.law === name));
