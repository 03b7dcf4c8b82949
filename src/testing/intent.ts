import type { Effect, Ticket, TicketEvent, TransitionError, TransitionResult, Workflow } from 'ticket-lifecycle';

/**
 * An effect a timer produced inside a step: a move (`timerFired`), a reminder (`reminderDue`) or a move the
 * rules refused (`timerBlocked`). Every event first applies the timers due at or before its time, so a customer's
 * reply after a long silence may carry an auto-solve and an auto-close with it: these are those timers.
 *
 * @example
 * ```ts
 * import type { TimerEffect } from 'ticket-lifecycle/testing';
 * const show = (t: TimerEffect): string => `${t.timer} due ${new Date(t.dueAt).toISOString()}`;
 * ```
 */
export type TimerEffect<S extends string = string> = Extract<
  Effect<S>,
  { readonly type: 'timerFired' | 'reminderDue' | 'timerBlocked' }
>;

/**
 * Everything one event did, as an intent sees it: the policy, the ticket before, the event, the engine's whole
 * answer (`result`), and the same answer taken apart: the ticket after (the one before when refused), the
 * effects (none when refused), the refusal (`null` when accepted), and the timers that fired inside the step.
 * Build one with {@link intentStep}; `checkWorkflow` and `exploreWorkflow` build them for every event they try.
 *
 * @example
 * ```ts
 * import type { IntentStep } from 'ticket-lifecycle/testing';
 * const refusedClose = (step: IntentStep): boolean => step.event.type === 'close' && step.refusal !== null;
 * ```
 */
export interface IntentStep<S extends string = string> {
  readonly workflow: Workflow<S>;
  readonly before: Ticket<S>;
  readonly event: TicketEvent<S>;
  readonly result: TransitionResult<S>;
  /** `result.ticket`: the ticket after the step (the one before, unchanged, when the event was refused). */
  readonly after: Ticket<S>;
  /** `result.effects` when accepted, `[]` when refused. */
  readonly effects: readonly Effect<S>[];
  /** `result.error` when refused, `null` when accepted. */
  readonly refusal: TransitionError | null;
  /** The timers that came due and acted inside this step, in due-time order (a subset of `effects`). */
  readonly timers: readonly TimerEffect<S>[];
}

/**
 * A promise a helpdesk team makes about its policy, checked on every step of every conversation the kit tries
 * (random in `checkWorkflow`, exhaustive in `exploreWorkflow`). `check` returns `null` when the step keeps the
 * promise, or a sentence a support lead understands when it breaks it. `applies` says whether the promise means
 * anything for a policy (no pending status: "never auto-finish while the customer waits" has nothing to say);
 * the catalogue's intents are switched on by `applicableIntents`, a team's own ones by passing them.
 *
 * @example
 * ```ts
 * import type { Intent } from 'ticket-lifecycle/testing';
 * const neverReopenedTwice: Intent = {
 *   name: 'neverReopenedTwice',
 *   description: 'a ticket is reopened at most twice; a third time it is a new problem',
 *   incident: 'a ticket bounced between solved and open for a month and skewed every resolution metric',
 *   applies: () => true,
 *   check: ({ after }) => (after.reopenCount <= 2 ? null : `reopened ${after.reopenCount} times`),
 * };
 * ```
 */
export interface Intent {
  /** A stable name, shown in reports and used to switch the intent on or off. */
  readonly name: string;
  /** The promise, in one sentence. */
  readonly description: string;
  /** The real-world incident the promise prevents. */
  readonly incident: string;
  /** The values the intent was built with (a duration, a list of statuses), shown in reports. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Whether the promise means anything for this policy; `checkWorkflow` skips those that do not apply. */
  applies(workflow: Workflow): boolean;
  /** `null` when the step keeps the promise, else what went wrong. */
  check(step: IntentStep): string | null;
}

/**
 * The step an intent sees, from the engine's answer to one event.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { intentStep } from 'ticket-lifecycle/testing';
 * const wf = zendesk();
 * const before = createTicket(wf, { at: 0, by: 'customer' });
 * const event = { type: 'reply', by: 'agent', at: 60_000 } as const;
 * const step = intentStep(wf, before, event, transition(wf, before, event));
 * step.after.status; // 'open'
 * ```
 */
export function intentStep<S extends string>(
  workflow: Workflow<S>,
  before: Ticket<S>,
  event: TicketEvent<S>,
  result: TransitionResult<S>,
): IntentStep<S> {
  const effects = result.ok ? result.effects : [];
  return {
    workflow,
    before,
    event,
    result,
    after: result.ticket,
    effects,
    refusal: result.ok ? null : result.error,
    timers: effects.filter(isTimerEffect),
  };
}

function isTimerEffect<S extends string>(effect: Effect<S>): effect is TimerEffect<S> {
  return effect.type === 'timerFired' || effect.type === 'reminderDue' || effect.type === 'timerBlocked';
}

/**
 * An intent that a step broke: its name and what went wrong.
 *
 * @example
 * ```ts
 * import type { IntentViolation } from 'ticket-lifecycle/testing';
 * const line = (v: IntentViolation): string => `${v.intent}: ${v.message}`;
 * ```
 */
export interface IntentViolation {
  readonly intent: string;
  readonly message: string;
}

/**
 * Checks one step against every intent given: the first violation, or `null`. An intent that throws, whatever it
 * throws, is reported as violated (its message says it threw), so a broken intent never passes silently.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 * import { applicableIntents, checkStep, intentStep } from 'ticket-lifecycle/testing';
 * const wf = zendesk();
 * const before = createTicket(wf, { at: 0, by: 'customer' });
 * const event = { type: 'tick', at: 86_400_000 } as const;
 * checkStep(applicableIntents(wf), intentStep(wf, before, event, transition(wf, before, event))); // null
 * ```
 */
export function checkStep(intents: readonly Intent[], step: IntentStep): IntentViolation | null {
  for (const intent of intents) {
    let verdict: unknown;
    try {
      verdict = intent.check(step);
    } catch (error) {
      verdict = `threw ${error instanceof Error ? error.message : typeof error}`;
    }
    if (verdict === null || verdict === undefined) continue;
    return {
      intent: intent.name,
      message: typeof verdict === 'string' ? verdict : 'returned something that is neither null nor a sentence',
    };
  }
  return null;
}
