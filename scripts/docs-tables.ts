// The generated parts of docs/: preset diagrams (from `toMermaid`), the bench table (from the last `npm run bench`,
// saved in docs/data/bench.json) and the size table (budgets from .size-limit.json, sizes measured by size-limit,
// saved in docs/data/sizes.json). `npm run docs:generate` rewrites them; test/docs/generated.test.ts checks them.
import { readFileSync } from 'node:fs';
import { markdownTable, type Row } from '../bench/support/report.js';

export { PRESET_DIAGRAMS, renderDiagrams } from './preset-diagrams.js';

const root = new URL('../', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;

/** The last full bench run: where it ran, a one-line summary, and its rows. */
export interface BenchData {
  readonly machine: string;
  readonly note: string;
  readonly rows: readonly Row[];
}

/** A size budget of .size-limit.json and the size measured for it, in bytes (min+gzip). */
export interface SizeBudget {
  readonly name: string;
  readonly limit: string;
  readonly import?: string;
}
export type MeasuredSizes = Readonly<Record<string, number>>;

export const readBenchData = (): BenchData => readJson<BenchData>('docs/data/bench.json');
export const readBudgets = (): readonly SizeBudget[] => readJson<SizeBudget[]>('.size-limit.json');
export const readSizes = (): MeasuredSizes => readJson<MeasuredSizes>('docs/data/sizes.json');

/** The bench table with the line that says where and when it ran. */
export function renderBenchTable(data: BenchData): string {
  return `One run on a ${data.machine} (${data.note}):\n\n${markdownTable(data.rows)}\n`;
}

/** The size table: every budget, its limit, and the measured size. */
export function renderSizeTable(budgets: readonly SizeBudget[], sizes: MeasuredSizes): string {
  const kB = (bytes: number | undefined): string =>
    bytes === undefined ? 'not measured' : `${(bytes / 1000).toFixed(2)} kB`;
  return [
    '| budget | what it imports | limit | size |',
    '| --- | --- | --- | --- |',
    ...budgets.map(
      (b) =>
        `| ${b.name} | ${b.import === undefined ? 'everything' : `\`${b.import}\``} | ${b.limit} | ${kB(sizes[b.name])} |`,
    ),
    '',
  ].join('\n');
}

/** `text` with the lines between `<!-- name:start -->` and `<!-- name:end -->` replaced by `content`. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}${text.slice(to)}`;
}

/** The content of a generated section, for tests. */
export function section(text: string, name: string): string | null {
  const start = `<!-- ${name}:start -->\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(`<!-- ${name}:end -->`);
  return from < 0 || to < from ? null : text.slice(from + start.length, to);
}
