// Public surface of `ticket-lifecycle/postgres`: the store, its driver interface, and the types it answers with.
export { createPostgresStore, type CreateResult, type PostgresStore, type PostgresStoreOptions } from './store.js';
export { fromPgPool, type PgClientLike, type PgPoolLike, type SqlDriver, type SqlQueryable } from './driver.js';
export { errorKind, StoreFailure, type StoreError, type StoreErrorCode, type StoreErrorKind } from './errors.js';
export { replayLog, type LogEntry, type ReplayResult } from './replay.js';
export type { MigrateReport } from './schema.js';
export type { CreateEntry } from './create.js';
export type {
  ApplyOptions,
  ApplyResult,
  ClaimOptions,
  CreateInput,
  CreateOptions,
  CreatedTicket,
  FollowUpMode,
  OutboxEffect,
  StoredTicket,
  StoreEvent,
  SweepOptions,
  SweepReport,
} from './types.js';
