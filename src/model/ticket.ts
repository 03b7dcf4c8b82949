import type { Actor } from './actor.js';
import type { SlaState } from './sla-state.js';

/**
 * Who owes the next reply: the `team` (the customer's last message is unanswered) or the `customer`; `null`
 * before anyone has written.
 *
 * @example
 * ```ts
 * import type { Awaiting } from 'ticket-lifecycle';
 * const customerWaits: Awaiting = 'team';
 * ```
 */
export type Awaiting = 'team' | 'customer' | null;

/**
 * A ticket: plain JSON-serialisable data, times in epoch milliseconds. Store it as it is (a JSON column, or one
 * column per field) and hand it back to `transition`; nothing in it is a class, a Date or a function. Tickets the
 * engine returns have exactly these fields, in this order: keep your own data beside the ticket, not inside it.
 * The attributes rules read (`assignee`, `channel`, `priority`, `group`, `tags`, `attributesChangedAt`) sit together
 * after the times; a ticket stored before the last four existed is read with `null`, `null`, `[]` and `null`.
 *
 * @example
 * ```ts
 * import { createTicket, defineWorkflow, type Ticket } from 'ticket-lifecycle';
 * const wf = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'done', category: 'closed' }] });
 * const ticket: Ticket<'open' | 'done'> = createTicket(wf, { at: Date.UTC(2026, 0, 5) });
 * JSON.parse(JSON.stringify(ticket)); // deep-equal to ticket
 * ```
 */
export interface Ticket<S extends string = string, P extends string = string> {
  readonly status: S;
  /** Grows by exactly one on every accepted event that changes the ticket (optimistic concurrency). */
  readonly version: number;
  readonly createdAt: number;
  /** The time of the last change: an event's `at`, or a timer's due time. */
  readonly updatedAt: number;
  readonly statusChangedAt: number;
  readonly assignee: string | null;
  /** The channel given to `createTicket` (email, chat, …), if any. */
  readonly channel: string | null;
  /** One of the policy's `priorities`, or `null` (always, when it declares none). */
  readonly priority: P | null;
  /** The team or department the ticket belongs to (one of the policy's `groups` when it declares them), or `null`. */
  readonly group: string | null;
  /** Sorted, without duplicates: at most `TICKET_LIMITS.maxTags` (50) of 1 to 64 characters each. */
  readonly tags: readonly string[];
  /**
   * The last change of `priority`, `group` or `tags` after creation (by `update` or a timer's `set`), or `null`.
   * Timers with a `when` never act before it: a change re-targets them at the time of the change.
   */
  readonly attributesChangedAt: number | null;
  readonly lastCustomerMessageAt: number | null;
  /** The last reply by an agent or by the system (a bot) on the team's side. */
  readonly lastAgentMessageAt: number | null;
  /** The last message or internal note, by anyone, auto-replies included. */
  readonly lastActivityAt: number;
  readonly awaiting: Awaiting;
  readonly reopenCount: number;
  /** The latest close; kept after a reopen (reopen windows count from it). */
  readonly closedAt: number | null;
  readonly closedBy: Actor | null;
  readonly closeReason: string | null;
  /** The latest move into a `solved` status; kept after a reopen. */
  readonly resolvedAt: number | null;
  /** The time chosen with `snooze` or `setStatus` for the current stay (snooze end, Zammad's pending time). */
  readonly until: number | null;
  /** While snoozed: the status the ticket was in before, for the wake-up. */
  readonly snoozedFrom: S | null;
  /** Timers that already fired during the current stay: timer id → how many times. */
  readonly timersFired: Readonly<Record<string, number>>;
  /**
   * The SLA clocks (`null` when the policy has no `sla`): which SLA policy applies and, per metric, what its clock
   * counted. 316 bytes of JSON with three metrics running. A ticket stored without it is read as `null`, and
   * its clocks start at its next change.
   */
  readonly sla: SlaState | null;
}
