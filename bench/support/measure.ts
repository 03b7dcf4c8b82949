import { Bench } from 'tinybench';

/**
 * One thing to time. `fn` does a batch of `opsPerCall` operations (a pass over an event stream, a sweep over a
 * million tickets), so a sample is long enough for the clock and the per-call overhead of the harness vanishes.
 *
 * @example
 * ```ts
 * const subject: Subject = { name: 'noop', opsPerCall: 1_000, fn: () => { for (let i = 0; i < 1_000; i++); } };
 * ```
 */
export interface Subject {
  readonly name: string;
  readonly fn: () => void;
  readonly opsPerCall: number;
}

export interface MeasureOptions {
  /** Time budget per subject and round, in milliseconds. */
  readonly timeMs?: number;
  readonly warmupMs?: number;
  /** At least this many samples per subject and round. */
  readonly minSamples?: number;
}

/**
 * Times subjects side by side: two rounds, the second in reverse order so neither subject always runs on a
 * warmer or cooler machine, and each subject keeps the better of its two medians. Medians, not means: the two
 * cores are shared, and a sample that was preempted says nothing about the code.
 *
 * @returns nanoseconds per operation for each subject, by name.
 *
 * @example
 * ```ts
 * const ns = measure([{ name: 'a', fn: () => {}, opsPerCall: 1 }]);
 * ns.get('a'); // a few nanoseconds
 * ```
 */
export function measure(subjects: readonly Subject[], options: MeasureOptions = {}): Map<string, number> {
  const { timeMs = 400, warmupMs = 150, minSamples = 8 } = options;
  const best = new Map<string, number>();
  for (const order of [subjects, [...subjects].reverse()]) {
    const bench = new Bench({
      time: timeMs,
      warmupTime: warmupMs,
      iterations: minSamples,
      warmupIterations: 2,
      throws: true,
    });
    for (const s of order) bench.add(s.name, s.fn);
    bench.runSync();
    for (const s of order) {
      const result = bench.getTask(s.name)?.result;
      if (result === undefined || !('latency' in result)) throw new Error(`bench: no result for ${s.name}`);
      const nsPerOp = (result.latency.p50 * 1e6) / s.opsPerCall;
      best.set(s.name, Math.min(best.get(s.name) ?? Infinity, nsPerOp));
    }
  }
  return best;
}

/** Written by every subject, read by nobody: keeps the JIT from dropping work whose result is unused. */
export const sink = { value: 0 };
