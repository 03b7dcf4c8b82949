import { createTicket, nextDeadline, type Ticket, type Workflow } from 'ticket-lifecycle';
import { checkStored, fromStored, NOW_MS, readJson, readOptions, type StoreContext } from './context.js';
import type { SqlQueryable } from './driver.js';
import { storeError, type StoreError, type StoreFailure } from './errors.js';
import type { CreateInput, CreatedTicket, CreateOptions } from './types.js';

/**
 * The first entry of every ticket's log (seq 0): what `createTicket` was given. Replay starts from it.
 *
 * @example
 * ```ts
 * import type { CreateEntry } from 'ticket-lifecycle/postgres';
 * const entry: CreateEntry = { type: 'create', at: 1_767_600_000_000, by: 'customer', channel: 'email' };
 * ```
 */
export interface CreateEntry {
  readonly type: 'create';
  readonly at: number;
  readonly by?: CreateInput['by'];
  readonly channel?: string;
  readonly assignee?: string | null;
}

/**
 * Inserts a new ticket and its creation entry in one statement, on `q` (the pool, or an open transaction when a
 * follow-up is opened beside the event that asked for it). With an idempotency key, the statement first claims the
 * key (`ON CONFLICT DO NOTHING`: a concurrent claim of the same key waits for the other to commit, then inserts
 * nothing), and the ticket takes the id claimed with it; `null` when the key was taken.
 */
export async function insertTicket(
  ctx: StoreContext,
  q: SqlQueryable,
  workflowName: string,
  workflow: Workflow,
  entry: CreateEntry,
  followUpOf: string | null,
  key?: string,
): Promise<CreatedTicket | null> {
  const ticket: Ticket = createTicket(workflow, entry);
  const id = `nextval(pg_get_serial_sequence('${ctx.s}.tickets', 'id'))`;
  const { rows } = await q.query(
    `WITH k AS (${
      key === undefined
        ? `SELECT ${id} AS ticket_id`
        : `INSERT INTO ${ctx.s}.create_keys (idempotency_key, ticket_id) VALUES ($10, ${id}) ON CONFLICT DO NOTHING RETURNING ticket_id`
    }), t AS (
       INSERT INTO ${ctx.s}.tickets (id, workflow, status, version, updated_at, next_deadline, last_seq, follow_up_of, data)
       SELECT ticket_id, $1, $2, $3, $4, $5, 0, $6, $7::text::jsonb FROM k RETURNING id
     ), e AS (
       INSERT INTO ${ctx.s}.events (ticket_id, seq, at, type, event, result)
       SELECT id, 0, $4, 'create', $8::text::json, $9::text::json FROM t
     )
     SELECT id::text AS id FROM t`,
    [
      workflowName,
      ticket.status,
      ticket.version,
      ticket.updatedAt,
      nextDeadline(workflow, ticket),
      followUpOf,
      JSON.stringify(ticket),
      JSON.stringify(entry),
      JSON.stringify({ ticket, effects: [], changed: true }),
      ...(key === undefined ? [] : [key]),
    ],
  );
  const row = rows[0] as { id: string } | undefined;
  return row === undefined ? null : { id: row.id, ticket };
}

type Created =
  | { readonly ok: true; readonly id: string; readonly ticket: Ticket; readonly duplicate: boolean }
  | { readonly ok: false; readonly error: StoreError };

/**
 * `store.create`: checks the input, stamps `at` from the database when it is missing, and inserts; with an
 * idempotency key already used, answers the ticket created with it, as created (`duplicate: true`).
 */
export async function create(ctx: StoreContext, input: CreateInput, options: CreateOptions = {}): Promise<Created> {
  // The caller's input and options are read here, once, before anything else runs: from then on only these copies.
  let data: CreateInput;
  let key: string | undefined;
  try {
    data = readJson(input, 'input') as CreateInput;
    key = readOptions<CreateOptions>(options, ['idempotencyKey']).idempotencyKey;
  } catch (failure) {
    return { ok: false, error: (failure as StoreFailure).error };
  }
  const name = data.workflow ?? ctx.defaultWorkflow;
  const workflow = name === null ? undefined : ctx.workflows.get(name);
  if (name === null || workflow === undefined) {
    return {
      ok: false,
      error: storeError('unknownWorkflow', `no workflow named ${JSON.stringify(name)} in this store`),
    };
  }
  if (data.channel !== undefined && typeof data.channel !== 'string') {
    return { ok: false, error: storeError('invalidRequest', '"channel" must be a string') };
  }
  const at = data.at ?? (await databaseNow(ctx.driver));
  const entry: CreateEntry = { type: 'create', at, ...pick(data) };
  try {
    createTicket(workflow, entry); // throws RangeError on bad input: turn it into a value before touching the database
  } catch (error) {
    return { ok: false, error: storeError('invalidRequest', error instanceof Error ? error.message : String(error)) };
  }
  const created = await insertTicket(ctx, ctx.driver, name, workflow, entry, null, key);
  return created === null ? createdWith(ctx, key!) : { ok: true, ...created, duplicate: false };
}

/**
 * The ticket an idempotency key created, as its creation entry logged it. A key whose ticket or entry is gone (rows
 * deleted by hand) or no longer a ticket is the database's fault: a 500, never a second ticket.
 */
async function createdWith(ctx: StoreContext, key: string): Promise<Created> {
  const { rows } = await ctx.driver.query(
    `SELECT k.ticket_id::text AS id, t.workflow, e.result -> 'ticket' AS ticket FROM ${ctx.s}.create_keys AS k
     JOIN ${ctx.s}.tickets AS t ON t.id = k.ticket_id JOIN ${ctx.s}.events AS e ON e.ticket_id = k.ticket_id AND e.seq = 0
     WHERE k.idempotency_key = $1`,
    [key],
  );
  const row = rows[0] as { id: string; workflow: string; ticket: unknown } | undefined;
  const workflow = row && ctx.workflows.get(row.workflow);
  const ticket = row && fromStored(ctx, row.workflow, row.ticket);
  const broken =
    workflow === undefined || ticket == null
      ? storeError('invalidStoredTicket', 'the ticket this idempotency key created is gone or of no workflow here')
      : checkStored(workflow, ticket);
  return broken === null ? { ok: true, id: row!.id, ticket: ticket!, duplicate: true } : { ok: false, error: broken };
}

function pick(input: CreateInput): Omit<CreateEntry, 'type' | 'at'> {
  const out: { by?: CreateEntry['by']; channel?: string; assignee?: string | null } = {};
  if (input.by !== undefined) out.by = input.by;
  if (input.channel !== undefined) out.channel = input.channel;
  if (input.assignee !== undefined) out.assignee = input.assignee;
  return out;
}

export async function databaseNow(q: SqlQueryable): Promise<number> {
  const { rows } = await q.query(`SELECT ${NOW_MS} AS now`);
  return (rows[0] as { now: number }).now;
}
