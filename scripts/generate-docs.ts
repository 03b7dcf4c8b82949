// `npm run docs:generate [-- --measure-sizes]`: rewrites the generated sections of docs/presets.md and
// docs/performance.md. With --measure-sizes it first measures the built bundles with size-limit (build first).
// The bench table comes from docs/data/bench.json, which `npm run bench` writes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  PRESET_DIAGRAMS,
  readBenchData,
  readBudgets,
  readSizes,
  renderBenchTable,
  renderDiagrams,
  renderSizeTable,
  replaceSection,
} from './docs-tables.js';

const root = new URL('../', import.meta.url);
const rewrite = (path: string, edit: (text: string) => string): void => {
  const url = new URL(path, root);
  writeFileSync(url, edit(readFileSync(url, 'utf8')));
  console.log(`${path} written`);
};

if (process.argv.includes('--measure-sizes')) {
  const out = execFileSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8' });
  const measured = JSON.parse(out) as { name: string; size: number }[];
  writeFileSync(
    new URL('docs/data/sizes.json', root),
    `${JSON.stringify(Object.fromEntries(measured.map((m) => [m.name, m.size])), null, 2)}\n`,
  );
  console.log('docs/data/sizes.json written');
}

rewrite('docs/presets.md', (text) => replaceSection(text, 'diagrams', renderDiagrams(PRESET_DIAGRAMS)));
rewrite('docs/performance.md', (text) =>
  replaceSection(
    replaceSection(text, 'bench', renderBenchTable(readBenchData())),
    'sizes',
    renderSizeTable(readBudgets(), readSizes()),
  ),
);
