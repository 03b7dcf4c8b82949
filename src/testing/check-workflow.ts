import fc from 'fast-check';
import type { Ticket, TicketEvent, Workflow, WorkflowIssue } from 'ticket-lifecycle';
import type { ArbitraryEventsOptions } from './arbitrary-events.js';
import { replay, type Scenario } from './laws.js';
import { describeValue, EVENTS_OPTION_CHECKS, MAX_RUNS, readOptions, wholeNumber, type Check } from './options.js';
import { arbitraryScenario, workflowProperties } from './properties.js';

/**
 * A team's own rule about its policy, checked after every accepted event: `true` when it holds, `false` or a
 * sentence saying what went wrong when it does not.
 *
 * @example
 * ```ts
 * import type { Invariant } from 'ticket-lifecycle/testing';
 * const neverReopenedTwice: Invariant = (_before, _event, after) => after.reopenCount <= 2 || 'reopened 3 times';
 * ```
 */
export type Invariant = (before: Ticket, event: TicketEvent, after: Ticket) => boolean | string;

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
  readonly invariants?: Readonly<Record<string, Invariant>>;
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
  | { readonly ok: true; readonly checked: readonly string[] }
  | { readonly ok: false; readonly failures: readonly CheckFailure[]; readonly issues: readonly WorkflowIssue[] };

const isInvariants: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'function')
    ? null
    : 'must be an object of functions (before, event, after) => true | string';

const CHECK_OPTIONS: Readonly<Record<string, Check>> = {
  ...EVENTS_OPTION_CHECKS,
  numRuns: wholeNumber(1, MAX_RUNS),
  seed: wholeNumber(-(2 ** 31), 2 ** 31 - 1),
  invariants: isInvariants,
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
  readonly law: string;
  readonly message: string;
  readonly scenario: Scenario | null;
  readonly steps: readonly string[];
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
  const { numRuns = 200, seed, invariants = {}, ...eventOptions } = read.options;
  const checks: (readonly [string, fc.IPropertyWithHooks<[Scenario]> | fc.IPropertyWithHooks<[unknown, unknown]>])[] = [
    ...Object.entries(workflowProperties(workflow, eventOptions)),
    ...Object.entries(invariants).map(
      ([name, invariant]) => [name, invariantProperty(workflow, name, invariant, eventOptions)] as const,
    ),
  ];
  const failures: CheckFailure[] = [];
  for (const [law, property] of checks) {
    const details = fc.check(property as fc.IPropertyWithHooks<[Scenario]>, {
      numRuns,
      ...(seed !== undefined && { seed }),
    });
    if (!details.failed) continue;
    const scenario = law === 'total' ? null : (details.counterexample?.[0] ?? null);
    const message = describeValue(details.errorInstance);
    failures.push({
      law,
      message: message.startsWith(`${law}: `) ? message.slice(law.length + 2) : message,
      scenario,
      steps: scenario === null ? [] : describe(scenario),
      seed: details.seed,
      path: details.counterexamplePath,
    });
  }
  return failures.length === 0
    ? { ok: true, checked: checks.map(([law]) => law) }
    : { ok: false, failures, issues: [] };
}

function invariantProperty(
  workflow: Workflow,
  name: string,
  invariant: Invariant,
  options: ArbitraryEventsOptions,
): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(arbitraryScenario(workflow, options), (scenario) => {
    for (const { before, event, result } of replay(workflow, scenario)) {
      if (!result.ok) continue;
      const verdict: unknown = invariant(before, event, result.ticket);
      if (verdict === true) continue;
      const what =
        verdict === false
          ? 'does not hold'
          : typeof verdict === 'string'
            ? verdict
            : `returned ${describeValue(verdict)} (neither true nor a sentence)`;
      throw new Error(
        `${name}: ${what} (after ${event.type} at ${new Date(event.at).toISOString()}, status ${result.ticket.status})`,
      );
    }
  });
}

/** A scenario as lines a person reads: "2026-01-03T10:00:00.000Z  customer reply", "… tick". */
function describe(scenario: Scenario): string[] {
  const line = (at: number, text: string): string => `${new Date(at).toISOString()}  ${text}`;
  return [
    line(
      scenario.start,
      `ticket created by ${scenario.by}${scenario.channel === undefined ? '' : ` via ${scenario.channel}`}`,
    ),
    ...scenario.events.map((event) => {
      const { type, at, ...rest } = event;
      const by = 'by' in rest ? `${rest.by} ` : '';
      const details = Object.entries(rest)
        .filter(([k]) => k !== 'by')
        .map(([k, v]) => `${k}=${k === 'until' ? new Date(v as number).toISOString() : String(v)}`);
      return line(at, `${by}${type}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
    }),
  ];
}
