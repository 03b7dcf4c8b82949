// A `pg` Pool whose lent clients can have their backend terminated (pg_terminate_backend) at a chosen statement or at
// once, as a failover or an operator would, or stall before a statement (for the server's own timeouts). It records every 'error' event a
// client emitted with no listener: in a real process that event is an uncaught exception, and the process dies.
import type pg from 'pg';
import type { PgClientLike, PgPoolLike } from 'ticket-lifecycle/postgres';

export interface KillingPool extends PgPoolLike {
  /** The next statement matching `statement` first terminates its client's backend and waits until the client saw it. */
  killBefore(statement: RegExp): void;
  /** The next statement matching `statement` first waits `ms` (a process stalled mid-transaction), then runs. */
  stallBefore(statement: RegExp, ms: number): void;
  /** Terminates the backends of every client lent out now. */
  killNow(): Promise<void>;
  /** Resolves when every terminated client has closed. */
  settled(): Promise<void>;
  readonly unhandledErrors: unknown[];
}

export function killingPool(pool: pg.Pool): KillingPool {
  let armed: RegExp | null = null;
  let stall: { readonly statement: RegExp; readonly ms: number } | null = null;
  const lent = new Map<pg.PoolClient, number>();
  const closing: Promise<unknown>[] = [];
  const unhandledErrors: unknown[] = [];
  const watched = new WeakSet<pg.PoolClient>();

  const kill = async (client: pg.PoolClient, pid: number): Promise<void> => {
    const ended = new Promise((resolve) => client.once('end', resolve));
    closing.push(ended);
    await pool.query('SELECT pg_terminate_backend($1)', [pid]);
    return ended.then(() => undefined);
  };

  return {
    query: (text, params) => pool.query(text, params),
    async connect(): Promise<PgClientLike> {
      const client = await pool.connect();
      if (!watched.has(client)) {
        watched.add(client);
        const emit = client.emit.bind(client);
        client.emit = ((event: string | symbol, ...args: unknown[]) => {
          if (event === 'error' && client.listenerCount('error') === 0) {
            unhandledErrors.push(args[0]);
            return false;
          }
          return emit(event, ...args);
        }) as typeof client.emit;
      }
      const pid = ((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
      lent.set(client, pid);
      return {
        async query(text, params) {
          if (armed?.test(text)) {
            armed = null;
            await kill(client, pid);
          }
          if (stall?.statement.test(text)) {
            const { ms } = stall;
            stall = null;
            // Until the server gives up on the session (its timeouts end it), or `ms` passes.
            await Promise.race([
              new Promise((resolve) => setTimeout(resolve, ms)),
              new Promise((resolve) => client.once('end', resolve)),
            ]);
          }
          return client.query(text, params);
        },
        release(destroy) {
          lent.delete(client);
          client.release(destroy);
        },
        on: (event, listener) => client.on(event, listener),
        removeListener: (event, listener) => client.removeListener(event, listener),
      };
    },
    killBefore(statement) {
      armed = statement;
    },
    stallBefore(statement, ms) {
      stall = { statement, ms };
    },
    async killNow() {
      for (const [client, pid] of lent) await kill(client, pid).catch(() => undefined);
    },
    async settled() {
      await Promise.all(closing);
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    unhandledErrors,
  };
}
