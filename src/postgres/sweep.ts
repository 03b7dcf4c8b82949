import { nextDeadline, transition, type Effect, type Workflow } from 'ticket-lifecycle';
import { checkStored, fromStored, type StoreContext } from './context.js';
import { databaseNow } from './create.js';
import type { SqlQueryable } from './driver.js';
import { fromTransitionError, storeError, type StoreError } from './errors.js';
import type { SweepOptions, SweepReport } from './types.js';

const DEFAULT_BATCH = 500;

/**
 * What the log keeps of a sweeper's tick: its effects, not a copy of the ticket (the row has it, and a replay
 * rebuilds it). Half the bytes a sweep writes; nobody redelivers a tick, so no first result needs returning.
 */
interface TickResult {
  readonly effects: readonly Effect[];
  readonly changed: boolean;
}

interface DueRow {
  readonly id: string;
  readonly workflow: string;
  readonly data: unknown;
  readonly last_seq: number;
}

/** One ticket's write in a batch; `log` is false when the tick changed nothing (only the deadline is rewritten). */
interface BatchWrite {
  readonly id: string;
  readonly status: string;
  readonly version: number;
  readonly updated_at: number;
  readonly next_deadline: number | null;
  readonly seq: number;
  readonly data: unknown;
  readonly log: boolean;
  readonly at: number;
  readonly result: TickResult | null;
}

/**
 * `store.sweep`: claims due tickets a batch at a time with `FOR UPDATE SKIP LOCKED` (so sweepers never wait on
 * each other or on a writer's row, and never take the same ticket), ticks each, and writes the whole batch —
 * tickets, log entries, outbox rows — in one statement. A sweeper that dies mid-batch loses its transaction; the
 * rows unlock and the next sweeper takes them.
 */
export async function sweep(ctx: StoreContext, options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? (await databaseNow(ctx.driver));
  const batchSize = Math.max(1, Math.min(options.batchSize ?? DEFAULT_BATCH, 10_000));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let claimed = 0;
  let changed = 0;
  let effects = 0;
  let batches = 0;
  const failed: { id: string; error: StoreError }[] = [];
  while (claimed < limit) {
    const size = Math.min(batchSize, limit - claimed);
    const batch = await ctx.driver.transaction((tx) => sweepBatch(ctx, tx, now, size));
    batches++;
    claimed += batch.claimed;
    changed += batch.changed;
    effects += batch.effects;
    failed.push(...batch.failed);
    // A short batch means nothing else is due (or the rest is locked by other sweepers, who will finish it).
    if (batch.claimed < size) break;
    // Guards against a loop on tickets a tick leaves due (the engine promises it does not; a loop would never end).
    if (batch.settled === 0) break;
  }
  return { now, claimed, changed, effects, batches, failed };
}

