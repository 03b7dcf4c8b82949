import type { Ticket, TicketEvent, Workflow } from 'ticket-lifecycle';
import type { Lifecycle } from '../fixtures/lifecycles.js';
import { sink } from '../support/measure.js';

/**
 * The timed loops of the A/B cases. Each subject imports its own instance (`loopsFor(name)`): V8 keeps type feedback
 * per function literal, so one loop shared by two builds would see both builds' `transition` at one call site,
 * inline neither and bill both for it. Imported apart, each loop calls one function, as a backend's loop does.
 */
export interface Loops {
  /** Applies every event of every history with `step`, as a backend applies events to stored tickets. */
  replay(
    step: (workflow: Workflow, ticket: Ticket, event: TicketEvent) => { ok: boolean; ticket: Ticket },
    workflow: Workflow,
    histories: readonly Lifecycle[],
  ): void;
  /** Counts the tickets `evaluate` says are closed at `now` (a sweep's `evaluateAutoClose(…).close`). */
  countCloses(
    evaluate: (workflow: Workflow, ticket: Ticket, now: number) => { readonly close: boolean },
    workflow: Workflow,
    tickets: readonly Ticket[],
    now: number,
  ): void;
  /** The same count by a hand loop's answer, a boolean: no result object to read. */
  countTrue(closes: (ticket: Ticket, now: number) => boolean, tickets: readonly Ticket[], now: number): void;
  /** Sums the deadlines `deadline` names (`null` counts as -1), so the loop's result is used. */
  sumDeadlines(
    deadline: (workflow: Workflow, ticket: Ticket) => number | null,
    workflow: Workflow,
    tickets: readonly Ticket[],
  ): void;
}

export const replay: Loops['replay'] = (step, workflow, histories) => {
  let versions = 0;
  for (const { start, events } of histories) {
    let ticket = start;
    for (const event of events) {
      const r = step(workflow, ticket, event);
      if (r.ok) ticket = r.ticket;
    }
    versions += ticket.version;
  }
  sink.value ^= versions;
};

export const countCloses: Loops['countCloses'] = (evaluate, workflow, tickets, now) => {
  let closing = 0;
  for (let i = 0; i < tickets.length; i++) if (evaluate(workflow, tickets[i]!, now).close) closing++;
  sink.value ^= closing;
};

export const countTrue: Loops['countTrue'] = (closes, tickets, now) => {
  let closing = 0;
  for (let i = 0; i < tickets.length; i++) if (closes(tickets[i]!, now)) closing++;
  sink.value ^= closing;
};

export const sumDeadlines: Loops['sumDeadlines'] = (deadline, workflow, tickets) => {
  let sum = 0;
  for (let i = 0; i < tickets.length; i++) sum += deadline(workflow, tickets[i]!) ?? -1;
  sink.value += sum;
};

/**
 * A module instance of these loops for one subject alone (the query string makes it a module of its own).
 *
 * @example
 * ```ts
 * const { replay } = await loopsFor('current');
 * replay(transition, workflow, histories);
 * ```
 */
export const loopsFor = (subject: string): Promise<Loops> =>
  import(`./loops.js?subject=${encodeURIComponent(subject)}`) as Promise<Loops>;
