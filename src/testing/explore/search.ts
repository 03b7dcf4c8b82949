import {
  createTicket,
  transition,
  type Actor,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import { alphabet, type ExploreEventType } from './alphabet.js';
import { moments } from './moments.js';
import type { PolicyTimes } from './policy-times.js';
import { StateGraph } from './state-graph.js';
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
  readonly graph: StateGraph;
  readonly starts: readonly Start[];
  readonly violation: Violation | null;
  /** Why the search stopped early, or `null` when it ran to the depth bound (or the state space ended first). */
  readonly stopped: 'maxStates' | 'timeLimit' | null;
  /** Every sequence of at most this many events was checked. */
  readonly checkedDepth: number;
  readonly transitions: number;
  /** No state was left unexpanded: the graph is the whole state space under the alphabet. */
  readonly complete: boolean;
}

/** How often the clock is read: often enough to stop within a few milliseconds of the limit. */
const CLOCK_EVERY = 256;

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
  const began = performance.now();
  const graph = new StateGraph();
  const letters = alphabet(workflow, settings.types, settings.actors, settings.untilAfter);
  const startList = starts(workflow);
  for (const s of startList) {
    const ticket = createTicket(workflow, {
      at: settings.start,
      by: s.by,
      ...(s.channel !== undefined && { channel: s.channel }),
    });
    graph.intern(settings.key(ticket), ticket, -1, null, s.label);
  }
  let transitions = 0;
  let stopped: SearchOutcome['stopped'] = null;
  let violation: Violation | null = null;
  let head = 0;
  outer: for (; head < graph.size; head++) {
    if (graph.depth[head]! >= settings.depth) continue;
    const before = graph.tickets[head]!;
    for (const moment of moments(workflow, before, settings.deadlines, settings.times.windows, settings.horizon)) {
      for (const letter of letters) {
        const event = letter.event(moment.at);
        const result = transition(workflow, before, event);
        transitions++;
        const broken = check(before, event, result);
        const label = `${letter.label}, ${moment.label}`;
        if (broken !== null) {
          violation = { state: head, event, label, ...broken };
          break outer;
        }
        if (result.ticket !== before) {
          const [next] = graph.intern(settings.key(result.ticket), result.ticket, head, event, label);
          graph.addEdge(head, next);
          if (graph.size > settings.maxStates) {
            stopped = 'maxStates';
            break outer;
          }
        }
        if (transitions % CLOCK_EVERY === 0 && performance.now() - began > settings.timeLimitMs) {
          stopped = 'timeLimit';
          break outer;
        }
      }
    }
    graph.expanded[head] = true;
  }
  const stoppedAt = head < graph.size ? graph.depth[head]! : settings.depth;
  const complete = graph.expanded.every((e) => e);
  return {
    graph,
    starts: startList,
    violation,
    stopped,
    checkedDepth: violation === null ? Math.min(stoppedAt, settings.depth) : graph.depth[violation.state]!,
    transitions,
    complete,
  };
}
