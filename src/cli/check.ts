import type { Workflow } from 'ticket-lifecycle';
import { CliError, type ExitCode, type Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';

type Testing = typeof import('ticket-lifecycle/testing');

/** What `check` runs: how many runs, the seed, and (to replay one counterexample) a check's name and its path. */
export interface CheckRun {
  readonly runs: number;
  readonly seed: number;
  readonly only?: string;
  readonly path?: string;
}

/**
 * `ticket-lifecycle check <policy> [--runs N] [--seed S] [--only NAME --path P]`: the testing kit's laws and the
 * intents of its catalogue that apply to the policy, over random and boundary-hunting conversations, with a progress
 * line, and the shrunk counterexample of every check that breaks (exit 1): one line per event with its time since
 * creation, the timers that fired inside it, its effects, and the violation. The seed is always printed, and each
 * failure's replay command (seed, path and name) reproduces it alone.
 */
export async function check(argument: string, run: CheckRun, io: Output): Promise<ExitCode> {
  const workflow = (await loadWorkflow(argument)) as Workflow;
  const testing = await loadTesting();
  const laws = Object.keys(testing.LAWS).length + 1; // and `total`
  const intents = testing.applicableIntents(workflow).length;
  const what = `${laws} laws and ${intents} intents`;
  const options = { numRuns: run.runs, seed: run.seed, ...(run.path !== undefined && { path: run.path }) };
  // Bad flags are one line on stderr before the progress line: the kit checks its options before running anything,
  // so a call that selects no check asks it for nothing else.
  const preflight = testing.checkWorkflow(workflow, { ...options, only: [] });
  if (!preflight.ok) throw new CliError(preflight.issues.map((i) => asFlag(i.message)).join('; '));
  if (run.only !== undefined && !checkNames(testing, workflow).includes(run.only))
    throw new CliError(`--only ${run.only}: no law or intent has that name`);
  io.err(`checking ${what} × ${run.runs} runs on ${argument} (seed ${run.seed})…`);
  const started = Date.now();
  const report = testing.checkWorkflow(workflow, { ...options, ...(run.only !== undefined && { only: [run.only] }) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report.ok) {
    if (report.checked.length === 0) throw new CliError(`--only ${run.only}: no law or intent has that name`);
    io.out(
      `ok: all ${report.checked.length === laws + intents ? what : report.checked.join(', ')} hold for ${argument} (${run.runs} runs each, seed ${run.seed}, ${seconds} s)`,
    );
    return 0;
  }
  if (report.issues.length > 0) throw new CliError(report.issues.map((i) => i.message).join('; '));
  for (const failure of report.failures) {
    io.out(`${failure.kind === 'law' ? 'law' : 'intent'} broken: ${failure.law}: ${failure.message}`);
    for (const step of failure.steps) io.out(`  ${step}`);
    const path = failure.path === null ? '' : ` --only ${failure.law} --path ${failure.path}`;
    io.out(`  replay: ticket-lifecycle check ${argument} --runs ${run.runs} --seed ${failure.seed}${path}`);
  }
  io.out(`${report.failures.length} of ${laws + intents} checks broken (${seconds} s)`);
  return 1;
}

/** The names `--only` takes: the laws, `total`, and the intents that apply to this policy. */
const checkNames = (testing: Testing, workflow: Workflow): string[] => [
  ...Object.keys(testing.LAWS),
  'total',
  ...testing.applicableIntents(workflow).map((intent) => intent.name),
];

/** The kit names its options (`numRuns must be…`); the user typed flags. */
const asFlag = (message: string): string =>
  message.replace(/^(numRuns|seed|path)\b/, (option) => (option === 'numRuns' ? '--runs' : `--${option}`));

/** The testing kit needs fast-check, an optional peer: say how to install it instead of a module-not-found trace. */
export async function loadTesting(): Promise<Testing> {
  try {
    return await import('ticket-lifecycle/testing');
  } catch {
    throw new CliError('check needs fast-check: npm install --save-dev fast-check');
  }
}
