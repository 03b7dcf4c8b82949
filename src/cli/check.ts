import type { Workflow } from 'ticket-lifecycle';
import { CliError, type ExitCode, type Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';

type Testing = typeof import('ticket-lifecycle/testing');

/**
 * `ticket-lifecycle check <policy> [--runs N] [--seed S]`: the testing kit's laws over random conversations, with
 * a progress line, and the shrunk counterexample of every law that breaks (exit 1). The seed is always printed,
 * so a failure replays with `--seed`.
 */
export async function check(argument: string, runs: number, seed: number, io: Output): Promise<ExitCode> {
  const workflow = await loadWorkflow(argument);
  const testing = await loadTesting();
  const laws = Object.keys(testing.LAWS);
  io.err(`checking ${laws.length} laws × ${runs} runs on ${argument} (seed ${seed})…`);
  const started = Date.now();
  const report = testing.checkWorkflow(workflow as Workflow, { numRuns: runs, seed });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report.ok) {
    io.out(`ok: all ${laws.length} laws hold for ${argument} (${runs} runs each, seed ${seed}, ${seconds} s)`);
    return 0;
  }
  for (const failure of report.failures) {
    io.out(`law broken: ${failure.law}: ${failure.message}`);
    for (const step of failure.steps) io.out(`  ${step}`);
    io.out(`  replay: ticket-lifecycle check ${argument} --runs ${runs} --seed ${failure.seed}`);
  }
  io.out(`${report.failures.length} of ${laws.length} laws broken (${seconds} s)`);
  return 1;
}

/** The testing kit needs fast-check, an optional peer: say how to install it instead of a module-not-found trace. */
export async function loadTesting(): Promise<Testing> {
  try {
    return await import('ticket-lifecycle/testing');
  } catch {
    throw new CliError('check needs fast-check: npm install --save-dev fast-check');
  }
}
