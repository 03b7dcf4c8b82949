import type { Workflow } from 'ticket-lifecycle';
import { loadTesting } from './check.js';
import { CliError, type ExitCode, type Output } from './errors.js';
import { loadWorkflow } from './load-policy.js';

const badOptions = (issues: readonly { readonly message: string }[]): CliError =>
  new CliError(`--explore: ${issues.map((issue) => issue.message).join('; ')}`);

/** A CLI run must end: one minute, then the result says how far it got. */
const TIME_LIMIT_MS = 60_000;

/**
 * `ticket-lifecycle check <policy> --explore <depth>`: every event sequence up to `depth`, with the catalogue's
 * intents that apply to the policy. Prints what held (states, transitions) or the shortest counterexample, then
 * what can never happen or never end: unreachable statuses, dead ends, statuses that cannot close. Exit 1 when an
 * intent breaks, a ticket can get stuck, or the time ran out before the depth was done.
 */
export async function explore(argument: string, depth: number, io: Output): Promise<ExitCode> {
  const workflow = await loadWorkflow(argument);
  const testing = await loadTesting();
  const options = { depth, timeLimitMs: TIME_LIMIT_MS };
  // Bad input is one line on stderr before the progress line: a one-state run checks the options and nothing more.
  const preflight = testing.exploreWorkflow(workflow as Workflow, { ...options, maxStates: 1 });
  if (preflight.outcome === 'invalid') throw badOptions(preflight.issues);
  io.err(`exploring every event sequence up to depth ${depth} on ${argument}…`);
  const result = testing.exploreWorkflow(workflow as Workflow, options);
  if (result.outcome === 'invalid') throw badOptions(result.issues);
  io.out(`${result.outcome}: ${result.summary} (${(result.stats.elapsedMs / 1000).toFixed(1)} s)`);
  if (result.outcome === 'violated') for (const line of result.counterexample.lines) io.out(`  ${line}`);
  const { model } = result;
  if (model.unreachable.length > 0 && result.outcome !== 'violated')
    io.out(`never reached${model.complete ? '' : ` within ${depth} events`}: ${model.unreachable.join(', ')}`);
  for (const [what, list] of [
    ['dead end (nothing ever moves it again)', model.deadEnds],
    ['cannot close', model.cannotClose],
  ] as const) {
    for (const stuck of list) {
      io.out(`${what}: "${stuck.status}", reached by:`);
      for (const line of stuck.lines) io.out(`  ${line}`);
    }
  }
  return result.ok ? 0 : 1;
}
