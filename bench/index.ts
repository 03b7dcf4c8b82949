/**
 * `npm run bench`: every comparison of the performance targets in one run, printed as one Markdown table with a
 * PASS/MISS verdict per target. `npm run bench -- sweep` runs only the cases whose name contains "sweep".
 *
 * Each (case, subject) pair runs in a child process of its own (see `BenchCase`); the parent only collects rows.
 * Timing never goes into `npm test`: numbers depend on the machine, and the table says which one it ran on.
 *
 * The bench measures the built package (dist/, through bench/tsconfig.json), so `npm run bench` builds first.
 * To profile a case: `npm run build && TSX_TSCONFIG_PATH=bench/tsconfig.json node --cpu-prof --import tsx
 * bench/index.ts sweep` — the children inherit `--cpu-prof` and each writes its own .cpuprofile.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { actorSend } from './cases/actor-send.js';
import { calendarCase } from './cases/calendar.js';
import { slaCase } from './cases/sla.js';
import { defineLintCase } from './cases/define-lint.js';
import { explorePresets } from './cases/explore-presets.js';
import { machineTimerChain } from './cases/machine-timer-chain.js';
import { postgresStore } from './cases/postgres-store.js';
import { hostilePolicies } from './cases/hostile-policies.js';
import { sweep } from './cases/sweep.js';
import { ticketJsonSize } from './cases/ticket-json-size.js';
import { timerCost } from './cases/timer-cost.js';
import { transitionThroughput } from './cases/transition-throughput.js';
import { transitionVsContractReducer } from './cases/transition-vs-contract-reducer.js';
import { transitionVsReducer } from './cases/transition-vs-reducer.js';
import { transitionVsXState } from './cases/transition-vs-xstate.js';
import { markdownTable, type BenchCase, type Row } from './support/report.js';

const CASES: readonly BenchCase[] = [
  transitionThroughput,
  transitionVsXState,
  transitionVsReducer,
  transitionVsContractReducer,
  actorSend,
  sweep,
  timerCost,
  defineLintCase,
  machineTimerChain,
  hostilePolicies,
  ticketJsonSize,
  calendarCase,
  slaCase,
  // After the in-memory cases. In round 12's first full bench the `sla` case, then two cases after this one,
  // measured its parsed rows in 1.45 s; run alone 0.95 s, 0.88 s right after this case on PGlite only, and 0.71 s
  // with this order. What slows it (the server's background work after five rounds of 100,000-ticket sweeps, or
  // the VM's memory reclaim, as in round 10) is not pinned down (docs/performance.md, round 12).
  postgresStore,
  // Last: informative rows only, and five minutes of a process of several GB. On the VM these benches run on, every
  // row of the case that came after it ran 1.7–1.9× slower, its plain-Zendesk reference (no SLA code) included,
  // while the same case run alone right after measured as usual (docs/performance.md, round 10).
  explorePresets,
];

const CHILD_FLAG = '--child';
const args = process.argv.slice(2);

if (args[0] === CHILD_FLAG) {
  // Child: run one subject of one case and hand the rows back as JSON on stdout.
  const [, caseName, subject] = args;
  const benchCase = CASES.find((c) => c.name === caseName);
  if (benchCase === undefined || subject === undefined) throw new Error(`bench: unknown case ${caseName}`);
  process.stdout.write(JSON.stringify(await benchCase.run(subject)));
} else {
  const filter = args.join(' ').toLowerCase();
  const started = performance.now();
  const rows: Row[] = [];
  for (const benchCase of CASES.filter((c) => c.name.toLowerCase().includes(filter))) {
    for (const subject of benchCase.subjects()) {
      process.stderr.write(`${benchCase.name}: ${subject}…\n`);
      // Same Node flags (the tsx loader among them) and environment (its tsconfig) as this process.
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, benchCase.name, subject],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      if (child.status !== 0)
        throw new Error(`bench: ${benchCase.name} (${subject}) failed with exit code ${child.status}`);
      rows.push(...(JSON.parse(child.stdout) as Row[]));
    }
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `ticket-lifecycle bench — Node ${process.version}, ${cpus().length} × ${cpu}, ${process.platform}/${process.arch}\n`,
  );
  console.log(markdownTable(rows));
  const count = (verdict: Row['verdict']): number => rows.filter((r) => r.verdict === verdict).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const note = `${count('PASS')} targets met, ${count('MISS')} missed — ${seconds} s`;
  console.log(`\n${note}`);
  if (filter === '') {
    // A full run is what docs/performance.md shows: save it, then `npm run docs:generate` renders it there.
    const machine = `${cpus().length} × ${cpu}, ${process.platform}/${process.arch}, Node ${process.version}`;
    writeFileSync(
      new URL('../docs/data/bench.json', import.meta.url),
      `${JSON.stringify({ machine, note, rows }, null, 2)}\n`,
    );
    console.log('docs/data/bench.json written: run `npm run docs:generate` to update docs/performance.md');
  }
}
