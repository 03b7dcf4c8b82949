// The example API on a loopback port over PGlite in memory, for its tests: started once per test file.
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore, type PostgresStore } from 'ticket-lifecycle/postgres';
import { helpdesk } from './policy.js';
import { helpdeskServer } from './server.js';

export interface TestServer {
  readonly base: string;
  readonly port: number;
  readonly db: PGlite;
  /** A store on the server's database, as the server's own. */
  store(): PostgresStore<(typeof helpdesk)['initial']>;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const db = new PGlite();
  const store = () => createPostgresStore(db, { workflow: helpdesk, followUps: 'create' });
  await store().migrate();
  const server = helpdeskServer(store()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    db,
    store,
    close: async () => {
      server.close();
      await db.close();
    },
  };
}
