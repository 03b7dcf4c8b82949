import type { Effect } from 'ticket-lifecycle';
import { NOW_MS, readOptions, type StoreContext } from './context.js';
import { StoreFailure, storeError } from './errors.js';
import type { ClaimOptions, OutboxEffect } from './types.js';

const DEFAULT_LEASE_MS = 60_000;

/** A leased outbox row: one logged event's effects, with the indexes a consumer already completed. */
interface LeasedRow {
  readonly ticket_id: string;
  readonly seq: number;
  readonly done: readonly number[];
  readonly related_ticket_id: string | null;
  readonly attempts: number;
  readonly effects: readonly Effect[];
}

/** An effect's id names its place in the log: ticket, event, index. Stable by construction, unique by the key. */
export const effectId = (ticketId: string, seq: number, index: number): string => `${ticketId}.${seq}.${index}`;

const EFFECT_ID = /^([1-9][0-9]{0,17})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$/;

/**
 * `store.claimEffects`: leases pending effects for `leaseMs`, oldest first. The outbox has a row per logged event
 * with effects, so effects are leased an event at a time: up to `limit` effects, and always at least the first
 * event's whole set. Consumers never wait on each other (`SKIP LOCKED`) and never share a live lease; an event whose
 * lease ran out (its consumer crashed before `completeEffects`) is leased again, each effect with the same id and
 * `attempts` one higher. Effects already completed are not handed out again.
 */
export async function claimEffects(ctx: StoreContext, options: ClaimOptions = {}): Promise<OutboxEffect[]> {
  const read = readOptions<ClaimOptions>(options, ['limit', 'leaseMs']);
  const limit = clampInt(read.limit, 100, 1, 10_000);
  const leaseMs = clampInt(read.leaseMs, DEFAULT_LEASE_MS, 1, 86_400_000);
  // `due` locks at most `limit` rows (each has an effect or more); `picked` keeps the prefix whose pending effects fit
  // in `limit`. The rows locked but not picked unlock when the statement's transaction ends.
  const { rows } = await ctx.driver.query(
    `WITH clock AS (SELECT ${NOW_MS} AS now),
     due AS (
       SELECT o.ticket_id, o.seq, o.pos, o.n - cardinality(o.done) AS pending FROM ${ctx.s}.outbox AS o, clock
       WHERE o.done_at IS NULL AND (o.leased_until IS NULL OR o.leased_until <= clock.now)
       ORDER BY o.pos LIMIT $1 FOR UPDATE OF o SKIP LOCKED
     ),
     picked AS (
       SELECT ticket_id, seq FROM (
         SELECT ticket_id, seq, sum(pending) OVER (ORDER BY pos) AS upto, row_number() OVER (ORDER BY pos) AS k FROM due
       ) AS d WHERE upto <= $1 OR k = 1
     ),
     leased AS (
       UPDATE ${ctx.s}.outbox AS o SET leased_until = clock.now + $2, attempts = o.attempts + 1
       FROM picked, clock WHERE o.ticket_id = picked.ticket_id AND o.seq = picked.seq
       RETURNING o.ticket_id, o.seq, o.pos, o.done, o.related_ticket_id, o.attempts
     )
     SELECT l.ticket_id::text AS ticket_id, l.seq, l.done, l.related_ticket_id::text AS related_ticket_id, l.attempts,
            ev.result -> 'effects' AS effects
     FROM leased AS l JOIN ${ctx.s}.events AS ev ON ev.ticket_id = l.ticket_id AND ev.seq = l.seq
     ORDER BY l.pos`,
    [limit, leaseMs],
  );
  const out: OutboxEffect[] = [];
  for (const row of rows as LeasedRow[]) {
    // A log entry edited by hand into something that lists no effects is leased and skipped, never handed out: thrown
    // here, it would come back after every lease and stop the whole outbox. Its `attempts` climbs (docs/postgres.md).
    (Array.isArray(row.effects) ? row.effects : []).forEach((effect, index) => {
      if (row.done.includes(index) || typeof effect !== 'object' || effect === null) return;
      out.push({
        id: effectId(row.ticket_id, row.seq, index),
        ticketId: row.ticket_id,
        seq: row.seq,
        index,
        effect,
        relatedTicketId: effect.type === 'followUpRequested' ? row.related_ticket_id : null,
        attempts: row.attempts,
      });
    });
  }
  return out;
}

/**
 * `store.completeEffects`: marks effects done (kept for audit; docs/postgres.md shows how to prune). Completing
 * an effect twice, or one another consumer already completed, is harmless; ids that name no effect are ignored.
 * The event's row is locked first, so two consumers completing parts of one event's effects both count. Rows are
 * locked in key order, whatever plan PostgreSQL picks (index probes for a few ids, a table scan for many): two
 * consumers completing overlapping sets (a lease ran out, another consumer took the batch over) never deadlock.
 *
 * @returns how many were pending and are now done.
 */
export async function completeEffects(ctx: StoreContext, ids: readonly string[]): Promise<number> {
  // Read once, in a try: an array behind a Proxy, or with a throwing getter, is refused like any other non-array.
  let parsed: RegExpExecArray[] | null = null;
  try {
    if (Array.isArray(ids))
      parsed = ids.map((id) => (typeof id === 'string' ? EFFECT_ID.exec(id) : null)).filter((m) => m !== null);
  } catch {}
  if (parsed === null)
    throw new StoreFailure(
      storeError('invalidRequest', 'completeEffects: "ids" must be an array of effect ids', 'ids'),
    );
  if (parsed.length === 0) return 0;
  const { rows } = await ctx.driver.query(
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::integer[], $3::integer[]) AS i(ticket_id, seq, idx)
     ), locked AS (
       SELECT o.ticket_id, o.seq, o.n, o.done FROM ${ctx.s}.outbox AS o
       WHERE (o.ticket_id, o.seq) IN (SELECT ticket_id, seq FROM input) AND o.done_at IS NULL
       ORDER BY o.ticket_id, o.seq FOR UPDATE
     ), next AS (
       SELECT l.ticket_id, l.seq, l.n, cardinality(l.done) AS before,
              ARRAY(SELECT d FROM unnest(l.done) AS d
                    UNION SELECT i.idx FROM input AS i WHERE i.ticket_id = l.ticket_id AND i.seq = l.seq AND i.idx < l.n
                    ORDER BY 1) AS done
       FROM locked AS l
     ), done AS (
       UPDATE ${ctx.s}.outbox AS o
       SET done = nx.done, completed_at = now(),
           done_at = CASE WHEN cardinality(nx.done) >= nx.n THEN now() END,
           leased_until = CASE WHEN cardinality(nx.done) >= nx.n THEN NULL ELSE o.leased_until END
       FROM next AS nx WHERE o.ticket_id = nx.ticket_id AND o.seq = nx.seq AND cardinality(nx.done) > nx.before
       RETURNING cardinality(nx.done) - nx.before AS k
     ) SELECT coalesce(sum(k), 0)::int AS n FROM done`,
    [parsed.map((m) => m[1]), parsed.map((m) => Number(m[2])), parsed.map((m) => Number(m[3]))],
  );
  return (rows[0] as { n: number }).n;
}

/** Within [min, max]: `Infinity` is the most (a lease "for ever" is the longest lease, not a 1 ms one), NaN the default. */
function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  return typeof value !== 'number' || Number.isNaN(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));
}
