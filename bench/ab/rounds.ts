/** What one round of a subject measured: a value per metric (`cpu ns/event`, `wall ms`, …). */
export type Metrics = Readonly<Record<string, number>>;

/** Something timed once per round: `prepare` (not timed: filling a table) then `run`, which measures itself. */
export interface Subject {
  readonly name: string;
  prepare?(): Promise<void>;
  run(): Promise<Metrics>;
}

/** A ratio to print: `of` ÷ `to`, per metric they share, computed round by round. */
export interface Ratio {
  readonly of: string;
  readonly to: string;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: readonly number[], digits: number): string =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/**
 * Runs every subject once per round, the order reversed every other round (so a slow spell of a shared machine
 * falls on each side alike), after `warmup` rounds that are not kept. Returns each subject's metrics, round by round.
 *
 * @example
 * ```ts
 * const results = await alternate([{ name: 'a', run: async () => ({ ms: 1 }) }], { rounds: 5, warmup: 1 });
 * ```
 */
export async function alternate(
  subjects: readonly Subject[],
  { rounds, warmup }: { rounds: number; warmup: number },
): Promise<Map<string, Metrics[]>> {
  const results = new Map<string, Metrics[]>(subjects.map((s) => [s.name, []]));
  for (let round = -warmup; round < rounds; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) {
      await subject.prepare?.();
      const metrics = await subject.run();
      if (round >= 0) results.get(subject.name)!.push(metrics);
    }
    process.stderr.write(round < 0 ? 'w' : '.');
  }
  process.stderr.write('\n');
  return results;
}

/**
 * The results as two Markdown tables: each subject's median per metric with its range, and each ratio's median
 * with its range over the rounds (a ratio of two builds of the same code shows the machine's noise: run
 * `--against current` to see it).
 *
 * @example
 * ```ts
 * console.log(report(results, [{ of: 'current', to: 'main' }]));
 * ```
 */
export function report(results: ReadonlyMap<string, readonly Metrics[]>, ratios: readonly Ratio[]): string {
  const lines = ['| subject | metric | median | range |', '| --- | --- | --- | --- |'];
  for (const [name, rounds] of results) {
    for (const metric of Object.keys(rounds[0] ?? {})) {
      const values = rounds.map((r) => r[metric]!);
      lines.push(`| ${name} | ${metric} | ${median(values).toFixed(1)} | ${range(values, 1)} |`);
    }
  }
  lines.push('', '| ratio | metric | median | range over rounds |', '| --- | --- | --- | --- |');
  for (const { of, to } of ratios) {
    const a = results.get(of);
    const b = results.get(to);
    if (a === undefined || b === undefined) continue;
    for (const metric of Object.keys(a[0] ?? {})) {
      if (b[0]?.[metric] === undefined) continue;
      const perRound = a.map((r, i) => r[metric]! / b[i]![metric]!);
      lines.push(`| ${of} ÷ ${to} | ${metric} | ${median(perRound).toFixed(3)}× | ${range(perRound, 3)} |`);
    }
  }
  return lines.join('\n');
}

/**
 * CPU time of `work` in nanoseconds per operation: repeats it until at least `minMs` of CPU time were spent
 * (`process.cpuUsage`, user and system: time spent waiting for a core of a busy machine does not count).
 *
 * @example
 * ```ts
 * const ns = cpuNsPerOp(() => replay(histories), 6_000, 150);
 * ```
 */
export function cpuNsPerOp(work: () => void, opsPerCall: number, minMs: number): number {
  const start = process.cpuUsage();
  let calls = 0;
  let used = 0;
  do {
    work();
    calls++;
    const { user, system } = process.cpuUsage(start);
    used = user + system;
  } while (used < minMs * 1_000);
  return (used * 1_000) / (calls * opsPerCall);
}
