import {
  createTicket,
  transition,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import type { CreateEntry } from './create.js';

/**
 * One entry of a ticket's event log: its place (`seq`, 0 for the creation), the event as applied (with its
 * `at`), and the ticket the store saved after it.
 *
 * @example
 * ```ts
 * import type { LogEntry } from 'ticket-lifecycle/postgres';
 * const first: LogEntry = { seq: 0, event: { type: 'create', at: 1_767_600_000_000 }, ticket: null };
 * ```
 */
export interface LogEntry {
  readonly seq: number;
  readonly event: TicketEvent | CreateEntry;
  /** The ticket stored after this entry, checked against the replay when present (a sweeper's tick logs none). */
  readonly ticket: Ticket | null;
}

/**
 * The outcome of a replay: the ticket the log leads to, or the first entry where it went wrong and why.
 *
 * @example
 * ```ts
 * import type { ReplayResult } from 'ticket-lifecycle/postgres';
 * const say = (r: ReplayResult): string => (r.ok ? `v${r.ticket.version}` : `entry ${r.seq}: ${r.message}`);
 * ```
 */
export type ReplayResult<S extends string = string> =
  | { readonly ok: true; readonly ticket: Ticket<S> }
  | { readonly ok: false; readonly seq: number; readonly message: string };

/**
 * Replays a ticket's log through `createTicket` and `transition`, pure and in memory: every entry must be
 * accepted and lead to the ticket stored with it, and `stored` (the ticket row, when given) must equal the end.
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'ticket-lifecycle';
 * import { replayLog } from 'ticket-lifecycle/postgres';
 * const wf = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'closed', category: 'closed' }] });
 * const r = replayLog(wf, [
 *   { seq: 0, event: { type: 'create', at: 0 }, ticket: null },
 *   { seq: 1, event: { type: 'setStatus', by: 'agent', at: 5, to: 'closed' }, ticket: null },
 * ]);
 * r.ok && r.ticket.status; // 'closed'
 * ```
 */
export function replayLog<S extends string>(
  workflow: Workflow<S>,
  log: readonly LogEntry[],
  stored?: Ticket<S>,
): ReplayResult<S> {
  // Logs read by hand (an export, another table) can hold anything: every answer is a value, never a TypeError.
  if (!Array.isArray(log)) return { ok: false, seq: 0, message: 'the log must be an array of entries' };
  let ticket: Ticket<S> | null = null;
  for (const [i, entry] of log.entries()) {
    if (typeof entry !== 'object' || entry === null || typeof entry.event !== 'object' || entry.event === null)
      return { ok: false, seq: i, message: `entry ${i} is not a log entry ({ seq, event, ticket })` };
    if (entry.seq !== i)
      return { ok: false, seq: entry.seq, message: `entry ${i} has seq ${entry.seq}: the log has a gap` };
    if (i === 0) {
      if (entry.event.type !== 'create')
        return { ok: false, seq: 0, message: 'the log does not start with the creation' };
      try {
        ticket = createTicket(workflow, entry.event as CreateEntry);
      } catch (error) {
        return { ok: false, seq: 0, message: `the creation entry is invalid: ${String(error)}` };
      }
    } else {
      const result: TransitionResult<S> = transition(workflow, ticket!, entry.event as TicketEvent<S>);
      if (!result.ok)
        return {
          ok: false,
          seq: entry.seq,
          message: `the engine refuses it: ${result.error.code} (${result.error.message})`,
        };
      ticket = result.ticket;
    }
    if (entry.ticket != null && !sameJson(entry.ticket, ticket)) {
      return { ok: false, seq: entry.seq, message: 'the replayed ticket differs from the one logged with this entry' };
    }
  }
  if (ticket === null) return { ok: false, seq: 0, message: 'the log is empty' };
  if (stored !== undefined && !sameJson(stored, ticket)) {
    return { ok: false, seq: log.length - 1, message: 'the replayed ticket differs from the stored ticket' };
  }
  return { ok: true, ticket };
}

/** Deep equality of JSON values, ignoring key order (jsonb keeps its own). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson((a as Record<string, unknown>)[k], rb[k]));
}
