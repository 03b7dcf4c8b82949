import {
  createTicket,
  transition,
  type Effect,
  type Ticket,
  type TicketEvent,
  type TransitionError,
  type Workflow,
} from 'ticket-lifecycle';
import { intentStep, type TimerEffect } from '../intent.js';
import { formatOffset } from './alphabet.js';
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
  /** The same, as lines: one for the start, one per step (with its timers, effects or refusal). */
  readonly lines: readonly string[];
}

/** Replays the path to `state` (then `last`, if given) from its start, keeping what each step did. */
export function explorePath(
  workflow: Workflow,
  graph: StateGraph,
  starts: readonly Start[],
  at: number,
  state: number,
  last: { readonly event: TicketEvent; readonly label: string } | null,
): ExplorePath {
  const states = graph.pathTo(state);
  const first = states[0]!;
  const origin = starts.find((s) => s.label === graph.label[first]) ?? starts[0]!;
  const start = {
    at,
    by: origin.by as 'customer' | 'agent',
    ...(origin.channel !== undefined && { channel: origin.channel }),
  };
  let ticket: Ticket = createTicket(workflow, start);
  const moves = states.slice(1).map((s) => ({ event: graph.via[s]!, label: graph.label[s]! }));
  if (last !== null) moves.push(last);
  const steps: ExploreStep[] = [];
  for (const { event, label } of moves) {
    const step = intentStep(workflow, ticket, event, transition(workflow, ticket, event));
    steps.push({
      label,
      event,
      offset: event.at - ticket.updatedAt,
      from: ticket.status,
      to: step.after.status,
      timers: step.timers,
      effects: step.effects,
      refusal: step.refusal,
    });
    ticket = step.after;
  }
  return { start, steps, lines: [origin.label, ...steps.map(describeStep)] };
}

/** "+4 d  customer replies, 1 ms after deadline 1: solved → open; timers: auto-close → closed; effects: …". */
function describeStep(step: ExploreStep): string {
  const parts = [`${formatOffset(step.offset).padEnd(8)} ${step.label}: "${step.from}" → "${step.to}"`];
  if (step.timers.length > 0) parts.push(`timers inside: ${step.timers.map(describeEffect).join(', ')}`);
  const others = step.effects.filter((e) => !(step.timers as readonly Effect[]).includes(e));
  if (others.length > 0) parts.push(`effects: ${others.map(describeEffect).join(', ')}`);
  if (step.refusal !== null) parts.push(`refused: ${step.refusal.code}`);
  return parts.join('; ');
}

function describeEffect(effect: Effect): string {
  switch (effect.type) {
    case 'timerFired':
      return `${effect.timer} moved "${effect.from}" → "${effect.to}"`;
    case 'timerBlocked':
      return `${effect.timer} blocked (${effect.code})`;
    case 'reminderDue':
      return `reminder ${effect.timer}`;
    case 'statusChanged':
      return `statusChanged "${effect.from}" → "${effect.to}"`;
    default:
      return effect.type;
  }
}
