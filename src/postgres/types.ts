import type { Actor, Effect, Ticket, TicketEvent } from 'ticket-lifecycle';
import type { StoreError } from './errors.js';

/**
 * An event as a host submits it: `at` may be left out, and the store stamps it with the database's clock inside
 * the ticket's lock (never earlier than the ticket's `updatedAt`), so a live event is never refused as stale.
 * Give `at` for imports and replays: then the engine's stale-event rule applies.
 *
 * @example
 * ```ts
 * import type { StoreEvent } from 'ticket-lifecycle/postgres';
 * const live: StoreEvent = { type: 'reply', by: 'customer' };
 * const imported: StoreEvent = { type: 'reply', by: 'agent', at: 1_767_600_000_000 };
 * ```
 */
export type StoreEvent<S extends string = string> =
  TicketEvent<S> extends infer E
    ? E extends TicketEvent<S>
      ? Omit<E, 'at'> & { readonly at?: number }
      : never
    : never;

/**
 * What `create` needs: as `createTicket`'s input, with `at` optional (the database's clock) and, for a store with
 * several workflows, the workflow's name.
 *
 * @example
 * ```ts
 * import type { CreateInput } from 'ticket-lifecycle/postgres';
 * const input: CreateInput = { channel: 'email', by: 'customer' };
 * ```
 */
export interface CreateInput {
  readonly at?: number;
  readonly by?: Actor;
  readonly channel?: string;
  readonly assignee?: string | null;
  /** The workflow's name, for a store made with `workflows`; a single-workflow store ignores it. */
  readonly workflow?: string;
}

/**
 * Options of one `create`.
 *
 * @example
 * ```ts
 * import type { CreateOptions } from 'ticket-lifecycle/postgres';
 * const options: CreateOptions = { idempotencyKey: 'webhook-delivery-8f14e45f' };
 * ```
 */
export interface CreateOptions {
  /**
   * Creates once per store: a second `create` with the same key creates nothing and returns the ticket the first
   * created, as created (`duplicate: true`), whatever its input. Concurrent creates with one key create one ticket.
   */
  readonly idempotencyKey?: string;
}

/**
 * Options of one `apply`.
 *
 * @example
 * ```ts
 * import type { ApplyOptions } from 'ticket-lifecycle/postgres';
 * const options: ApplyOptions = { idempotencyKey: 'mail-<CA+abc@mail.example>', expectedVersion: 3 };
 * ```
 */
export interface ApplyOptions {
  /** Applied once per ticket: a second `apply` with the same key returns the first result (`duplicate: true`). */
  readonly idempotencyKey?: string;
  /** Refuse with `versionMismatch` (409) unless the ticket is still at this version (a UI's "If-Match"). */
  readonly expectedVersion?: number;
  /** Overrides the store's `followUps` for this event. */
  readonly followUps?: FollowUpMode;
}

/**
 * What the store does with `followUpRequested`: only record the effect in the outbox (`'effect'`), or also open
 * the linked ticket in the same transaction (`'create'`) — the customer's message starts it.
 *
 * @example
 * ```ts
 * import type { FollowUpMode } from 'ticket-lifecycle/postgres';
 * const mode: FollowUpMode = 'create';
 * ```
 */
export type FollowUpMode = 'effect' | 'create';

/**
 * A ticket the store created, with its id.
 *
 * @example
 * ```ts
 * import type { CreatedTicket } from 'ticket-lifecycle/postgres';
 * function show(created: CreatedTicket): string { return `${created.id}: ${created.ticket.status}`; }
 * ```
 */
export interface CreatedTicket<S extends string = string> {
  readonly id: string;
  readonly ticket: Ticket<S>;
}

/**
 * The outcome of `apply`: `transition`'s result plus the ticket's id, the event's place in the log (`seq`),
 * whether it was a redelivery (`duplicate`) and the follow-up ticket opened for it, if any. A refusal carries a
 * classified `StoreError`, and the stored ticket when there is one.
 *
 * @example
 * ```ts
 * import type { ApplyResult } from 'ticket-lifecycle/postgres';
 * function httpStatus(r: ApplyResult): number { return r.ok ? 200 : r.error.status; }
 * ```
 */
