import { defineWorkflow, lintWorkflow } from 'ticket-lifecycle';
import { policy300 } from '../fixtures/policy-300.js';
import { measure, sink } from '../support/measure.js';
import { absoluteRow, type BenchCase } from '../support/report.js';

const DEFINE_TARGET_MS = 5;
const LINT_TARGET_MS = 100;

const SUBJECT = '300 statuses';

/**
 * Compiling and linting a Zendesk-sized policy (300 custom statuses): an admin screen validates on every save,
 * so both must feel instant. Targets: `defineWorkflow` under 5 ms, `lintWorkflow` under 100 ms.
 */
export const defineLintCase: BenchCase = {
  name: 'defineWorkflow and lintWorkflow, 300 statuses',
  subjects: () => ['defineWorkflow', 'lintWorkflow'],
  async run(subject) {
    if (subject === 'defineWorkflow') {
      // Configs are made beforehand: the generator's own cost is not the library's.
      const configs = Array.from({ length: 64 }, policy300);
      let next = 0;
      const ns = measure(
        [
          {
            name: 'define',
            fn: () => {
              sink.value ^= defineWorkflow(configs[next++ % configs.length]!).statuses.length;
            },
            opsPerCall: 1,
          },
        ],
        { timeMs: 500, minSamples: 20 },
      ).get('define')!;
      return [absoluteRow('defineWorkflow', SUBJECT, ns, DEFINE_TARGET_MS)];
    }
    const workflow = defineWorkflow(policy300());
    const findings = lintWorkflow(workflow).length;
    const ns = measure(
      [
        {
          name: 'lint',
          fn: () => {
            sink.value ^= lintWorkflow(workflow).length;
          },
          opsPerCall: 1,
        },
      ],
      {
        timeMs: 1_000,
        minSamples: 5,
      },
    ).get('lint')!;
    return [absoluteRow('lintWorkflow', SUBJECT, ns, LINT_TARGET_MS, ` (${findings} findings)`)];
  },
};