async function sweepBatch(ctx: StoreContext, tx: SqlQueryable, now: number, size: number) {
  const { rows } = await tx.query(
    `SELECT id::text AS id, workflow, data, last_seq FROM ${ctx.s}.tickets
     WHERE next_deadline <= $1 ORDER BY next_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, size],
  );
  const writes: BatchWrite[] = [];
  const failed: { id: string; error: StoreError }[] = [];
  let changed = 0;
  let effects = 0;
  for (const row of rows as DueRow[]) {
    const workflow = ctx.workflows.get(row.workflow);
    const outcome =
      workflow === undefined
        ? storeError('unknownWorkflow', `workflow "${row.workflow}" is not in this store`)
        : tick(ctx, workflow, row, now);
    if ('code' in outcome) {
      failed.push({ id: row.id, error: outcome });
      continue;
    }
    writes.push(outcome);
    if (outcome.log) changed++;
    effects += outcome.result?.effects.length ?? 0;
  }
  if (writes.length > 0) await writeBatch(ctx, tx, writes);
  if (failed.length > 0) {
    // A ticket the engine refuses would be claimed by every sweep forever: park it (docs/postgres.md says how to find
    // it).
    await tx.query(
      `UPDATE ${ctx.s}.tickets SET next_deadline = NULL WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb)::bigint)`,
      [JSON.stringify(failed.map((f) => f.id))],
    );
  }
  const settled = failed.length + writes.filter((w) => w.next_deadline === null || w.next_deadline > now).length;
  return { claimed: rows.length, changed, effects, failed, settled };
}

function tick(ctx: StoreContext, workflow: Workflow, row: DueRow, now: number): BatchWrite | StoreError {
  const ticket = fromStored(ctx, row.workflow, row.data);
  // The row was due at `now`, and a deadline is never before `updatedAt`; max() only guards a clock running backwards.
  const event = { type: 'tick' as const, at: Math.max(now, ticket.updatedAt) };
  const result = transition(workflow, ticket, event);
  if (!result.ok) return checkStored(workflow, ticket) ?? fromTransitionError(result.error);
  const log = result.changed || result.effects.length > 0;
  const seq = log ? row.last_seq + 1 : row.last_seq;
  const t = result.ticket;
  return {
    id: row.id,
    status: t.status,
    version: t.version,
    updated_at: t.updatedAt,
    next_deadline: nextDeadline(workflow, t),
    seq,
    data: t,
    log,
    at: event.at,
    result: log ? { effects: result.effects, changed: result.changed } : null,
  };
}

/**
 * The batch goes in as one typed array per scalar column and one JSON array text per document column, zipped by
 * `ROWS FROM`: the server validates each document array once as `json` (cheap), then parses each ticket and result
 * into jsonb once. Slower shapes, measured: one jsonb document for the batch (the planner folds a constant jsonb at
 * plan time, 200–300 ms per 1,000 tickets), one JSON record per ticket in a text[] (every document escaped into the
 * array literal and parsed twice), `json_to_recordset` (a quarter second per 1,000). The tick's event is built in
 * SQL. The outbox gets one row per event with effects, pointing at the log entry that holds them (schema version 2).
 */
async function writeBatch(ctx: StoreContext, tx: SqlQueryable, writes: readonly BatchWrite[]): Promise<void> {
  const column = <T>(pick: (w: BatchWrite) => T): T[] => writes.map(pick);
  const documents = (pick: (w: BatchWrite) => unknown): string =>
    `[${writes.map((w) => JSON.stringify(pick(w))).join(',')}]`;
  await tx.query(
    `WITH docs AS MATERIALIZED (SELECT $9::text::json AS data, $10::text::json AS result),
     input AS MATERIALIZED (
       SELECT i.id, i.status, i.version, i.updated_at, i.next_deadline, i.seq, i.at, i.n, i.log,
              i.data::jsonb AS data, i.result::jsonb AS result
       FROM docs, ROWS FROM (
         unnest($1::bigint[]), unnest($2::text[]), unnest($3::integer[]), unnest($4::bigint[]), unnest($5::bigint[]),
         unnest($6::integer[]), unnest($7::bigint[]), unnest($8::integer[]), unnest($11::boolean[]),
         json_array_elements(docs.data), json_array_elements(docs.result)
       ) AS i(id, status, version, updated_at, next_deadline, seq, at, n, log, data, result)
     ), t AS (
       UPDATE ${ctx.s}.tickets AS t
       SET status = i.status, version = i.version, updated_at = i.updated_at, next_deadline = i.next_deadline,
           last_seq = i.seq, data = i.data
       FROM input AS i WHERE t.id = i.id
     ), e AS (
       INSERT INTO ${ctx.s}.events (ticket_id, seq, at, type, event, result)
       SELECT id, seq, at, 'tick', jsonb_build_object('type', 'tick', 'at', at), result FROM input WHERE log
     )
     INSERT INTO ${ctx.s}.outbox (ticket_id, seq, n) SELECT id, seq, n FROM input WHERE n > 0`,
    [
      column((w) => w.id),
      column((w) => w.status),
      column((w) => w.version),
      column((w) => w.updated_at),
      column((w) => w.next_deadline),
      column((w) => w.seq),
      column((w) => w.at),
      column((w) => w.result?.effects.length ?? 0),
      documents((w) => w.data),
      documents((w) => w.result),
      column((w) => w.log),
    ],
  );
}
