import type { DueTimer } from '../engine/due-timer.js';
import type { Effect } from '../engine/effects.js';
import type { DraftTicket } from '../engine/copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import type { Category } from '../policy/category.js';
import type { SlaMetric } from './sla-config.js';
import type { SlaState } from '../model/sla-state.js';

/** One SLA policy, checked and compiled. Engine-internal. */
export interface CompiledSlaPolicy {
  /** `null` for the built-in fallback that applies when no policy matches: it has no targets. */
  readonly id: string | null;
  readonly matches: (ticket: Ticket) => boolean;
  readonly targets: { readonly [M in SlaMetric]?: number };
  readonly warnBefore: number | null;
  /** Per metric, the statuses where its clock does not count (solved and closed always among them). */
  readonly paused: { readonly [M in SlaMetric]: ReadonlySet<string> };
  /** `start + ms` on the policy's clock (plain time, or its calendar's open time). */
  readonly later: (start: number, ms: number) => number;
  /** What the policy's clock counts from `from` to `to` (`to ≥ from`). */
  readonly elapsed: (from: number, to: number) => number;
}

/**
 * A workflow's SLA policies with their arithmetic bound to them: `Workflow.compiled.sla`. Engine-internal. The
 * engine calls these functions and never imports `src/sla/`, so a bundle without SLA policies carries none of it.
 */
export interface CompiledSla {
  /** The metrics some policy targets, in `SLA_METRICS` order: the clocks every ticket runs. */
  readonly metrics: readonly SlaMetric[];
  readonly policies: readonly CompiledSlaPolicy[];
  readonly fallback: CompiledSlaPolicy;
  /** Statuses in `solved` and `closed`: every clock stops there, and `resolution` is met. */
  readonly done: ReadonlySet<string>;
  /** The category of a status of the workflow. */
  categoryOf(status: string): Category;
  /** The policy that applies to `ticket` now. */
  select(ticket: Ticket): CompiledSlaPolicy;
  /** The policy a ticket's state names, or the fallback. */
  byId(id: string | null): CompiledSlaPolicy;
  /**
   * A stored `sla` field read once and checked: `null` when absent, `undefined` when malformed. `keepActivity:
   * false` (a query that reads only the clocks) checks the activity without copying it.
   */
  read(value: unknown, ticket: Ticket, keepActivity?: boolean): SlaState | null | undefined;
  /** Brings the clocks of `ticket` (this call's own copy) up to date with its fields at `at`, in place. */
  sync(ticket: DraftTicket, at: number, effects: Effect[] | null): void;
  /** The next moment a warning or a breach is due, or `null`. Never before the ticket's `updatedAt`. */
  due(ticket: Ticket): number | null;
  /** Announces what is due at `dueAt` (from `due`): a new ticket, stamped `updatedAt = dueAt`. */
  fire(ticket: Ticket, dueAt: number, effects: Effect[] | null, steps: DueTimer[] | null): Ticket;
}
