import type { Ticket, TicketEvent, Workflow } from 'ticket-lifecycle';
import { checkStep, intentStep, type Intent, type IntentStep } from './intent.js';
import { replay, type Scenario } from './laws.js';
import { describeValue } from './options.js';

/**
 * A team's own rule about its policy, checked after every accepted event: `true` when it holds, `false` or a
 * sentence saying what went wrong when it does not. The fourth argument is the whole step (effects, the timers that
 * fired inside it, and refusals, which are otherwise skipped): see {@link IntentStep}.
 *
 * @example
 * ```ts
 * import type { Invariant } from 'ticket-lifecycle/testing';
 * const neverReopenedTwice: Invariant = (_before, _event, after) => after.reopenCount <= 2 || 'reopened 3 times';
 * const noReminderAfterClose: Invariant = (_b, _e, after, step) =>
 *   after.status !== 'closed' || !step.timers.some((t) => t.type === 'reminderDue') || 'reminded a closed ticket';
 * ```
 */
export type Invariant = (before: Ticket, event: TicketEvent, after: Ticket, step: IntentStep) => boolean | string;

/** A team's invariant as an intent: checked on accepted events only, as invariants always were. */
export function invariantIntent(name: string, invariant: Invariant): Intent {
  return {
    name,
    description: `the team's invariant ${name}`,
    incident: 'what the team wrote it for',
    applies: () => true,
    check: (step) => {
      if (step.refusal !== null) return null;
      const verdict: unknown = invariant(step.before, step.event, step.after, step);
      if (verdict === true) return null;
      return verdict === false
        ? 'does not hold'
        : typeof verdict === 'string'
          ? verdict
          : `returned ${describeValue(verdict)} (neither true nor a sentence)`;
    },
  };
}

/** Where in a scenario an intent first broke: the step's index (0 = the first event) and what went wrong. */
export interface Violation {
  readonly index: number;
  readonly message: string;
}

/** Every step of a scenario's replay, as intents see them. */
export function scenarioSteps(workflow: Workflow, scenario: Scenario): IntentStep[] {
  return replay(workflow, scenario).map(({ before, event, result }) => intentStep(workflow, before, event, result));
}

/** The first step of the scenario that breaks the intent (an intent that throws breaks it), or `null`. */
export function firstViolation(workflow: Workflow, scenario: Scenario, intent: Intent): Violation | null {
  const steps = scenarioSteps(workflow, scenario);
  for (let index = 0; index < steps.length; index++) {
    const violation = checkStep([intent], steps[index]!);
    if (violation !== null) return { index, message: violation.message };
  }
  return null;
}
