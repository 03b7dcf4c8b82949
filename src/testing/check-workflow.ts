import fc from 'fast-check';
import type { Workflow, WorkflowIssue } from 'ticket-lifecycle';
import type { ArbitraryEventsOptions } from './arbitrary-events.js';
import { counterexampleLines, counterexampleSteps, type CounterexampleStep } from './counterexample.js';
import type { Intent } from './intent.js';
import { applicableIntents } from './intents/index.js';
import type { Scenario } from './laws.js';
import { describeValue, EVENTS_OPTION_CHECKS, MAX_RUNS, readOptions, wholeNumber, type Check } from './options.js';
import { workflowProperties } from './properties.js';
import { firstViolation, invariantIntent, type Invariant } from './run-intents.js';
import { arbitraryCheckScenario } from './scenarios.js';

/**
 * Options of {@link checkWorkflow}.
 *
 * @example
 * ```ts
 * import type { CheckWorkflowOptions } from 'ticket-lifecycle/testing';
 * const options: CheckWorkflowOptions = { numRuns: 500, seed: 42, invariants: {} };
 * ```
 */
export interface CheckWorkflowOptions extends ArbitraryEventsOptions {
  /** Runs per law and per invariant: a whole number from 1 to 1,000,000. Default 200. */
  readonly numRuns?: number;
  /** fast-check's seed, a 32-bit integer: the same seed replays the same scenarios. */
  readonly seed?: number;
  /** The team's own rules by name, checked after every accepted event (they see the whole step too). */
  readonly invariants?: Readonly<Record<string, Invariant>>;
  /**
   * The intents checked on every step of every scenario. Default: `applicableIntents(workflow)`, the catalogue's
   * intents that mean something for this policy. Pass `[]` to check the laws only, or add your own:
   * `[...applicableIntents(wf, { skip: ['noTimerLoop'] }), myIntent]`.
   */
  readonly intents?: readonly Intent[];
  /**
   * A time budget for the whole check, in milliseconds (for CI): each law and intent gets its share of what is left,
   * and stops early (without failing) when it runs out. `runs` in the result says how many runs each one made.
   */
  readonly timeLimitMs?: number;
  /** Only these checks (law, intent or invariant names): with `seed` and `path`, replays one counterexample. */
  readonly only?: readonly string[];
  /** The replay path of a counterexample (`CheckFailure.path`), used with its `seed` and `only: [its name]`. */
  readonly path?: string;
}

/**
 * What {@link checkWorkflow} found, tagged like the rest of the library. `ok: true` names the laws and invariants
 * that held. `ok: false` lists in `failures` those that broke; or, when the options themselves are wrong (a
 * `numRuns` of -1, a `start` of NaN, an unknown option), nothing runs and `issues` says why, each an
 * `invalidOption` (or `invalidType` for something that is not a workflow) with its path.
 *
 * @example
 * ```ts
 * import type { CheckWorkflowResult } from 'ticket-lifecycle/testing';
 * const summary = (r: CheckWorkflowResult): string =>
 *   r.ok ? `${r.checked.length} checks held` : [...r.issues, ...r.failures.map((f) => ({ message: `${f.law}: ${f.message}` }))].map((p) => p.message).join('\n');
 * ```
 */
export type CheckWorkflowResult =
  | {
      readonly ok: true;
      readonly checked: readonly string[];
      /** How many runs each check made (fewer than `numRuns` when `timeLimitMs` ran out). */
      readonly runs: Readonly<Record<string, number>>;
    }
  | { readonly ok: false; readonly failures: readonly CheckFailure[]; readonly issues: readonly WorkflowIssue[] };

const isInvariants: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'function')
    ? null
    : 'must be an object of functions (before, event, after) => true | string';

const isIntents: Check = (value) =>
  Array.isArray(value) &&
  value.every(
    (i) =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as Intent).name === 'string' &&
      typeof (i as Intent).check === 'function' &&
      typeof (i as Intent).applies === 'function',
  )
    ? null
    : 'must be a list of intents ({ name, applies, check, … })';

const isNames: Check = (value) =>
  Array.isArray(value) && value.every((n) => typeof n === 'string') ? null : 'must be a list of check names';

const CHECK_OPTIONS: Readonly<Record<string, Check>> = {
  ...EVENTS_OPTION_CHECKS,
  numRuns: wholeNumber(1, MAX_RUNS),
  seed: wholeNumber(-(2 ** 31), 2 ** 31 - 1),
  invariants: isInvariants,
  intents: isIntents,
  timeLimitMs: wholeNumber(1, 24 * 3_600_000),
  only: isNames,
  path: (value) =>
    typeof value === 'string' && /^\d+(:\d+)*$/.test(value) ? null : 'must be a replay path like "3:1:0"',
};

const looksLikeWorkflow = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Workflow).statuses) &&
  typeof (value as Workflow).config === 'object';

/**
 * A law or invariant that broke: its name, what went wrong, the shrunk scenario (and the same events as readable
 * lines), and the seed and path that replay it with fast-check.
 *
 * @example
 * ```ts
 * import type { CheckFailure } from 'ticket-lifecycle/testing';
 * const show = (f: CheckFailure): string => `${f.law}: ${f.message}\n${f.steps.join('\n')}`;
 * ```
 */
