import type { Actor, Ticket, TicketEvent, TransitionResult, Workflow } from 'ticket-lifecycle';
import type { ExploreEventType } from './alphabet.js';
import { Explorer } from './explorer.js';
import type { PolicyTimes } from './policy-times.js';
import type { KeyFunction } from './state-key.js';

/** A ticket as the explorer creates it, and how a counterexample names its start. */
export interface Start {
  readonly by: Actor;
  readonly channel?: string;
  readonly label: string;
}

/** What the search needs, all checked and defaulted. */
export interface SearchSettings {
  readonly depth: number;
  readonly maxStates: number;
  readonly timeLimitMs: number;
  readonly types: readonly ExploreEventType[];
  readonly actors: readonly Actor[];
  readonly deadlines: number;
  readonly horizon: number;
  readonly untilAfter: number;
  readonly start: number;
  readonly times: PolicyTimes;
  readonly key: KeyFunction;
}

/** A step that broke a promise: the state it left, the event, and what the check said. */
export interface Violation {
  readonly state: number;
  readonly event: TicketEvent;
  readonly label: string;
  readonly intent: string;
  readonly message: string;
}

/** Judges one step: `null` when it keeps every promise. */
export type StepCheck = (
  before: Ticket,
  event: TicketEvent,
  result: TransitionResult,
) => { readonly intent: string; readonly message: string } | null;

export interface SearchOutcome {
  readonly explorer: Explorer;
  readonly violation: Violation | null;
  /** Every sequence of at most this many events was checked. */
  readonly checkedDepth: number;
  /** No state within the depth was left unexpanded: the graph is the whole state space under the alphabet. */
  readonly complete: boolean;
}

/** The tickets a search starts from: created by a customer and by an agent, and per channel with its own start. */
export function starts(workflow: Workflow): Start[] {
  const list: Start[] = [
    { by: 'customer', label: 'a customer opens a ticket' },
    { by: 'agent', label: 'an agent opens a ticket' },
  ];
  for (const [channel, status] of Object.entries(workflow.config.initialByChannel ?? {})) {
    if (status !== workflow.initial)
      list.push({ by: 'customer', channel, label: `a customer opens a ticket via ${channel}` });
  }
  return list;
}

/**
 * Breadth-first search over every sequence of letters at every moment, depth by depth, checking each step as it
 * is tried: the first step that breaks a promise ends a shortest sequence that breaks one.
 */
export function search(workflow: Workflow, settings: SearchSettings, check: StepCheck): SearchOutcome {
  const explorer = new Explorer(workflow, settings, starts(workflow));
  const { graph } = explorer;
  let violation: Violation | null = null;
  let head = 0;
  for (; head < graph.size; head++) {
    if (graph.depth[head]! >= settings.depth) continue;
    violation = explorer.expand(head, check);
    if (violation !== null || explorer.stopped !== null) break;
  }
  const stoppedAt = head < graph.size ? graph.depth[head]! : settings.depth;
  return {
    explorer,
    violation,
    checkedDepth: violation === null ? Math.min(stoppedAt, settings.depth) : graph.depth[violation.state]!,
    complete: violation === null && explorer.stopped === null && graph.expanded.every((e) => e),
  };
}
