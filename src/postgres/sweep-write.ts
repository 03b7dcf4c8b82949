import type { Ticket } from 'ticket-lifecycle';
import type { StoreContext } from './context.js';
import type { SqlQueryable } from './driver.js';

/**
 * One ticket's write in a batch, its scalar columns; its documents (patch and log entry) are already text in the
 * batch's slices (`Batch`). `log` is false when the tick changed nothing (only the deadline is rewritten).
 */
export interface BatchRow {
  readonly id: string;
  readonly ctid: string;
  readonly status: string;
  readonly version: number;
  readonly updated_at: number;
  readonly next_deadline: number | null;
  readonly seq: number;
  readonly at: number;
  /** The number of effects logged (the outbox row's `n`). */
  readonly n: number;
  readonly log: boolean;
  /** `data` is the whole ticket (a field went away), not a patch to merge. */
  readonly full: boolean;
}

/**
 * What a tick changed, as the stored row needs it: the top-level fields whose value is not the one read (the engine
 * shares what it leaves alone, so `!==` finds them), merged with jsonb `||` into the locked row's `data`. A tick
 * changes a few fields of a ticket: the server parses a third of the bytes. A field the engine rebuilt unchanged is
 * sent again, except an empty list or map rebuilt empty (`tags`, `timersFired`: the commonest, and a seventh of a
 * close's patch). A field the engine removed cannot be merged away: then the whole ticket goes.
 */
export function ticketChange(
  before: Ticket,
  after: Ticket,
): { readonly data: Readonly<Record<string, unknown>>; readonly full: boolean } {
  const was = before as unknown as Readonly<Record<string, unknown>>;
  const now = after as unknown as Readonly<Record<string, unknown>>;
  // `for…in` over these plain objects (JSON's and the engine's), not Object.keys: a third of the time (V8 caches the
  // keys of an object shape), and this runs once per swept ticket. No stored field went away exactly when the new
  // ticket has as many of the stored fields as the stored ticket has fields.
  let read = 0;
  for (const _ in was) read++;
  let kept = 0;
  const patch: Record<string, unknown> = {};
  for (const key in now) {
    const value = now[key];
    const old = was[key];
    if (old !== undefined || key in was) kept++;
    if (value !== old && (typeof value !== 'object' || value === null || !bothEmpty(value, old))) patch[key] = value;
  }
  return kept === read ? { data: patch, full: false } : { data: now, full: true };
}

/** Two empty arrays, or two empty plain objects: the same JSON, so the stored value can stay. */
function bothEmpty(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === 0 && b.length === 0;
  return isEmptyMap(a) && isEmptyMap(b);
}

function isEmptyMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

type Scalar = string | number | boolean | null;

/** A batch write ready to send: its statement and parameters (texts only). */
export interface BatchStatement {
  readonly sql: string;
  readonly params: string[];
}

/**
 * A PostgreSQL array literal of one column of the batch, built here: the client's generic serializer prepares and
 * escapes element by element, and a batch has eleven columns of a thousand. Numbers and booleans need no quoting;
 * strings are quoted, with `"` and `\` escaped. The elements are joined once (one flat string; appending them one by
 * one made a rope of two thousand pieces per column, 1.5× the time with the client's flattening).
 */
