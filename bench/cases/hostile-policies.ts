import { lintWorkflow, toMermaid, validateWorkflow, type Workflow } from 'ticket-lifecycle';
import { atTheLimits, HOSTILE_POLICIES } from '../fixtures/hostile-policies.js';
import { measure, sink } from '../support/measure.js';
import { absoluteRow, type BenchCase, type Row } from '../support/report.js';

const TARGET_MS = 100;
const LARGEST_VALID = 'at-the-limits';

const row = (subject: string, what: string, ns: number, note: string): Row =>
  absoluteRow(`hostile policy: ${what}`, subject, ns, TARGET_MS, note);

/**
 * Issue 9, item 11: policies of about 1 MB that took `validateWorkflow`, `lintWorkflow` or `toMermaid` seconds
 * (numbers before and after in docs/limits.md). Each hostile policy must now be answered (refused, with a limit
 * code) in under 100 ms, and the largest valid policy the limits let through must validate, lint and draw in
 * under 100 ms each. Configs are built beforehand: the generator's own cost is not the library's.
 */
export const hostilePolicies: BenchCase = {
  name: 'hostile policies (validate, lint, diagram)',
  subjects: () => [...HOSTILE_POLICIES.map((h) => h.name), LARGEST_VALID],
  async run(subject) {
    const make = subject === LARGEST_VALID ? atTheLimits : HOSTILE_POLICIES.find((h) => h.name === subject)?.config;
    if (make === undefined) throw new Error(`bench: unknown hostile policy ${subject}`);
    const configs = Array.from({ length: 8 }, make);
    let next = 0;
    const first = validateWorkflow(configs[0]);
    const outcome = first.ok ? ' (valid)' : ` (${first.issues[0]!.code} at ${first.issues[0]!.path || '(root)'})`;
    const options = { timeMs: 600, warmupMs: 100, minSamples: 5 };
    const validate = measure(
      [
        {
          name: 'validate',
          fn: () => {
            sink.value ^= validateWorkflow(configs[next++ % configs.length]).ok ? 1 : 0;
          },
          opsPerCall: 1,
        },
      ],
      options,
    ).get('validate')!;
    const rows = [row(subject, 'validateWorkflow', validate, outcome)];
    if (!first.ok) return rows;
    const workflow: Workflow = first.workflow;
    const lint = measure(
      [
        {
          name: 'lint',
          fn: () => {
            sink.value ^= lintWorkflow(workflow).length;
          },
          opsPerCall: 1,
        },
      ],
      options,
    ).get('lint')!;
    const diagram = measure(
      [
        {
          name: 'diagram',
          fn: () => {
            sink.value ^= toMermaid(workflow).length;
          },
          opsPerCall: 1,
        },
      ],
      options,
    ).get('diagram')!;
    const size = toMermaid(workflow).length;
    rows.push(
      row(subject, 'lintWorkflow', lint, ''),
      row(subject, 'toMermaid', diagram, ` (${(size / 1e6).toFixed(2)} MB)`),
    );
    return rows;
  },
};