export type ApplyResult<S extends string = string> =
  | {
      readonly ok: true;
      readonly id: string;
      readonly ticket: Ticket<S>;
      readonly effects: readonly Effect<S>[];
      readonly changed: boolean;
      readonly seq: number;
      readonly duplicate: boolean;
      readonly followUp: CreatedTicket<S> | null;
    }
  | { readonly ok: false; readonly id: string; readonly ticket: Ticket<S> | null; readonly error: StoreError };

/**
 * A stored ticket with what the store keeps beside it.
 *
 * @example
 * ```ts
 * import type { StoredTicket } from 'ticket-lifecycle/postgres';
 * const due = (t: StoredTicket): boolean => t.nextDeadline !== null && t.nextDeadline <= Date.now();
 * ```
 */
export interface StoredTicket<S extends string = string> {
  readonly id: string;
  readonly workflow: string;
  readonly ticket: Ticket<S>;
  readonly nextDeadline: number | null;
  /** The ticket this one follows up, when the store opened it for a reply to a locked ticket. */
  readonly followUpOf: string | null;
}

/**
 * Options of one `sweep`.
 *
 * @example
 * ```ts
 * import type { SweepOptions } from 'ticket-lifecycle/postgres';
 * const options: SweepOptions = { limit: 10_000, batchSize: 500 };
 * ```
 */
export interface SweepOptions {
  /** The sweeper's clock (epoch ms); default the database's. */
  readonly now?: number;
  /** At most this many tickets in this call (default: until nothing is due). */
  readonly limit?: number;
  /** Tickets claimed and written per transaction (default 500). */
  readonly batchSize?: number;
}

/**
 * What one `sweep` did.
 *
 * @example
 * ```ts
 * import type { SweepReport } from 'ticket-lifecycle/postgres';
 * const line = (r: SweepReport): string => `${r.claimed} due, ${r.changed} changed, ${r.effects} effects`;
 * ```
 */
export interface SweepReport {
  readonly now: number;
  readonly claimed: number;
  readonly changed: number;
  readonly effects: number;
  readonly batches: number;
  /** Tickets the engine refused to tick (a corrupt stored ticket): left in place, their deadline cleared. */
  readonly failed: readonly { readonly id: string; readonly error: StoreError }[];
}

/**
 * An effect leased from the outbox. `id` is stable across redeliveries: dedupe on it.
 *
 * @example
 * ```ts
 * import type { OutboxEffect } from 'ticket-lifecycle/postgres';
 * const mail = (e: OutboxEffect): string | null => (e.effect.type === 'reminderDue' ? `remind ticket ${e.ticketId}` : null);
 * ```
 */
export interface OutboxEffect<S extends string = string> {
  /** `ticketId.seq.index`: the effect's place in the log, so the same on every redelivery. */
  readonly id: string;
  readonly ticketId: string;
  /** The event's place in the ticket's log, and the effect's place among that event's effects. */
  readonly seq: number;
  readonly index: number;
  readonly effect: Effect<S>;
  /** The follow-up ticket the store opened for a `followUpRequested`, if it did. */
  readonly relatedTicketId: string | null;
  /** How many times it was leased, this time included: more than 1 means a consumer may have seen it before. */
  readonly attempts: number;
}

/**
 * Options of `claimEffects`.
 *
 * @example
 * ```ts
 * import type { ClaimOptions } from 'ticket-lifecycle/postgres';
 * const options: ClaimOptions = { limit: 100, leaseMs: 30_000 };
 * ```
 */
export interface ClaimOptions {
  /**
   * At most this many effects (default 100). An event's effects are leased together, so a claim stops before an
   * event that would not fit, except the first, which always comes whole.
   */
  readonly limit?: number;
  /** How long the claim lasts; unfinished effects come back to any consumer after it (default 60 s). */
  readonly leaseMs?: number;
}
