// The same store suite on a real PostgreSQL server (DATABASE_URL; `.ci/run` starts one). Skipped loudly without
// it, and a failure in CI, where a skipped suite would hide a broken store.
import { describe, expect, it } from 'vitest';
import { inCI, postgres, requirePostgres } from './fixtures.js';
import { createKeySuite } from './create-key-suite.js';
import { hostileSuite } from './hostile-suite.js';
import { loadSuite } from './load-suite.js';
import { migrateSuite } from './migrate-suite.js';
import { storeSuite } from './store-suite.js';

const run = requirePostgres('the PostgreSQL store suite');

describe.runIf(run)('postgres store on PostgreSQL', { timeout: 60_000 }, () => storeSuite(async () => postgres()));
describe.runIf(run)('postgres schema migrations on PostgreSQL', { timeout: 60_000 }, () =>
  migrateSuite(async () => postgres()),
);
describe.runIf(run)('postgres store given hostile input on PostgreSQL', { timeout: 60_000 }, () =>
  hostileSuite(async () => postgres()),
);

describe.runIf(run)('postgres store under load and races on PostgreSQL', { timeout: 60_000 }, () =>
  loadSuite(async () => postgres(), { server: true }),
);

describe.runIf(run)('postgres store create with idempotency keys on PostgreSQL', { timeout: 60_000 }, () =>
  createKeySuite(async () => postgres(), { server: true }),
);

describe.runIf(!run && inCI)('postgres store on PostgreSQL (CI)', () => {
  it('runs in CI: DATABASE_URL must be set', () => {
    expect.fail(
      'CI=true but DATABASE_URL is not set: the PostgreSQL suites would be skipped. Run .ci/run, which starts a cluster.',
    );
  });
});

describe.skipIf(run || inCI)('postgres store on PostgreSQL', () => {
  it.skip('SKIPPED — set DATABASE_URL to run the store suite on a real PostgreSQL', () => {});
});
