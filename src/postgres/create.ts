import { createTicket, nextDeadline, type Ticket, type Workflow } from 'ticket-lifecycle';
import { NOW_MS, storableJson, type StoreContext } from './context.js';
import type { SqlQueryable } from './driver.js';
import { storeError, type StoreError } from './errors.js';
import type { CreateInput, CreatedTicket } from './types.js';

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
 * follow-up is opened beside the event that asked for it).
 */
export async function insertTicket(
  ctx: StoreContext,
  q: SqlQueryable,
  workflowName: string,
  workflow: Workflow,
  entry: CreateEntry,
  followUpOf: string | null,
): Promise<CreatedTicket> {
  const ticket: Ticket = createTicket(workflow, entry);
  const { rows } = await q.query(
    `WITH t AS (
       INSERT INTO ${ctx.s}.tickets (workflow, status, version, updated_at, next_deadline, last_seq, follow_up_of, data)
       VALUES ($1, $2, $3, $4, $5, 0, $6, $7::text::jsonb) RETURNING id
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
    ],
  );
  return { id: (rows[0] as { id: string }).id, ticket };
}

type Created =
  | { readonly ok: true; readonly id: string; readonly ticket: Ticket }
  | { readonly ok: false; readonly error: StoreError };

/** `store.create`: checks the input, stamps `at` from the database when it is missing, and inserts. */
export async function create(ctx: StoreContext, input: CreateInput): Promise<Created> {
  if (typeof input !== 'object' || input === null)
    return { ok: false, error: storeError('invalidRequest', 'create needs an object') };
  const name = input.workflow ?? ctx.defaultWorkflow;
  const workflow = name === null ? undefined : ctx.workflows.get(name);
  if (name === null || workflow === undefined) {
    return {
      ok: false,
      error: storeError('unknownWorkflow', `no workflow named ${JSON.stringify(name)} in this store`),
    };
  }
  if (input.channel !== undefined && typeof input.channel !== 'string') {
    return { ok: false, error: storeError('invalidRequest', '"channel" must be a string') };
  }
  const fields = pick(input);
  const storable = storableJson(fields, 'input');
  if (typeof storable !== 'string') return { ok: false, error: storable };
  const at = input.at ?? (await databaseNow(ctx.driver));
  const entry: CreateEntry = { type: 'create', at, ...fields };
  try {
    createTicket(workflow, entry); // throws RangeError on bad input: turn it into a value before touching the database
  } catch (error) {
    return { ok: false, error: storeError('invalidRequest', error instanceof Error ? error.message : String(error)) };
  }
  const created = await insertTicket(ctx, ctx.driver, name, workflow, entry, null);
  return { ok: true, ...created };
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
