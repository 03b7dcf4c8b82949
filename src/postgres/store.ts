import type { Ticket, Workflow } from 'ticket-lifecycle';
import { apply } from './apply.js';
import { checkStored, claimableStatuses, fieldOrders, fromStored, isTicketId, type StoreContext } from './context.js';
import { create } from './create.js';
import { toDriver, type PgPoolLike, type SqlDriver } from './driver.js';
import { StoreFailure, type StoreError } from './errors.js';
import { claimEffects, completeEffects } from './outbox.js';
import { replayLog, type LogEntry, type ReplayResult } from './replay.js';
import { LOGGED_EVENT, migrate, type MigrateReport } from './schema.js';
import { sweep } from './sweep.js';
import type {
  ApplyOptions,
  ApplyResult,
  ClaimOptions,
  CreateInput,
  CreateOptions,
  FollowUpMode,
  OutboxEffect,
  StoredTicket,
  StoreEvent,
  SweepOptions,
  SweepReport,
} from './types.js';

/**
 * Options of `createPostgresStore`: one `workflow`, or several by name (`workflows`) for several desks in one
 * database; the PostgreSQL schema holding the tables (default `ticket_lifecycle`); and what to do with
 * `followUpRequested` (default `'effect'`: only the outbox row).
 *
 * @example
 * ```ts
 * import type { PostgresStoreOptions } from 'ticket-lifecycle/postgres';
 * import { zendesk, freshdesk } from 'ticket-lifecycle/presets';
 * const options: PostgresStoreOptions = { workflows: { support: zendesk(), billing: freshdesk() }, followUps: 'create' };
 * ```
 */
export type PostgresStoreOptions<S extends string = string> = (
  | { readonly workflow: Workflow<S>; readonly workflows?: never }
  | { readonly workflows: Readonly<Record<string, Workflow<S>>>; readonly workflow?: never }
) & {
  readonly schema?: string;
  readonly followUps?: FollowUpMode;
};

/**
 * The outcome of `create`: the new ticket and its id (`duplicate: true` when an idempotency key already created it:
 * then the ticket as it was created), or a classified error (`id` and `ticket` are then null).
 *
 * @example
 * ```ts
 * import type { CreateResult } from 'ticket-lifecycle/postgres';
 * const idOf = (r: CreateResult): string | null => r.id;
 * ```
 */
export type CreateResult<S extends string = string> =
  | { readonly ok: true; readonly id: string; readonly ticket: Ticket<S>; readonly duplicate: boolean }
  | { readonly ok: false; readonly id: null; readonly ticket: null; readonly error: StoreError };

/**
 * Tickets in PostgreSQL, written the way the engine's guarantees need: see `createPostgresStore`.
 *
 * @example
 * ```ts
 * import type { PostgresStore } from 'ticket-lifecycle/postgres';
 * async function remindLoop(store: PostgresStore): Promise<number> { return (await store.sweep()).changed; }
 * ```
 */
