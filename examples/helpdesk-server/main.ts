// `npx tsx examples/helpdesk-server/main.ts`: the API on 127.0.0.1:8080 (PORT), a sweeper and an outbox consumer.
// PGlite in ./.helpdesk-data by default (DATA_DIR); DATABASE_URL switches to a PostgreSQL server.
import { createPostgresStore, type PgPoolLike, type SqlDriver } from 'ticket-lifecycle/postgres';
import { helpdesk } from './policy.js';
import { helpdeskServer } from './server.js';
import { outboxLoop, sweeperLoop } from './workers.js';

async function database(): Promise<{ db: SqlDriver | PgPoolLike; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    pool.on('error', (error) => console.error('idle PostgreSQL connection lost:', error.message)); // else Node stops
    return { db: pool, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(process.env.DATA_DIR ?? './.helpdesk-data');
  return { db, close: () => db.close() };
}

const { db, close } = await database();
const store = createPostgresStore(db, { workflow: helpdesk, followUps: 'create' });
// A database that is still starting, failing over or busy (a statement timeout while another process holds the
// migration lock) fails the first try: retry a few times before giving up, as a process manager would restart us.
for (let attempt = 1; ; attempt++) {
  try {
    await store.migrate();
    break;
  } catch (error) {
    if (attempt === 5) throw error;
    console.error(`migrate failed (${(error as Error).message}); retrying in ${attempt} s`);
    await new Promise((resolve) => setTimeout(resolve, attempt * 1_000));
  }
}
const sweeper = sweeperLoop(store);
const outbox = outboxLoop(store, (mail) => console.log(`✉️  ${mail}`));
const port = Number(process.env.PORT ?? 8080);
const server = helpdeskServer(store).listen(port, '127.0.0.1', () =>
  console.log(`helpdesk API on http://127.0.0.1:${port}`),
);

process.once('SIGINT', () => {
  server.close();
  void Promise.all([sweeper.stop(), outbox.stop()]).then(close);
});
