import type { Effect, TicketEvent, TransitionError, Workflow } from 'ticket-lifecycle';
import { counterexampleLines, counterexampleSteps } from '../counterexample.js';
import type { TimerEffect } from '../intent.js';
import type { Scenario } from '../laws.js';
import { scenarioSteps } from '../run-intents.js';
import type { Start } from './search.js';
import type { StateGraph } from './state-graph.js';

/**
 * One event of a path the explorer found, as a person reads it: what happened and when (`offset` after the
 * ticket's previous update), where the ticket went, the timers that came due and acted inside the step (a reply
 * after a long silence may carry an auto-solve and an auto-close with it), every effect, and the refusal if the
 * engine refused the event.
 *
 * @example
 * ```ts
 * import type { ExploreStep } from 'ticket-lifecycle/testing';
 * const line = (s: ExploreStep): string => `${s.label}: ${s.from} → ${s.to}`;
 * ```
 */
export interface ExploreStep<S extends string = string> {
  readonly label: string;
  readonly event: TicketEvent<S>;
  /** Milliseconds after the ticket's previous update (its `updatedAt` before the step). */
  readonly offset: number;
  readonly from: S;
  readonly to: S;
  /** Timer moves, reminders and blocked timers applied inside the step, in due-time order. */
  readonly timers: readonly TimerEffect<S>[];
  readonly effects: readonly Effect<S>[];
  readonly refusal: TransitionError | null;
}

/**
 * A sequence of events from a new ticket, replayable with `createTicket` and `transition`.
 *
 * @example
 * ```ts
 * import type { ExplorePath } from 'ticket-lifecycle/testing';
 * const replaySize = (p: ExplorePath): number => p.steps.length;
 * ```
 */
export interface ExplorePath<S extends string = string> {
  /** How the ticket was created: `createTicket(workflow, { at: start.at, by: start.by, channel })`. */
  readonly start: { readonly at: number; readonly by: 'customer' | 'agent'; readonly channel?: string };
  readonly steps: readonly ExploreStep<S>[];
  /** The same path as a scenario, the shape `checkWorkflow` reports and replays. */
  readonly scenario: Scenario;
  /**
   * The same, as lines in `checkWorkflow`'s format: one for the creation, one per step (offset since creation, the
   * event, where it went, the timers fired inside, effects, refusal, and ✗ the message on the step that broke).
   */
  readonly lines: readonly string[];
}

/** Replays the path to `state` (then `last`, if given) from its start, keeping what each step did. */
export function explorePath(
  workflow: Workflow,
  graph: StateGraph,
  starts: readonly Start[],
  at: number,
  state: number,
  last: { readonly event: TicketEvent; readonly label: string; readonly message?: string } | null,
): ExplorePath {
  const states = graph.pathTo(state);
  const origin = starts.find((s) => s.label === graph.label[states[0]!]) ?? starts[0]!;
  const start = {
    at,
    by: origin.by as 'customer' | 'agent',
    ...(origin.channel !== undefined && { channel: origin.channel }),
  };
  const moves = states.slice(1).map((s) => ({ event: graph.via[s]!, label: graph.label[s]! }));
  if (last !== null) moves.push(last);
  const scenario: Scenario = { ...start, start: at, events: moves.map((m) => m.event) };
  const steps = scenarioSteps(workflow, scenario).map(
    (step, i): ExploreStep => ({
      label: moves[i]!.label,
      event: step.event,
      offset: step.event.at - step.before.updatedAt,
      from: step.before.status,
      to: step.after.status,
      timers: step.timers,
      effects: step.effects as Effect[],
      refusal: step.refusal,
    }),
  );
  const violation = last?.message === undefined ? null : { index: moves.length - 1, message: last.message };
  return {
    start,
    steps,
    scenario,
    lines: counterexampleLines(scenario, counterexampleSteps(workflow, scenario, violation)),
  };
}
