import { nextDeadline, transition, type Ticket, type Workflow } from 'ticket-lifecycle';
import { checkStored, isWholeTime, readOptions, storedShapeError, type StoreContext } from './context.js';
import { databaseNow } from './create.js';
import type { SqlQueryable } from './driver.js';
import {
  fromTransitionError,
  isUniqueViolation,
  lastSeqBehind,
  StoreFailure,
  storeError,
  type StoreError,
} from './errors.js';
import { Batch, takenLogPlaces, ticketChange, type BatchRow, type BatchStatement } from './sweep-write.js';
import type { SweepOptions, SweepReport } from './types.js';

const DEFAULT_BATCH = 500;

/**
 * Which end of the due range a sweep claims from: calls alternate, oldest first then newest first. Every claim
 * steps over the rows other sweepers hold at its end of the index (`SKIP LOCKED` still visits and tries each one);
 * with two ends, concurrent sweepers hold half as many rows in each other's way. Every due ticket is still swept by
 * the call that claims it (a sweep runs until nothing is due), and a tick's outcome does not depend on the order.
 * Each process starts at a random end (on its first sweep, `-1` until then): sweeper processes started together, the
 * replicas of one deployment on one schedule, would otherwise all claim oldest first, then all newest first.
 */
let sweepsStarted = -1;

interface DueRow {
  readonly id: string;
  /** Where the locked row is: the batch write goes straight to it (a TID scan), not through the primary key. */
  readonly ctid: string;
  readonly workflow: string;
  /** The ticket as JSON text, parsed when it is ticked: see `Batch`. */
  readonly data: string;
  readonly last_seq: number;
}

/**
 * `store.sweep`: claims due tickets a batch at a time, from one end of the due range (`sweepsStarted`), with
 * `FOR NO KEY UPDATE SKIP LOCKED` (so sweepers never wait
 * on each other or on a writer's row, and never take the same ticket; the key is never changed, so a follow-up
 * referencing a claimed ticket is not blocked), ticks each, and writes the whole batch — tickets, log entries,
 * outbox rows — in one statement (sweep-write.ts). A sweeper that dies mid-batch loses its transaction; the
 * rows unlock and the next sweeper takes them.
 */
