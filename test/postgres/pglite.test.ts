// The store suite on PGlite: embedded, in process, nothing to install.
import { describe } from 'vitest';
import { pglite } from './fixtures.js';
import { createKeySuite } from './create-key-suite.js';
import { hostileSuite } from './hostile-suite.js';
import { loadSuite } from './load-suite.js';
import { migrateSuite } from './migrate-suite.js';
import { storeSuite } from './store-suite.js';

describe('postgres store on PGlite', { timeout: 60_000 }, () => storeSuite(pglite));
describe('postgres schema migrations on PGlite', { timeout: 60_000 }, () => migrateSuite(pglite));
describe('postgres store given hostile input on PGlite', { timeout: 60_000 }, () => hostileSuite(pglite));
describe('postgres store under load and races on PGlite', { timeout: 60_000 }, () =>
  loadSuite(pglite, { server: false }),
);
describe('postgres store create with idempotency keys on PGlite', { timeout: 60_000 }, () =>
  createKeySuite(pglite, { server: false }),
);
