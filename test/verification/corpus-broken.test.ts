// Issue 16's proof, part 1: every broken policy of the corpus is reported, by lint or by checkWorkflow's defaults
// (the laws and the applicable intents), naming the defect; counterexamples are short. The budget is explicit:
// numRuns 200 (the default) and a fixed seed, about 0.5 s per policy; test/verification/measure.ts measures all
// five seeds and prints the numbers of the report.
import { describe, expect, it } from 'vitest';
import { BROKEN } from './broken.js';
import { caught, detect, type Detection } from './detect.js';

const BUDGET = { numRuns: 200, seed: 16 } as const;
const found = new Map<string, Detection>();

describe.each(BROKEN)('$id ($defectClass)', (entry) => {
  it(`is reported: ${entry.defect}`, () => {
    const detection = detect(entry.workflow(), BUDGET);
    found.set(entry.id, detection);
    expect(
      caught(detection, entry.caughtBy),
      `lint: ${detection.lint}; failed: ${detection.failures.map((f) => f.law)}`,
    ).not.toEqual([]);
  });
});

describe('the corpus as a whole', () => {
  it('covers every defect class of issue 16 with at least 20 broken policies', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BROKEN.map((e) => e.defectClass)).size).toBeGreaterThanOrEqual(12);
  });

  it('gets counterexamples of at most 5 events (median), each ending at the step that broke', () => {
    const lengths: number[] = [];
    for (const entry of BROKEN) {
      const failure = found.get(entry.id)?.failures.find((f) => entry.caughtBy.includes(f.law));
      if (failure?.scenario == null) continue;
      lengths.push(failure.scenario.events.length);
      if (failure.kind === 'intent') expect(failure.counterexample.at(-1)?.violation).toBe(failure.message);
    }
    expect(lengths.length).toBeGreaterThanOrEqual(15);
    const median = [...lengths].sort((a, b) => a - b)[Math.floor(lengths.length / 2)]!;
    expect(median).toBeLessThanOrEqual(5);
  });
});
