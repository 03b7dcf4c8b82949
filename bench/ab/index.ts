/**
 * `npm run bench:ab -- [--against REF] [--rounds N] [--count N] CASE`: the working tree's build against the build of
 * a git ref (default `main`), both loaded in this one process and timed in alternating rounds, with the references
 * of the case. For a change of a few percent, which `npm run bench` cannot resolve on a shared machine (its rows
 * move with the host by more than that from one run to the next). `--against current` times the working tree's
 * build against a second copy of itself: the noise floor of the machine at that moment.
 *
 * Cases:
 * - `contract`: `transition(tawkTo())` over the contract bench's histories, and the contract-equivalent reducer;
 * - `sweep:<preset>` (`sweep:liveAgent`, `sweep:zendesk`): `evaluateAutoClose` and `nextDeadline` over `--count`
 *   JSON-parsed stored tickets (default 300,000), and the hand loops;
 * - `postgres-sweep`: `store.sweep` by 4 sweepers over `--count` due tickets (default 100,000) on DATABASE_URL, and
 *   one set-based `UPDATE`; wall time, Node CPU and, for a server on this machine, the server's CPU.
 *
 * In-memory cases report CPU time (`process.cpuUsage`), so waiting for a core does not count; every ratio is
 * computed round by round and printed as its median and range.
 */
import { parseArgs } from 'node:util';
import { prepareBuilds } from './builds.js';
import { contractCase, postgresSweepCase, sweepCase, type AbCase } from './cases.js';
import { alternate, report } from './rounds.js';
import type { Build } from './builds.js';

const { values, positionals } = parseArgs({
  options: {
    against: { type: 'string', default: 'main' },
    rounds: { type: 'string', default: '9' },
    count: { type: 'string' },
  },
  allowPositionals: true,
});

const name = positionals[0] ?? '';
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number from 1');

function caseFor(builds: readonly Build[]): Promise<AbCase> {
  const count = values.count === undefined ? undefined : Number(values.count);
  if (name === 'contract') return contractCase(builds);
  if (name.startsWith('sweep:')) {
    const preset = name.slice('sweep:'.length);
    if (preset !== 'zendesk' && preset !== 'liveAgent') throw new Error('sweep:zendesk or sweep:liveAgent');
    return sweepCase(builds, preset, count ?? 300_000);
  }
  if (name === 'postgres-sweep') return postgresSweepCase(builds, count ?? 100_000);
  throw new Error(`unknown case "${name}": contract, sweep:<preset>, postgres-sweep`);
}

const { builds, close } = prepareBuilds(values.against);
try {
  const ab = await caseFor(builds);
  try {
    const results = await alternate(ab.subjects, { rounds, warmup: ab.warmup });
    console.log(`A/B: ${name}, ${rounds} rounds (+${ab.warmup} warm-up), Node ${process.version}\n`);
    console.log(report(results, ab.ratios));
  } finally {
    await ab.close?.();
  }
} finally {
  close();
}