export interface PostgresStore<S extends string = string> {
  /** Creates or upgrades the schema; idempotent, safe to call from every instance at start-up. */
  migrate(): Promise<MigrateReport>;
  /**
   * Creates a ticket; with `idempotencyKey`, at most one per key (see `CreateOptions`). `input` is read once, as
   * `JSON.stringify` writes it (own enumerable fields, `toJSON` applied, `undefined` left out), and only that copy is
   * checked, stored and logged; input that cannot be read or stored so (a throwing getter or Proxy, a BigInt, NaN, a
   * NUL) is `invalidRequest` with its `path`, as are options that cannot be read (`options.idempotencyKey`).
   */
  create(input?: CreateInput, options?: CreateOptions): Promise<CreateResult<S>>;
  /** The ticket, or null for an unknown id. Throws `StoreFailure` when the stored row is not a valid ticket. */
  get(id: string): Promise<Ticket<S> | null>;
  /** The ticket with its workflow's name, next deadline and follow-up link, or null. */
  load(id: string): Promise<StoredTicket<S> | null>;
  /**
   * Applies one event to the ticket inside its row lock, and logs it. The event is read once, when called, as
   * `JSON.stringify` writes it (own enumerable fields, `toJSON` applied, `undefined` left out; inherited fields are not
   * the event's): `transition` applies that copy and the log holds exactly it, so a getter answering differently on a
   * second read, or a change to the object after the call, cannot make the log differ from the ticket. An event that
   * cannot be read or stored so (a throwing getter or Proxy, a cycle, a BigInt, NaN or ±Infinity, a NUL or an
   * unpaired surrogate) is `invalidEvent` (400) with the field as `path`; options are read once each, and one that
   * cannot be read is `invalidRequest` with its `path`.
   */
  apply(id: string, event: StoreEvent<S>, options?: ApplyOptions): Promise<ApplyResult<S>>;
  /** Ticks due tickets; options that are no object, cannot be read or cannot be used throw `StoreFailure`. */
  sweep(options?: SweepOptions): Promise<SweepReport>;
  claimEffects(options?: ClaimOptions): Promise<OutboxEffect<S>[]>;
  completeEffects(ids: readonly string[]): Promise<number>;
  /** The ticket's event log, creation first; empty for an unknown id. */
  log(id: string): Promise<LogEntry[]>;
  /** Rebuilds the ticket from its log alone. */
  replay(id: string): Promise<ReplayResult<S>>;
  /** Replays the log and checks every step and the stored ticket against it. */
  verify(id: string): Promise<ReplayResult<S>>;
  /** The workflow a store-created ticket of this name follows. */
  workflow(name?: string): Workflow<S> | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A ticket store on PostgreSQL (a `pg` Pool, a PGlite instance, or any `SqlDriver`), with no runtime dependency.
 * Each `apply` locks the ticket's row and stamps live events with the database's clock; effects go to an outbox
 * in the same transaction; sweepers claim due tickets with `SKIP LOCKED`; every accepted event is logged, and the
 * log replays to the stored ticket. Refusals are values with a code, a kind and an HTTP status.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { createPostgresStore } from 'ticket-lifecycle/postgres';
 * import { zendesk } from 'ticket-lifecycle/presets';
 *
 * const store = createPostgresStore(new PGlite(), { workflow: zendesk() });
 * await store.migrate();
 * const { id } = await store.create({ channel: 'email' });
 * if (id !== null) {
 *   const result = await store.apply(id, { type: 'reply', by: 'agent' }, { idempotencyKey: 'msg-1' });
 *   if (!result.ok) console.log(result.error.status, result.error.code);
 * }
 * await store.sweep();
 * const batch = await store.claimEffects({ limit: 100, leaseMs: 30_000 });
 * await store.completeEffects(batch.map((e) => e.id));
 * ```
 */
export function createPostgresStore<S extends string>(
  db: SqlDriver | PgPoolLike,
  options: PostgresStoreOptions<S>,
): PostgresStore<S> {
  const schema = options.schema ?? 'ticket_lifecycle';
  if (!SCHEMA_NAME.test(schema))
    throw new TypeError(`createPostgresStore: schema must match ${SCHEMA_NAME}, not ${JSON.stringify(schema)}`);
  const named: Record<string, Workflow<S>> = options.workflow !== undefined
    ? { default: options.workflow }
    : { ...options.workflows };
  const workflows = new Map<string, Workflow>(Object.entries(named) as [string, Workflow][]);
  if (workflows.size === 0) throw new TypeError('createPostgresStore: give a workflow, or at least one in workflows');
  const ctx: StoreContext = {
    driver: toDriver(db),
    s: `"${schema}"`,
    workflows,
    defaultWorkflow: workflows.size === 1 ? [...workflows.keys()][0]! : null,
    followUps: options.followUps ?? 'effect',
    fieldOrder: fieldOrders(workflows),
    claimable: claimableStatuses(workflows),
  };

  async function load(id: string): Promise<StoredTicket | null> {
    if (!isTicketId(id)) return null;
    const { rows } = await ctx.driver.query(
      `SELECT workflow, data, next_deadline::float8 AS next_deadline, follow_up_of::text AS follow_up_of FROM ${ctx.s}.tickets WHERE id = $1`,
      [id],
    );
    const row = rows[0] as
      | { workflow: string; data: unknown; next_deadline: number | null; follow_up_of: string | null }
      | undefined;
    if (row === undefined) return null;
    const workflow = ctx.workflows.get(row.workflow);
    const ticket = fromStored(ctx, row.workflow, row.data);
    const invalid = workflow === undefined ? null : checkStored(workflow, ticket);
    if (invalid !== null) throw new StoreFailure(invalid);
    return { id, workflow: row.workflow, ticket, nextDeadline: row.next_deadline, followUpOf: row.follow_up_of };
  }

  /**
   * The ticket row and its log (seq, the event as applied, the ticket logged with it) in one statement, so one
   * snapshot: read one after the other, an event committed in between made `verify` report a ticket that differs
   * from its log (an alarm for a ticket that was fine).
   */
  async function read(id: string): Promise<{ workflow: string; data: Ticket; log: LogEntry[] } | undefined> {
    if (!isTicketId(id)) return undefined;
    const { rows } = await ctx.driver.query(
      `SELECT workflow, data, (SELECT coalesce(json_agg(e ORDER BY seq), '[]') FROM (SELECT seq, ${LOGGED_EVENT} AS event,
       result -> 'ticket' AS ticket FROM ${ctx.s}.events WHERE ticket_id = t.id) e) AS log FROM ${ctx.s}.tickets t WHERE id = $1`,
      [id],
    );
    return rows[0] as { workflow: string; data: Ticket; log: LogEntry[] } | undefined;
  }

  async function replay(id: string, check: boolean): Promise<ReplayResult> {
    const row = await read(id);
    const workflow = row === undefined ? undefined : ctx.workflows.get(row.workflow);
    if (row === undefined || workflow === undefined)
      return { ok: false, seq: 0, message: `no ticket with id ${id} in this store's workflows` };
    return replayLog(
      workflow,
      check ? row.log : row.log.map((e) => ({ ...e, ticket: null })),
      check ? row.data : undefined,
    );
  }

  const store: PostgresStore = {
    migrate: () => migrate(ctx.driver, schema),
    create: async (input = {}, createOptions) => {
      const created = await create(ctx, input, createOptions);
      return created.ok ? created : { ...created, id: null, ticket: null };
    },
    get: async (id) => (await load(id))?.ticket ?? null,
    load,
    apply: (id, event, applyOptions) => apply(ctx, id, event, applyOptions),
    sweep: (sweepOptions) => sweep(ctx, sweepOptions),
    claimEffects: (claimOptions) => claimEffects(ctx, claimOptions),
    completeEffects: (ids) => completeEffects(ctx, ids),
    log: async (id) => (await read(id))?.log ?? [],
    replay: (id) => replay(id, false),
    verify: (id) => replay(id, true),
    workflow: (name) => ctx.workflows.get(name ?? ctx.defaultWorkflow ?? ''),
  };
  return store as PostgresStore<S>;
}
