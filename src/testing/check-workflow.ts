import fc from 'fast-check';
import type { Ticket, TicketEvent, Workflow } from 'ticket-lifecycle';
import type { ArbitraryEventsOptions } from './arbitrary-events.js';
import { replay, type Scenario } from './laws.js';
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
  /** Runs per law and per invariant. Default 200. */
  readonly numRuns?: number;
  readonly seed?: number;
  readonly invariants?: Readonly<Record<string, Invariant>>;
}

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
 * sequences. Never throws; returns what broke with a short, replayable counterexample.
 *
 * @example
 * ```ts
 * import { checkWorkflow } from 'ticket-lifecycle/testing';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * const report = checkWorkflow(zendesk(), {
 *   invariants: { closedOnlyBySystem: (_b, _e, after) => after.status !== 'closed' || after.closedBy === 'system' },
 * });
 * if (!report.ok) console.log(report.failures[0]?.steps.join('\n'));
 * ```
 */
export function checkWorkflow(workflow: Workflow, options: CheckWorkflowOptions = {}): { ok: boolean; failures: CheckFailure[] } {
  const { numRuns = 200, seed, invariants = {}, ...eventOptions } = options;
  const checks: (readonly [string, fc.IPropertyWithHooks<[Scenario]> | fc.IPropertyWithHooks<[unknown, unknown]>])[] = [
    ...Object.entries(workflowProperties(workflow, eventOptions)),
    ...Object.entries(invariants).map(([name, invariant]) => [name, invariantProperty(workflow, name, invariant, eventOptions)] as const),
  ];
  const failures: CheckFailure[] = [];
  for (const [law, property] of checks) {
    const details = fc.check(property as fc.IPropertyWithHooks<[Scenario]>, { numRuns, ...(seed !== undefined && { seed }) });
    if (!details.failed) continue;
    const scenario = law === 'total' ? null : (details.counterexample?.[0] ?? null);
    const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    failures.push({
      law,
      message: message.startsWith(`${law}: `) ? message.slice(law.length + 2) : message,
      scenario,
      steps: scenario === null ? [] : describe(scenario),
      seed: details.seed,
      path: details.counterexamplePath,
    });
  }
  return { ok: failures.length === 0, failures };
}

function invariantProperty(workflow: Workflow, name: string, invariant: Invariant, options: ArbitraryEventsOptions): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(arbitraryScenario(workflow, options), (scenario) => {
    for (const { before, event, result } of replay(workflow, scenario)) {
      if (!result.ok) continue;
      const verdict = invariant(before, event, result.ticket);
      if (verdict !== true) throw new Error(`${name}: ${verdict === false ? 'does not hold' : verdict} (after ${event.type} at ${new Date(event.at).toISOString()}, status ${result.ticket.status})`);
    }
  });
}

/** A scenario as lines a person reads: "2026-01-03T10:00:00.000Z  customer reply", "… tick". */
function describe(scenario: Scenario): string[] {
  const line = (at: number, text: string): string => `${new Date(at).toISOString()}  ${text}`;
  return [
    line(scenario.start, `ticket created by ${scenario.by}${scenario.channel === undefined ? '' : ` via ${scenario.channel}`}`),
    ...scenario.events.map((event) => {
      const { type, at, ...rest } = event;
      const by = 'by' in rest ? `${rest.by} ` : '';
      const details = Object.entries(rest).filter(([k]) => k !== 'by').map(([k, v]) => `${k}=${k === 'until' ? new Date(v as number).toISOString() : String(v)}`);
      return line(at, `${by}${type}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
    }),
  ];
}
