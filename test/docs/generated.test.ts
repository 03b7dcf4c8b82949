// Tables and diagrams in docs/ are generated, never copied by hand: `npm run docs:generate` writes them from
// `toMermaid`, the last full bench run (docs/data/bench.json) and the measured bundle sizes (docs/data/sizes.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PRESET_DIAGRAMS,
  readBenchData,
  readBudgets,
  readSizes,
  renderBenchTable,
  renderDiagrams,
  renderSizeTable,
  section,
} from '../../scripts/docs-tables.js';

const docs = new URL('../../docs/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, docs), 'utf8');

describe('generated docs (regenerate with npm run docs:generate)', () => {
  it('docs/presets.md shows the current diagram of every preset', () => {
    expect(section(read('presets.md'), 'diagrams')).toBe(renderDiagrams(PRESET_DIAGRAMS));
  });

  it('docs/performance.md shows the last full bench run', () => {
    const data = readBenchData();
    expect(data.rows.length).toBeGreaterThan(0);
    expect(section(read('performance.md'), 'bench')).toBe(renderBenchTable(data));
  });

  it('docs/performance.md shows a measured size for every budget of .size-limit.json, within its limit', () => {
    const budgets = readBudgets();
    const sizes = readSizes();
    expect(Object.keys(sizes).sort()).toEqual(budgets.map((b) => b.name).sort()); // re-measure: --measure-sizes
    for (const b of budgets)
      expect(sizes[b.name]!, b.name).toBeLessThanOrEqual(
        Number.parseFloat(b.limit) * (b.limit.endsWith('kB') ? 1000 : 1),
      );
    expect(section(read('performance.md'), 'sizes')).toBe(renderSizeTable(budgets, sizes));
  });

  it('every relative link in docs/ points to a file that exists', () => {
    const pages = readdirSync(docs).filter((name) => name.endsWith('.md'));
    const broken = pages.flatMap((page) =>
      [...read(page).matchAll(/\]\(((?!https?:)[^)#\s]+)(#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !existsSync(new URL(target, new URL(page, docs))))
        .map((target) => `${page} → ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
