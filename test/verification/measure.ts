// Measures the corpus (run: npx tsx test/verification/measure.ts [seeds] [numRuns]); numbers for the report.
import * as presets from 'ticket-lifecycle/presets';
import type { Workflow } from 'ticket-lifecycle';
import { BROKEN } from './broken.js';
import { caught, detect } from './detect.js';
import { SOUND } from './sound.js';

const seeds = (process.argv[2] ?? '1,2,3,4,5').split(',').map(Number);
const numRuns = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

let lintAlone = 0;
let lawsAlone = 0;
let withCatalogue = 0;
let checkAlone = 0;
const perRun: number[] = [];
const lengths: number[] = [];
const started = Date.now();
for (const entry of BROKEN) {
  const workflow = entry.workflow();
  const laws = detect(workflow, { seed: seeds[0]!, intents: [], ...(numRuns && { numRuns }) });
  const byLint = laws.lint.some((c) => entry.caughtBy.includes(c));
  const byLaws = caught(laws, entry.caughtBy).length > 0;
  let found = 0;
  for (const seed of seeds) {
    const d = detect(entry.workflow(), { seed, ...(numRuns && { numRuns }) });
    perRun.push(d.ms);
    const hit = d.failures.find((f) => entry.caughtBy.includes(f.law));
    if (hit !== undefined) found++;
    if (hit !== undefined) lengths.push(hit.scenario?.events.length ?? 0);
  }
  lintAlone += byLint ? 1 : 0;
  lawsAlone += byLint || byLaws ? 1 : 0;
  const reliably = found >= Math.ceil((seeds.length * 3) / 5);
  checkAlone += reliably ? 1 : 0;
  withCatalogue += byLint || reliably ? 1 : 0;
  console.log(
    `${entry.id.padEnd(36)} lint ${byLint ? 'Y' : '.'}  laws ${byLaws ? 'Y' : '.'}  checkWorkflow ${found}/${seeds.length}`,
  );
}
let falseAlarms = 0;
const all: [string, Workflow][] = [
  ...SOUND.map((e): [string, Workflow] => [e.id, e.workflow()]),
  ...Object.entries(presets)
    .filter(([, make]) => typeof make === 'function')
    .map(([name, make]): [string, Workflow] => [`preset ${name}`, (make as () => Workflow)()]),
];
for (const [id, workflow] of all) {
  for (const seed of seeds) {
    const d = detect(workflow, { seed, ...(numRuns && { numRuns }) });
    if (d.failures.length > 0) {
      falseAlarms++;
      console.log(
        `FALSE ALARM ${id} seed ${seed}: ${d.failures.map((f) => `${f.law}: ${f.message}\n  ${f.steps.join('\n  ')}`).join('\n')}`,
      );
    }
  }
}
console.log(
  `broken ${BROKEN.length}, sound ${SOUND.length}, presets ${all.length - SOUND.length}, seeds ${seeds.join(',')}`,
);
console.log(
  `caught by lint alone: ${lintAlone}; lint + laws (no catalogue): ${lawsAlone}; ` +
    `checkWorkflow defaults (>= 3/5 seeds): ${checkAlone}; lint + checkWorkflow defaults: ${withCatalogue}`,
);
console.log(`checkWorkflow on a broken policy: median ${median(perRun)} ms, max ${Math.max(...perRun)} ms`);
console.log(`false alarms (policy × seed): ${falseAlarms}; median counterexample length: ${median(lengths)} events`);
console.log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
