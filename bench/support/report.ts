import { formatDuration } from './format.js';

/** How one measured line compares with its target. `INFO` rows carry a number with no target (a ticket's size). */
export type Verdict = 'PASS' | 'MISS' | 'INFO';

/**
 * One line of the bench table.
 *
 * @example
 * ```ts
 * const row: Row = {
 *   case: 'transition vs reducer', subject: 'tawkTo', ours: '180 ns/event', reference: '95 ns/event',
 *   ratio: '1.89×', target: '≤ 1.5×', verdict: 'MISS',
 * };
 * ```
 */
export interface Row {
  readonly case: string;
  readonly subject: string;
  readonly ours: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/**
 * A bench case: one comparison in its own module. Each subject (a preset, usually) is measured in a process of
 * its own, so no measurement inherits the JIT state or the heap of another: in one shared process, whichever
 * preset ran second measured up to 40% slower or faster than alone, enough to flip a PASS.
 *
 * @example
 * ```ts
 * const hello: BenchCase = { name: 'hello', subjects: () => ['world'], run: async (subject) => [] };
 * ```
 */
export interface BenchCase {
  readonly name: string;
  subjects(): readonly string[];
  run(subject: string): Promise<readonly Row[]>;
}

/**
 * A row for a time with an absolute target (no reference to compare with): `PASS` when under `targetMs`.
 *
 * @example
 * ```ts
 * absoluteRow('lintWorkflow', '300 statuses', 2_400_000, 100, ' (3 findings)'); // ours '2.40 ms (3 findings)', PASS
 * ```
 */
export function absoluteRow(label: string, subject: string, ns: number, targetMs: number, note = ''): Row {
  return {
    case: label,
    subject,
    ours: `${formatDuration(ns)}${note}`,
    reference: '',
    ratio: '',
    target: `< ${targetMs} ms`,
    verdict: ns < targetMs * 1e6 ? 'PASS' : 'MISS',
  };
}

const COLUMNS: readonly (keyof Row)[] = ['case', 'subject', 'ours', 'reference', 'ratio', 'target', 'verdict'];
const HEADERS: Readonly<Record<keyof Row, string>> = {
  case: 'case',
  subject: 'subject',
  ours: 'ticket-lifecycle',
  reference: 'reference',
  ratio: 'ratio',
  target: 'target',
  verdict: 'result',
};

/** The rows as a Markdown table, column-aligned so it reads in a terminal and pastes into the README. */
export function markdownTable(rows: readonly Row[]): string {
  const widths = COLUMNS.map((c) => Math.max(HEADERS[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(COLUMNS.map((c) => HEADERS[c])),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(COLUMNS.map((c) => r[c]))),
  ].join('\n');
}