export interface CheckFailure {
  /** The name of the law, intent or invariant that broke. */
  readonly law: string;
  readonly kind: 'law' | 'intent';
  readonly message: string;
  readonly scenario: Scenario | null;
  /** The counterexample as lines: one per event, with its offset, the timers fired inside it, effects, refusal. */
  readonly steps: readonly string[];
  /** The same, as data. */
  readonly counterexample: readonly CounterexampleStep[];
  readonly seed: number;
  readonly path: string | null;
}

/**
 * Property-tests a policy: every law of the design page plus the team's own invariants, over random event
 * sequences. Never throws, whatever it is given (an invariant that throws counts as a failure, whatever it
 * throws); returns what broke with a short, replayable counterexample, or the options it refused.
 *
 * @example
 * ```ts
 * import { checkWorkflow } from 'ticket-lifecycle/testing';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const report = checkWorkflow(zendesk(), {
 *   invariants: { closedOnlyBySystem: (_b, _e, after) => after.status !== 'closed' || after.closedBy === 'system' },
 * });
 * if (!report.ok) console.log(report.issues[0]?.message ?? report.failures[0]?.steps.join('\n'));
 * ```
 */
export function checkWorkflow(workflow: Workflow, options: CheckWorkflowOptions = {}): CheckWorkflowResult {
  if (!looksLikeWorkflow(workflow)) {
    return {
      ok: false,
      failures: [],
      issues: [
        {
          path: 'workflow',
          code: 'invalidType',
          message: 'workflow must be a Workflow from defineWorkflow or a preset',
        },
      ],
    };
  }
  const read = readOptions<CheckWorkflowOptions>(options, CHECK_OPTIONS);
  if (!read.ok) return { ok: false, failures: [], issues: read.issues };
  const { numRuns = 200, seed, invariants = {}, intents, timeLimitMs, only, path, ...eventOptions } = read.options;
  const checks = allChecks(workflow, eventOptions, [
    ...(intents ?? applicableIntents(workflow)),
    ...Object.entries(invariants).map(([name, invariant]) => invariantIntent(name, invariant)),
  ]).filter((c) => only === undefined || only.includes(c.name));
  const failures: CheckFailure[] = [];
  const runs: Record<string, number> = {};
  const started = Date.now();
  checks.forEach((check, index) => {
    const left = timeLimitMs === undefined ? undefined : timeLimitMs - (Date.now() - started);
    const share = left === undefined ? undefined : Math.max(1, Math.floor(left / (checks.length - index)));
    const details = fc.check(check.property as fc.IPropertyWithHooks<[Scenario]>, {
      numRuns,
      ...(seed !== undefined && { seed }),
      ...(path !== undefined && { path }),
      ...(share !== undefined && { interruptAfterTimeLimit: share, markInterruptAsFailure: false }),
    });
    runs[check.name] = details.numRuns;
    // fast-check calls a check the time limit stopped before its first run failed; it found nothing wrong, so it is
    // not a failure: a spent budget (a busy machine) must never fail a policy.
    const outOfTime = details.interrupted && details.counterexample === null && details.errorInstance === null;
    if (details.failed && !outOfTime) failures.push(failureOf(workflow, check, details));
  });
  return failures.length === 0
    ? { ok: true, checked: checks.map((c) => c.name), runs }
    : { ok: false, failures, issues: [] };
}

/** A law or intent as a fast-check property, and how to find the step an intent broke in a scenario. */
interface NamedCheck {
  readonly name: string;
  readonly kind: 'law' | 'intent';
  readonly property: fc.IPropertyWithHooks<[Scenario]> | fc.IPropertyWithHooks<[unknown, unknown]>;
  readonly intent?: Intent;
}

function allChecks(workflow: Workflow, options: ArbitraryEventsOptions, intents: readonly Intent[]): NamedCheck[] {
  const scenarios = arbitraryCheckScenario(workflow, options);
  return [
    ...Object.entries(workflowProperties(workflow, options)).map(([name, property]) => ({
      name,
      kind: 'law' as const,
      property,
    })),
    ...intents.map((intent) => ({
      name: intent.name,
      kind: 'intent' as const,
      intent,
      property: fc.property(scenarios, (scenario) => {
        const violation = firstViolation(workflow, scenario, intent);
        if (violation !== null) throw new Error(violation.message);
      }),
    })),
  ];
}

function failureOf(workflow: Workflow, check: NamedCheck, details: fc.RunDetails<[Scenario]>): CheckFailure {
  const shrunk = check.name === 'total' ? null : ((details.counterexample?.[0] as Scenario | undefined) ?? null);
  const violation =
    shrunk !== null && check.intent !== undefined ? firstViolation(workflow, shrunk, check.intent) : null;
  // Events after the step that broke the intent tell nothing: the story ends there.
  const scenario =
    shrunk !== null && violation !== null ? { ...shrunk, events: shrunk.events.slice(0, violation.index + 1) } : shrunk;
  const thrown = describeValue(details.errorInstance);
  const message =
    violation?.message ?? (thrown.startsWith(`${check.name}: `) ? thrown.slice(check.name.length + 2) : thrown);
  const counterexample = scenario === null ? [] : counterexampleSteps(workflow, scenario, violation);
  return {
    law: check.name,
    kind: check.kind,
    message,
    scenario,
    steps: scenario === null ? [] : counterexampleLines(scenario, counterexample),
    counterexample,
    seed: details.seed,
    path: details.counterexamplePath,
  };
}