export async function sweep(ctx: StoreContext, sweepOptions: SweepOptions = {}): Promise<SweepReport> {
  // Read once, each field, into a copy (or refused as a StoreFailure): the checks below and the loop use only it.
  const options = readOptions<SweepOptions>(sweepOptions, ['now', 'limit', 'batchSize']);
  // Checked before any claim: a `now` the engine refuses would fail every due ticket's tick and park them all.
  if (options.now !== undefined && !isWholeTime(options.now)) throw badOption('now', 'a time (whole epoch ms)');
  const batchSize = Math.max(1, Math.min(Math.trunc(count('batchSize', options.batchSize ?? DEFAULT_BATCH)), 10_000));
  const limit = Math.trunc(count('limit', options.limit ?? Number.POSITIVE_INFINITY));
  const now = options.now ?? (await databaseNow(ctx.driver));
  let claimed = 0;
  let changed = 0;
  let effects = 0;
  let batches = 0;
  const failed: { id: string; error: StoreError }[] = [];
  if (sweepsStarted < 0) sweepsStarted = Math.random() < 0.5 ? 0 : 1;
  const order = sweepsStarted++ % 2 === 0 ? 'ASC' : 'DESC';
  while (claimed < limit) {
    const size = Math.min(batchSize, limit - claimed);
    const batch = await ctx.driver
      .transaction((tx) => sweepBatch(ctx, tx, now, size, order, false))
      .catch((error: unknown) => {
        // A unique violation in the batch write: a claimed row's `last_seq` is behind its log (edited by hand). The
        // batch rolled back whole; claim again and leave out (park) the rows whose next log place is taken, or every
        // later sweep would fail on the same row. Looked for only after a failure: the common batch pays nothing.
        if (!isUniqueViolation(error)) throw error;
        return ctx.driver.transaction((tx) => sweepBatch(ctx, tx, now, size, order, true));
      });
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

function count(name: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw badOption(name, 'a number');
  return value;
}

const badOption = (name: string, what: string): StoreFailure =>
  new StoreFailure(storeError('invalidRequest', `sweep: "${name}" must be ${what}`, `options.${name}`));

interface BatchOutcome {
  readonly claimed: number;
  readonly changed: number;
  readonly effects: number;
  readonly failed: { id: string; error: StoreError }[];
  /** Tickets this batch leaves not due at `now` (written with a later deadline, or parked). */
  readonly settled: number;
}

/**
 * One batch: claim, tick, write, park. The batch's write is built, and its outcome counted, before the write is
 * awaited: while it runs (most of a batch's time, with four sweepers) no claimed ticket or result is reachable.
 * After a failed write (`checkLogPlaces`), the claimed rows whose next log place is taken are parked, not ticked:
 * their `last_seq` is behind their log, whatever this tick would do.
 */
async function sweepBatch(
  ctx: StoreContext,
  tx: SqlQueryable,
  now: number,
  size: number,
  order: 'ASC' | 'DESC',
  checkLogPlaces: boolean,
): Promise<BatchOutcome> {
  // Only tickets this store's policies can tick: one of another workflow, or in a status the policy lacks, is a newer
  // (or older) policy's while a change rolls out. Claimed, it would fail here and be parked, out of reach of the
  // sweepers that know it; left due, they take it.
  const { rows } = await tx.query(
    `SELECT id::text AS id, ctid::text AS ctid, workflow, data::text AS data, last_seq FROM ${ctx.s}.tickets
     WHERE next_deadline <= $1 AND ${ctx.claimable.sql}
     ORDER BY next_deadline ${order} LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
    [now, size, ...ctx.claimable.params],
  );
  const due = rows as DueRow[];
  const taken =
    checkLogPlaces && due.length > 0
      ? await takenLogPlaces(
          ctx,
          tx,
          due.map((r) => ({ id: r.id, seq: r.last_seq + 1 })),
        )
      : null;
  return write(ctx, tx, now, due, taken);
}

/**
 * Ticks every claimed row into a `Batch`, counts the outcome, then sends the write and parks the failed rows. Not an
 * async function: once the statement is built, nothing of the batch but its texts is reachable.
 */
function write(
  ctx: StoreContext,
  tx: SqlQueryable,
  now: number,
  rows: readonly DueRow[],
  taken: ReadonlySet<string> | null,
): Promise<BatchOutcome> {
  const batch = new Batch();
  const failed: { id: string; error: StoreError }[] = [];
  let changed = 0;
  let effects = 0;
  let settled = 0;
  for (const row of rows) {
    // Always found: the claim takes only this store's workflows (`claimable`); `unknownWorkflow` below is a defence.
    const workflow = ctx.workflows.get(row.workflow);
    const outcome =
      taken?.has(row.id) === true
        ? lastSeqBehind(row.id)
        : workflow === undefined
          ? storeError('unknownWorkflow', `workflow "${row.workflow}" is not in this store`)
          : tick(workflow, row, now, batch);
    if ('code' in outcome) {
      failed.push({ id: row.id, error: outcome });
      settled++;
      continue;
    }
    if (outcome.log) changed++;
    effects += outcome.n;
    if (outcome.next_deadline === null || outcome.next_deadline > now) settled++;
  }
  const outcome: BatchOutcome = { claimed: rows.length, changed, effects, failed, settled };
  return send(ctx, tx, batch.rows.length > 0 ? batch.statement(ctx) : null, outcome);
}

async function send(
  ctx: StoreContext,
  tx: SqlQueryable,
  statement: BatchStatement | null,
  outcome: BatchOutcome,
): Promise<BatchOutcome> {
  if (statement !== null) await tx.query(statement.sql, statement.params);
  if (outcome.failed.length > 0) {
    // A ticket the engine refuses would be claimed by every sweep forever: park it (docs/postgres.md says how to find
    // it).
    await tx.query(
      `UPDATE ${ctx.s}.tickets SET next_deadline = NULL WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb)::bigint)`,
      [JSON.stringify(outcome.failed.map((f) => f.id))],
    );
  }
  return outcome;
}

/** Ticks one claimed row into `batch`, answering its row there; or the reason it cannot be (then nothing is added). */
function tick(workflow: Workflow, row: DueRow, now: number, batch: Batch): BatchRow | StoreError {
  // No field reordering (fromStored): a tick's ticket is never returned, and jsonb keeps no key order anyway.
  const ticket: unknown = JSON.parse(row.data);
  const broken = storedShapeError(ticket);
  if (broken !== null) return broken;
  const stored = ticket as Ticket;
  // The row was due at `now`, and a deadline is never before `updatedAt`; max() only guards a clock running backwards.
  const event = { type: 'tick' as const, at: Math.max(now, stored.updatedAt) };
  const result = transition(workflow, stored, event);
  if (!result.ok) return checkStored(workflow, stored) ?? fromTransitionError(result.error);
  const log = result.changed || result.effects.length > 0;
  const t = result.ticket;
  const { data, full } = ticketChange(stored, t);
  const written: BatchRow = {
    id: row.id,
    ctid: row.ctid,
    status: t.status,
    version: t.version,
    updated_at: t.updatedAt,
    next_deadline: nextDeadline(workflow, t),
    seq: log ? row.last_seq + 1 : row.last_seq,
    at: event.at,
    n: log ? result.effects.length : 0,
    log,
    full,
  };
  // The log keeps a tick's effects, not a copy of the ticket (the row has it, and a replay rebuilds it); nobody
  // redelivers a tick, so no first result needs returning.
  batch.add(written, data, log ? { effects: result.effects, changed: result.changed } : null);
  return written;
}
