import type { Effect } from 'ticket-lifecycle';
import { isTicketId, NOW_MS, type StoreContext } from './context.js';
import type { ClaimOptions, OutboxEffect } from './types.js';

const DEFAULT_LEASE_MS = 60_000;

interface EffectRow {
  readonly id: string;
  readonly ticket_id: string;
  readonly seq: number;
  readonly idx: number;
  readonly effect: Effect;
  readonly related_ticket_id: string | null;
  readonly attempts: number;
}

/**
 * `store.claimEffects`: leases up to `limit` pending effects for `leaseMs`, oldest first. Consumers never wait
 * on each other (`SKIP LOCKED`) and never share a live lease; an effect whose lease ran out (its consumer crashed
 * before `completeEffects`) is leased again, with the same id and `attempts` one higher.
 */
export async function claimEffects(ctx: StoreContext, options: ClaimOptions = {}): Promise<OutboxEffect[]> {
  const limit = clampInt(options.limit ?? 100, 1, 10_000);
  const leaseMs = clampInt(options.leaseMs ?? DEFAULT_LEASE_MS, 1, 86_400_000);
  const { rows } = await ctx.driver.query(
    `WITH clock AS (SELECT ${NOW_MS} AS now),
     due AS (
       SELECT e.id FROM ${ctx.s}.effects AS e, clock
       WHERE e.done_at IS NULL AND (e.leased_until IS NULL OR e.leased_until <= clock.now)
       ORDER BY e.id LIMIT $1 FOR UPDATE OF e SKIP LOCKED
     )
     UPDATE ${ctx.s}.effects AS e SET leased_until = clock.now + $2, attempts = e.attempts + 1
     FROM due, clock WHERE e.id = due.id
     RETURNING e.id::text AS id, e.ticket_id::text AS ticket_id, e.seq, e.idx, e.effect, e.related_ticket_id::text AS related_ticket_id, e.attempts`,
    [limit, leaseMs],
  );
  return (rows as EffectRow[])
    .map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      seq: r.seq,
      index: r.idx,
      effect: r.effect,
      relatedTicketId: r.related_ticket_id,
      attempts: r.attempts,
    }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/**
 * `store.completeEffects`: marks effects done (kept for audit; docs/postgres.md shows how to prune). Completing
 * an effect twice, or one another consumer already completed, is harmless.
 *
 * @returns how many were pending and are now done.
 */
export async function completeEffects(ctx: StoreContext, ids: readonly string[]): Promise<number> {
  const valid = ids.filter(isTicketId); // effect ids are bigint identities too
  if (valid.length === 0) return 0;
  const { rows } = await ctx.driver.query(
    `WITH done AS (
       UPDATE ${ctx.s}.effects SET done_at = now(), leased_until = NULL
       WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb)::bigint) AND done_at IS NULL RETURNING 1
     ) SELECT count(*)::int AS n FROM done`,
    [JSON.stringify(valid)],
  );
  return (rows[0] as { n: number }).n;
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}
