// Shared by the store suites: the policy under test and the databases the suites run on.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { defineWorkflow } from 'ticket-lifecycle';
import { createPostgresStore, type PostgresStore, type SqlDriver, type PgPoolLike } from 'ticket-lifecycle/postgres';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 0, 5, 9);

/** Agents answer into `pending`; the customer's reply reopens; a reminder at 1 day, auto-close at 2; closed is locked. */
export const desk = defineWorkflow({
  statuses: [
    { id: 'new', category: 'new' },
    { id: 'open', category: 'open' },
    { id: 'pending', category: 'pending' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', fromCategory: ['new', 'open'], to: 'pending' },
    { by: 'customer', from: ['pending', 'solved'], to: 'open' },
    { by: 'customer', from: 'closed', action: 'followUp' },
  ],
  resolve: { by: 'agent', requireAssignee: true },
  close: { by: ['agent', 'system'] },
  timers: [{ id: 'auto-close', in: 'pending', after: 'P2D', action: 'move', to: 'closed', reminders: ['P1D'] }],
});
export type DeskStatus = (typeof desk)['initial'];

/** A database for a suite: a driver, and how to give it back. */
export interface TestDatabase {
  readonly name: string;
  readonly db: SqlDriver | PgPoolLike;
  close(): Promise<void>;
}

export async function pglite(): Promise<TestDatabase> {
  const db = new PGlite();
  await db.waitReady;
  return { name: 'PGlite', db, close: () => db.close() };
}

export const DATABASE_URL = process.env.DATABASE_URL;

export function postgres(max = 10): TestDatabase {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max });
  // A backend terminated on purpose (the killed sweeper) errors its idle client: expected, not a crash.
  pool.on('error', () => undefined);
  return { name: 'PostgreSQL', db: pool, close: () => pool.end() };
}

let schemas = 0;
/** A store in a schema of its own, so tests never see each other's rows. */
export async function freshStore(
  database: TestDatabase,
  followUps: 'effect' | 'create' = 'effect',
): Promise<{ store: PostgresStore<DeskStatus>; schema: string }> {
  const schema = `tl_test_${process.pid}_${Date.now() % 1_000_000}_${schemas++}`;
  const store = createPostgresStore(database.db, { workflow: desk, schema, followUps });
  await store.migrate();
  return { store, schema };
}

/** Runs SQL on the database behind a store (for checks and for corrupting rows on purpose). */
export async function sql(
  database: TestDatabase,
  text: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const { rows } = await database.db.query(text, params);
  return rows as Record<string, unknown>[];
}

/**
 * Without DATABASE_URL the PostgreSQL suites cannot run: say so loudly, and in CI fail instead of skipping.
 * Returns whether to run.
 */
export function requirePostgres(suite: string): boolean {
  if (DATABASE_URL !== undefined && DATABASE_URL !== '') return true;
  const line = `\n⚠️  SKIPPED: ${suite} needs a real PostgreSQL. Set DATABASE_URL (\`.ci/run\` starts a throwaway cluster and sets it).\n`;
  process.stderr.write(line);
  return false;
}

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

/** A suite's database: opened before its tests, closed after them; the accessor is valid inside tests. */
export function suiteDatabase(open: () => Promise<TestDatabase>): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await open();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });
  return () => database!;
}

/**
 * A suite's database and a fresh store per test, in a schema of its own: `fresh()` makes the store and hands it to
 * `use` (the suite keeps it in its own `let store`), `schema()` names its schema, `rows(sql)` runs SQL with `S.` naming
 * that schema, `count(table)` counts a table's rows there.
 */
export function suiteStore(open: () => Promise<TestDatabase>, use: (store: PostgresStore<DeskStatus>) => void) {
  const database = suiteDatabase(open);
  let schema = '';
  const rows = (text: string, params: unknown[] = []) => sql(database(), text.replaceAll('S.', `"${schema}".`), params);
  return {
    database,
    schema: (): string => schema,
    fresh: async (): Promise<void> => {
      const made = await freshStore(database());
      schema = made.schema;
      use(made.store);
    },
    rows,
    count: async (table: string): Promise<number> =>
      (await rows(`SELECT count(*)::int AS n FROM S.${table}`))[0]!.n as number,
  };
}
