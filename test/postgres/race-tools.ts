// Tools that force an interleaving instead of hoping for it: a latch, a driver that stops before a chosen statement,
// and (PostgreSQL) lock waits seen in pg_stat_activity and a row held by another connection.
import { fromPgPool, type SqlDriver } from 'ticket-lifecycle/postgres';
import { sql, type TestDatabase } from './fixtures.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise opened from outside: where a test holds one side of a race until the other is in place. */
export function latch(): { readonly passed: Promise<void>; open(): void } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}

/** The store's driver for a test database: a PGlite instance as it is, a `pg` Pool through `fromPgPool`. */
export const driverOf = (database: TestDatabase): SqlDriver =>
  'connect' in database.db ? fromPgPool(database.db) : database.db;

/**
 * A driver that stops before the first statement matching `statement` (inside a transaction or not): `reached`
 * resolves there, and the statement runs once `go()` is called.
 */
export function pausedDriver(
  base: SqlDriver,
  statement: RegExp,
): { driver: SqlDriver; reached: Promise<void>; go(): void } {
  const [reached, gate] = [latch(), latch()];
  let paused = false;
  const pause = async (text: string): Promise<void> => {
    if (paused || !statement.test(text)) return;
    paused = true;
    reached.open();
    await gate.passed;
  };
  const driver: SqlDriver = {
    async query(text, params) {
      await pause(text);
      return base.query(text, params);
    },
    transaction: (fn) =>
      base.transaction((tx) =>
        fn({
          async query(text, params) {
            await pause(text);
            return tx.query(text, params);
          },
        }),
      ),
  };
  return { driver, reached: reached.passed, go: gate.open };
}

/** Lock waits and held rows in one schema of a PostgreSQL server (other suites share the server). */
export function locksOf(database: TestDatabase, schema: string) {
  /** Statements waiting on a row lock of `table` in the schema. */
  const waits = async (table: string): Promise<number> =>
    (
      await sql(
        database,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
        [`%"${schema}".${table}%`],
      )
    )[0]!.n as number;
  return {
    waits,
    async until(table: string, waiting = 1): Promise<void> {
      for (let i = 0; i < 200 && (await waits(table)) < waiting; i++) await sleep(50); // bounded: 10 s
    },
    /** Another connection holding a row lock (`SELECT 1 FROM <table> WHERE <where> FOR UPDATE`) until released. */
    async hold(table: string, where: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
      const [locked, released] = [latch(), latch()];
      const holding = driverOf(database).transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM "${schema}".${table} WHERE ${where} FOR UPDATE`, params);
        locked.open();
        await released.passed;
      });
      await locked.passed;
      return {
        release: async () => {
          released.open();
          await holding;
        },
      };
    },
  };
}
