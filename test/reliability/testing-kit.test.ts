// Issue 9, item 5 (the testing kit never throws) and issue 10 ("checkWorkflow returns a tagged result"): bad
// options are refused as `invalidOption` issues with a path, and nothing a team's invariant throws or returns
// makes the report throw, `String()` of a null-prototype object included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tawkTo } from 'ticket-lifecycle/presets';
import {
  arbitraryEvents,
  arbitraryScenario,
  arbitraryTicket,
  checkWorkflow,
  type CheckWorkflowResult,
} from 'ticket-lifecycle/testing';

const wf = tawkTo();
const nullObject = (): object => Object.create(null) as object;

function issuesOf(result: CheckWorkflowResult): readonly { path: string; code: string; message: string }[] {
  if (result.ok) throw new Error('expected the options to be refused');
  expect(result.failures).toEqual([]);
  return result.issues;
}

describe('checkWorkflow refuses bad options with a code and a path, and runs nothing', () => {
  it.each<[string, unknown, string]>([
    ['start: NaN', { start: Number.NaN }, 'start'],
    ['start beyond the Date range', { start: 8.64e15 + 1 }, 'start'],
    ['numRuns: -1', { numRuns: -1 }, 'numRuns'],
    ['numRuns: 0', { numRuns: 0 }, 'numRuns'],
    ['numRuns: 1.5', { numRuns: 1.5 }, 'numRuns'],
    ['numRuns: "100"', { numRuns: '100' }, 'numRuns'],
    ['numRuns: Infinity', { numRuns: Number.POSITIVE_INFINITY }, 'numRuns'],
    ['maxLength: -3', { maxLength: -3 }, 'maxLength'],
    ['seed: 0.5', { seed: 0.5 }, 'seed'],
    ['an unknown option (a typo)', { numruns: 10 }, 'numruns'],
    ['invariants that are not functions', { invariants: { x: 42 } }, 'invariants'],
    ['options that are not an object', 'fast', 'options'],
    ['options that are null', null, 'options'],
    [
      'an option whose getter throws a null-prototype object',
      {
        get numRuns(): number {
          throw nullObject();
        },
      },
      'options',
    ],
  ])('%s', (_name, options, path) => {
    const issues = issuesOf(checkWorkflow(wf, options as never));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalidOption', path }));
    for (const issue of issues) expect(issue.message).toMatch(new RegExp(`^${path} `));
  });

  it('lists every bad option at once', () => {
    expect(issuesOf(checkWorkflow(wf, { numRuns: -1, start: Number.NaN })).map((i) => i.path)).toEqual([
      'numRuns',
      'start',
    ]);
  });

  it('refuses something that is not a workflow with invalidType', () => {
    expect(issuesOf(checkWorkflow(null as never))).toEqual([
      expect.objectContaining({ code: 'invalidType', path: 'workflow' }),
    ]);
  });

  it('never throws, whatever numRuns is', () => {
    const badRuns = fc
      .anything()
      .filter((v) => v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 1_000_000));
    fc.assert(
      fc.property(badRuns, fc.anything(), (numRuns, start) => {
        const result = checkWorkflow(wf, { numRuns, start } as never);
        expect(issuesOf(result).map((i) => i.path)).toContain('numRuns');
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkWorkflow never throws from what an invariant throws or returns', () => {
  it.each<[string, () => never]>([
    [
      'a null-prototype object',
      () => {
        throw nullObject();
      },
    ],
    [
      'an object whose toString throws',
      () => {
        throw {
          toString: () => {
            throw new Error('no');
          },
          toJSON: () => {
            throw new Error('no');
          },
        };
      },
    ],
    [
      'undefined',
      () => {
        throw undefined;
      },
    ],
    [
      'a symbol',
      () => {
        throw Symbol('boom');
      },
    ],
  ])('an invariant that throws %s is reported as a failure', (_name, invariant) => {
    const result = checkWorkflow(wf, { numRuns: 5, seed: 1, invariants: { throws: invariant } });
    if (result.ok) throw new Error('expected a failure');
    const failure = result.failures.find((f) => f.law === 'throws');
    expect(typeof failure?.message).toBe('string');
  });

  it('an invariant that returns a null-prototype object is reported, not thrown', () => {
    const result = checkWorkflow(wf, { numRuns: 5, seed: 1, invariants: { odd: () => nullObject() as never } });
    if (result.ok) throw new Error('expected a failure');
    expect(result.failures.find((f) => f.law === 'odd')?.message).toMatch(/neither true nor a sentence/);
  });

  it('a policy that holds comes back ok: true, naming what was checked', () => {
    const result = checkWorkflow(wf, { numRuns: 5, seed: 1, invariants: { fine: () => true } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.checked).toEqual(expect.arrayContaining(['total', 'versionGrowsByOne', 'fine']));
  });
});

describe('the arbitraries refuse bad options with one clear RangeError', () => {
  it.each([
    ['arbitraryEvents', () => arbitraryEvents(wf, { start: Number.NaN })],
    ['arbitraryTicket', () => arbitraryTicket(wf, { maxLength: -1 })],
    ['arbitraryScenario', () => arbitraryScenario(wf, { start: 1.5 })],
  ])('%s', (name, make) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(new RegExp(`^${name}: (start|maxLength) must be`));
  });
});