function arrayLiteral<T>(writes: readonly T[], pick: (w: T) => Scalar): string {
  const parts: (string | number)[] = new Array(writes.length);
  for (let i = 0; i < writes.length; i++) {
    const v = pick(writes[i]!);
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'string') parts[i] = `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else parts[i] = v;
  }
  return `{${parts.join(',')}}`;
}

/**
 * Documents per parameter: a batch's document column goes as several texts of at most this many documents each, which
 * the statement joins back into one JSON array. One text per column for a batch of 1,000 is 170–480 kB; V8 builds a
 * string that long as a rope in its large-object space, and the client's first look at it (`Buffer.byteLength`)
 * flattens it there: measured, 2.0–2.5 ms per 168 kB column against 0.15–0.35 ms for the same documents in texts of
 * 128 (stringify included), a fifth of the Node process's time in a 4-sweeper sweep.
 */
const DOCUMENTS_PER_PARAMETER = 128;

/**
 * A batch being built, ticket by ticket: the scalar columns of each row, and its two documents (the patch merged into
 * the row, the log entry's result), turned into text a slice at a time (one stringify per slice: a third of the time
 * of one per document joined). The documents are not kept as objects until the whole batch is ticked: at most one
 * slice of parsed tickets, results and patches is alive at a time, so young-generation collections, which copy every
 * live object, find little to copy. With the stored tickets read as text and parsed one by one (`tick`), the Node
 * process's CPU time for a 4-sweeper sweep of 100,000 tickets went from 1,547 to 1,235 ms (median of 12 alternating
 * rounds on PostgreSQL 15; wall 2,441 → 2,371 ms).
 */
export class Batch {
  readonly rows: BatchRow[] = [];
  /** The slices turned into text so far: each a JSON array's elements, without its brackets. */
  readonly #patchTexts: string[] = [];
  readonly #resultTexts: string[] = [];
  /** The current slice's documents, not yet text. */
  #patches: unknown[] = [];
  #results: unknown[] = [];

  add(row: BatchRow, patch: unknown, result: unknown): void {
    this.rows.push(row);
    this.#patches.push(patch);
    this.#results.push(result);
    if (this.#patches.length === DOCUMENTS_PER_PARAMETER) this.#flush();
  }

  #flush(): void {
    if (this.#patches.length === 0) return;
    this.#patchTexts.push(JSON.stringify(this.#patches).slice(1, -1));
    this.#resultTexts.push(JSON.stringify(this.#results).slice(1, -1));
    this.#patches = [];
    this.#results = [];
  }

  /** The statement writing this batch, built before it is sent (see `sweepBatch`). */
  statement(ctx: StoreContext): BatchStatement {
    this.#flush();
    return batchStatement(ctx, this.rows, this.#patchTexts, this.#resultTexts);
  }
}

/** The SQL of a document column sent as `count` texts from parameter `$first` on: joined with `,`, bracketed, json. */
function documentsSql(first: number, count: number): string {
  const refs = Array.from({ length: count }, (_, i) => `$${first + i}::text`);
  return `('[' || array_to_string(ARRAY[${refs.join(', ')}], ',') || ']')::json`;
}

/**
 * The statement writing a claimed batch in one go: tickets, log entries, outbox rows. Scalars go in as one typed
 * array per column and documents as texts of up to DOCUMENTS_PER_PARAMETER documents, joined by the statement into
 * one JSON array per column (`documentsSql`), all zipped by `ROWS FROM`: the server validates each document array
 * once as `json` (cheap); the patches are parsed into jsonb once, the results are logged as the json they are
 * (schema version 3: no conversion per entry). A cast written twice (`::text::json` on one parameter) was folded at
 * plan time, a second pass over the batch's JSON (13–17 % slower). Slower shapes, measured on PostgreSQL 15: one
 * jsonb document for the batch (the planner folds a constant jsonb at plan time, 200–300 ms per 1,000 tickets), one
 * JSON record per ticket in a text[] (escaped into the array literal, every document parsed twice),
 * `json_to_recordset` (a quarter second per 1,000). Rows are found by `ctid`, all in one TID scan of the sorted list
 * (a TID scan per row, rescanned a thousand times, cost 10 % more): they are locked by this transaction since the
 * claim, so they cannot have moved. The tick's event is not stored: it is `{ type, at }`, both columns of the entry,
 * and a NULL event reads back as that (schema version 4, LOGGED_EVENT). The outbox gets one row per event with
 * effects, pointing at the log entry that holds them (schema version 2).
 */
function batchStatement(
  ctx: StoreContext,
  writes: readonly BatchRow[],
  patches: readonly string[],
  results: readonly string[],
): BatchStatement {
  const column = (pick: (w: BatchRow) => Scalar): string => arrayLiteral(writes, pick);
  return {
    sql: `WITH input AS MATERIALIZED (
       SELECT i.id, i.status, i.version, i.updated_at, i.next_deadline, i.seq, i.at, i.n, i.log, i.whole,
              i.data::jsonb AS data, i.result
       FROM ROWS FROM (
         unnest($1::bigint[]), unnest($3::text[]), unnest($4::integer[]), unnest($5::bigint[]),
         unnest($6::bigint[]), unnest($7::integer[]), unnest($8::bigint[]), unnest($9::integer[]),
         unnest($10::boolean[]), unnest($11::boolean[]),
         json_array_elements(${documentsSql(12, patches.length)}),
         json_array_elements(${documentsSql(12 + patches.length, results.length)})
       ) AS i(id, status, version, updated_at, next_deadline, seq, at, n, log, whole, data, result)
     ), t AS (
       UPDATE ${ctx.s}.tickets AS t
       SET status = i.status, version = i.version, updated_at = i.updated_at, next_deadline = i.next_deadline,
           last_seq = i.seq, data = CASE WHEN i.whole THEN i.data ELSE t.data || i.data END
       FROM input AS i WHERE t.ctid = ANY ($2::tid[]) AND t.id = i.id
     ), e AS (
       INSERT INTO ${ctx.s}.events (ticket_id, seq, at, type, event, result)
       SELECT id, seq, at, 'tick', NULL, result FROM input WHERE log
     )
     INSERT INTO ${ctx.s}.outbox (ticket_id, seq, n) SELECT id, seq, n FROM input WHERE n > 0`,
    params: [
      column((w) => w.id),
      column((w) => w.ctid),
      column((w) => w.status),
      column((w) => w.version),
      column((w) => w.updated_at),
      column((w) => w.next_deadline),
      column((w) => w.seq),
      column((w) => w.at),
      column((w) => w.n),
      column((w) => w.log),
      column((w) => w.full),
      ...patches,
      ...results,
    ],
  };
}

/**
 * The tickets whose next log place (`seq`) is already taken in the log or the outbox: rows whose `last_seq` was
 * lowered by hand. Their write would fail the whole batch on a unique key.
 */
export async function takenLogPlaces(
  ctx: StoreContext,
  tx: SqlQueryable,
  places: readonly { readonly id: string; readonly seq: number }[],
): Promise<ReadonlySet<string>> {
  const { rows } = await tx.query(
    `WITH w AS (SELECT * FROM unnest($1::bigint[], $2::integer[]) AS w(id, seq))
     SELECT w.id::text AS id FROM w
     WHERE EXISTS (SELECT FROM ${ctx.s}.events AS e WHERE e.ticket_id = w.id AND e.seq = w.seq)
        OR EXISTS (SELECT FROM ${ctx.s}.outbox AS o WHERE o.ticket_id = w.id AND o.seq = w.seq)`,
    [arrayLiteral(places, (w) => w.id), arrayLiteral(places, (w) => w.seq)],
  );
  return new Set((rows as { id: string }[]).map((r) => r.id));
}
