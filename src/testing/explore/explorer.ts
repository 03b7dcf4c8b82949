import { createTicket, transition, type Workflow } from 'ticket-lifecycle';
import { alphabet, type Letter } from './alphabet.js';
import { moments } from './moments.js';
import type { SearchSettings, Start, StepCheck, Violation } from './search.js';
import { StateGraph } from './state-graph.js';

/** How often the clock is read: often enough to stop within a few milliseconds of the limit. */
const CLOCK_EVERY = 256;

/**
 * The explorer's working state: the graph, the alphabet, and the budgets (states, time) shared by the search for
 * violations and the liveness questions that may explore further.
 */
export class Explorer {
  readonly graph = new StateGraph();
  readonly letters: readonly Letter[];
  transitions = 0;
  stopped: 'maxStates' | 'timeLimit' | null = null;
  private readonly began = performance.now();

  constructor(
    readonly workflow: Workflow,
    readonly settings: SearchSettings,
    readonly starts: readonly Start[],
  ) {
    this.letters = alphabet(workflow, settings.types, settings.actors, settings.untilAfter);
    for (const s of starts) {
      const ticket = createTicket(workflow, {
        at: settings.start,
        by: s.by,
        ...(s.channel !== undefined && { channel: s.channel }),
      });
      this.graph.intern(settings.key(ticket), ticket, -1, null, s.label);
    }
  }

  /**
   * Tries every letter at every moment from `state`, checking each step with `check` (if given), adding the
   * states and moves found. Stops early at a violation (returned), when a budget runs out (`stopped` says which),
   * or when `enough` accepts a state just reached (a witness was found: the caller needs no more). Marks the state
   * expanded only when every letter was tried.
   */
  expand(state: number, check: StepCheck | null, enough?: (next: number) => boolean): Violation | null {
    const { workflow, settings, graph } = this;
    const before = graph.tickets[state]!;
    for (const moment of moments(workflow, before, settings.deadlines, settings.times.windows, settings.horizon)) {
      for (const letter of this.letters) {
        const event = letter.event(moment.at);
        const result = transition(workflow, before, event);
        this.transitions++;
        const label = `${letter.label}, ${moment.label}`;
        const broken = check === null ? null : check(before, event, result);
        if (result.ticket !== before) {
          const [next] = graph.intern(settings.key(result.ticket), result.ticket, state, event, label);
          graph.addEdge(state, next);
          // The state a violation leads to is kept: the model then knows its status was reached.
          if (broken !== null) return { state, event, label, ...broken };
          if (graph.size > settings.maxStates) {
            this.stopped = 'maxStates';
            return null;
          }
          if (enough?.(next)) return null;
        }
        if (broken !== null) return { state, event, label, ...broken };
        if (this.transitions % CLOCK_EVERY === 0 && performance.now() - this.began > settings.timeLimitMs) {
          this.stopped = 'timeLimit';
          return null;
        }
      }
    }
    graph.expanded[state] = true;
    return null;
  }
}
