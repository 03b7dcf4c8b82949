/**
 * The only thing the store needs from a database client: run a parameterised statement, and run a function inside
 * one transaction. A PGlite instance already has this shape; a `pg` Pool gets it from `fromPgPool`. Any other
 * driver (postgres.js, Neon's serverless client, a Kysely connection) is an adapter of the same few lines.
 */

/**
 * Runs one statement. `$1`, `$2`, … are bound to `params` in order; each row is an object keyed by column name.
 *
 * @example
 * ```ts
 * import type { SqlQueryable } from 'ticket-lifecycle/postgres';
 * async function count(db: SqlQueryable): Promise<number> {
 *   const { rows } = await db.query('SELECT count(*)::int AS n FROM ticket_lifecycle.tickets');
 *   return (rows[0] as { n: number }).n;
 * }
 * ```
 */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A client the store can use: statements, and transactions that commit when `fn` resolves and roll back when it
 * rejects. PGlite instances match this interface as they are.
 *
 * @example
 * ```ts
 * import type { SqlDriver } from 'ticket-lifecycle/postgres';
 * // A driver for a client with BEGIN/COMMIT on one connection (postgres.js has sql.begin for this).
 * declare const sql: { begin<T>(fn: (tx: { unsafe(q: string, p?: unknown[]): Promise<Record<string, unknown>[]> }) => Promise<T>): Promise<T>;
 *   unsafe(q: string, p?: unknown[]): Promise<Record<string, unknown>[]> };
 * const driver: SqlDriver = {
 *   query: async (q, p) => ({ rows: await sql.unsafe(q, p) }),
 *   transaction: (fn) => sql.begin((tx) => fn({ query: async (q, p) => ({ rows: await tx.unsafe(q, p) }) })),
 * };
 * ```
 */
export interface SqlDriver extends SqlQueryable {
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * The part of a `pg` Pool the store uses (declared here so `pg` stays an optional peer, not a type dependency).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import type { PgPoolLike } from 'ticket-lifecycle/postgres';
 * const pool: PgPoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A client checked out of a `pg` Pool.
 *
 * @example
 * ```ts
 * import type { PgClientLike } from 'ticket-lifecycle/postgres';
 * async function ping(client: PgClientLike): Promise<void> {
 *   await client.query('SELECT 1');
 *   client.release();
 * }
 * ```
 */
export interface PgClientLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  release(destroy?: boolean | Error): void;
  /** pg's clients are event emitters: the store listens for a lost connection while it holds one. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * A `SqlDriver` over a `pg` Pool: each transaction checks out one connection, runs `BEGIN … COMMIT` on it, and
 * gives the connection back, destroyed when the transaction failed (it may be broken: a terminated backend).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { fromPgPool } from 'ticket-lifecycle/postgres';
 * const driver = fromPgPool(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * await driver.transaction(async (tx) => tx.query('SELECT 1'));
 * ```
 */
export function fromPgPool(pool: PgPoolLike): SqlDriver {
  return {
    query: (sql, params) => pool.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      // A pool takes its own 'error' listener off a client while the client is lent out, so a backend that dies
      // between two statements (pg_terminate_backend, a failover, idle_in_transaction_session_timeout) emitted an
      // 'error' nobody handled: the host process crashed. Listen while the client is ours; the next statement fails
      // anyway, and the caller gets the connection's own error, not "not queryable".
      let lost: Error | null = null;
      const onError = (error: Error): void => {
        lost ??= error;
      };
      client.on?.('error', onError);
      try {
        await client.query('BEGIN');
        const value = await fn(client);
        await client.query('COMMIT');
        client.removeListener?.('error', onError);
        client.release();
        return value;
      } catch (error) {
        // The first error is the cause: the statement's own (terminated while running), or the connection's (while idle).
        const cause: unknown = lost ?? error;
        if (lost === null) await client.query('ROLLBACK').catch(() => undefined);
        // Destroyed, not reused (it may be broken); our listener stays on it, for the socket's last words.
        client.release(cause instanceof Error ? cause : true);
        throw cause;
      }
    },
  };
}

const isFunction = (value: unknown): boolean => typeof value === 'function';

/** PGlite and hand-written drivers have `transaction`; a `pg` Pool has `connect` instead. */
export function toDriver(db: SqlDriver | PgPoolLike): SqlDriver {
  const candidate = db as Partial<SqlDriver & PgPoolLike>;
  if (isFunction(candidate.transaction) && isFunction(candidate.query)) return db as SqlDriver;
  if (isFunction(candidate.connect) && isFunction(candidate.query)) return fromPgPool(db as PgPoolLike);
  throw new TypeError(
    'createPostgresStore: pass a pg Pool, a PGlite instance, or an object with query() and transaction()',
  );
}
