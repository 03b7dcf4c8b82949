// The concurrency race on a real PostgreSQL: writers, sweepers (one killed mid-batch, repeatedly) and outbox
// consumers (some crashing before they complete) on the same tickets at once, then an audit of everything written.
// Used by test/postgres/concurrency.test.ts (scaled down) and scripts/postgres-race.ts (10,000 tickets).
import pg from 'pg';
import { defineWorkflow, type Ticket } from 'ticket-lifecycle';
import {
  createPostgresStore,
  fromPgPool,
  replayLog,
  type ApplyResult,
  type LogEntry,
  type PostgresStore,
  type SqlDriver,
  type SqlQueryable,
} from 'ticket-lifecycle/postgres';
import { LOGGED_EVENT } from '../../src/postgres/schema.js';

export interface RaceOptions {
  readonly url: string;
  readonly tickets: number;
  /** How long writers, sweepers and consumers run together. */
  readonly seconds: number;
  /** Auto-close delay in pending (the reminder comes at half of it); the race needs deadlines inside the run. */
  readonly closeAfterSeconds: number;
  readonly writers?: number;
  readonly sweepers?: number;
  readonly consumers?: number;
  readonly log?: (line: string) => void;
}

export interface RaceReport {
  readonly tickets: number;
  readonly submitted: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly refused: number;
  readonly thrown: number;
  readonly missingFromLog: number;
  readonly customerRepliesRefusedStale: number;
  readonly customerReplies: number;
  readonly autoCloses: number;
  readonly autoClosesAfterCustomerReply: number;
  readonly reminders: number;
  readonly sweeps: number;
  readonly swept: number;
  readonly sweepersKilled: number;
  readonly consumerCrashes: number;
  readonly effects: number;
  readonly effectsDelivered: number;
  readonly effectsRedelivered: number;
  readonly effectsDuplicatedInOutbox: number;
  readonly effectsMissing: number;
  readonly effectsNotDone: number;
  readonly replayMismatches: number;
  readonly stillDue: number;
  readonly eventsPerSecond: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A seeded generator: the race's choices are repeatable, its timing is not (that is the point). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The race's policy: replies flip open ↔ pending; pending reminds halfway and closes after `closeAfterSeconds`.
 * `define` is the `defineWorkflow` that compiles it: the A/B bench (bench/ab) passes each build's own.
 */
export function raceWorkflow(closeAfterSeconds: number, define: typeof defineWorkflow = defineWorkflow) {
  return define({
    statuses: [
      { id: 'open', category: 'open' },
      { id: 'pending', category: 'pending' },
      { id: 'closed', category: 'closed' },
    ],
    replies: [
      { by: 'agent', from: 'open', to: 'pending' },
      { by: 'customer', from: 'pending', to: 'open' },
      { by: 'customer', from: 'closed', action: 'followUp' },
    ],
    timers: [
      {
        id: 'auto-close',
        in: 'pending',
        after: `PT${closeAfterSeconds}S`,
        action: 'move',
        to: 'closed',
        reminders: [`PT${closeAfterSeconds / 2}S`],
      },
    ],
  });
}

/**
 * A driver on one dedicated connection whose backend can be terminated from outside while it holds a sweep batch
 * (between claiming rows and writing them): the sweeper dies mid-batch, as on a crashed machine.
 */
async function killableDriver(
  url: string,
  kill: (pid: number) => Promise<void>,
  armed: () => boolean,
): Promise<{ driver: SqlDriver; end(): Promise<void> }> {
  let client = new pg.Client({ connectionString: url });
  let pid = 0;
  const connect = async (): Promise<void> => {
    client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    pid = ((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
  };
  await connect();
  const tx: SqlQueryable = {
    async query(sql, params) {
      if (armed() && sql.startsWith('WITH input AS')) await kill(pid); // rows claimed, not yet written
      return client.query(sql, params);
    },
  };
  const driver: SqlDriver = {
    query: (sql, params) => client.query(sql, params),
    async transaction(fn) {
      try {
        await client.query('BEGIN');
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
        await connect(); // the machine "restarts"
        throw error;
      }
    },
  };
  return { driver, end: () => client.end() };
}

interface Submission {
  readonly ticket: string;
  readonly type: 'reply' | 'note';
  readonly by: 'customer' | 'agent';
  readonly key: string | null;
  readonly result: ApplyResult | null;
}

export async function runRace(options: RaceOptions): Promise<RaceReport> {
  const {
    url,
    tickets,
    seconds,
    closeAfterSeconds,
    writers = 8,
    sweepers = 4,
    consumers = 3,
    log = () => undefined,
  } = options;
  const workflow = raceWorkflow(closeAfterSeconds);
  const schema = `tl_race_${process.pid}_${Date.now() % 1_000_000}`;
  const pool = new pg.Pool({ connectionString: url, max: writers + sweepers + consumers + 4 });
  pool.on('error', () => undefined);
  const store: PostgresStore = createPostgresStore(pool, { workflow, schema });
  await store.migrate();

  // Setup: open tickets. Deadlines appear during the race, when agents answer (pending, reminder, auto-close).
  log(`race: creating ${tickets} tickets`);
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < tickets; i += writers) {
        ids.push((await store.create({ by: 'agent' })).id!);
      }
    }),
  );

  let running = true;
  const submissions: Submission[] = [];
  let thrown = 0;
  const writer = async (w: number): Promise<void> => {
    const random = rng(1_000 + w);
    let n = 0;
    while (running) {
      const ticket = ids[Math.floor(random() * ids.length)]!;
      const roll = random();
      const [type, by] =
        roll < 0.5
          ? (['reply', 'customer'] as const)
          : roll < 0.85
            ? (['reply', 'agent'] as const)
            : (['note', 'agent'] as const);
      const key = random() < 0.3 ? `w${w}-${n++}` : null;
      const deliveries = key !== null && random() < 0.3 ? 2 : 1; // a queue redelivering the same message
      for (let d = 0; d < deliveries; d++) {
        try {
          const result = await store.apply(ticket, { type, by }, key === null ? {} : { idempotencyKey: key });
          submissions.push({ ticket, type, by, key, result });
        } catch {
          thrown++;
          submissions.push({ ticket, type, by, key, result: null });
        }
      }
    }
  };

  let sweeps = 0;
  let swept = 0;
  let killed = 0;
  let killNext = true; // armed from the start: the first batch the killable sweeper claims dies
  const killer = async (pid: number): Promise<void> => {
    killNext = false;
    killed++;
    await pool.query('SELECT pg_terminate_backend($1)', [pid]);
  };
  const sweeper = async (driver: SqlDriver, pauseMs = 20): Promise<void> => {
    const own = createPostgresStore(driver, { workflow, schema });
    while (running) {
      try {
        const report = await own.sweep({ batchSize: 100 });
        sweeps++;
        swept += report.changed;
      } catch {
        // killed mid-batch: its transaction rolled back, the rows unlocked for the others
      }
      await sleep(pauseMs);
    }
  };

  const delivered = new Map<string, number>();
  let crashes = 0;
  const consumer = async (c: number, drain: () => boolean): Promise<void> => {
    const random = rng(5_000 + c);
    while (running || drain()) {
      const batch = await store.claimEffects({ limit: 50, leaseMs: 300 });
      if (batch.length === 0) {
        if (!running && !drain()) return;
        await sleep(30);
        continue;
      }
      for (const e of batch) delivered.set(e.id, (delivered.get(e.id) ?? 0) + 1);
      if (random() < 0.15) {
        crashes++; // crashed before completing: the lease runs out and the effects come back
        continue;
      }
      await store.completeEffects(batch.map((e) => e.id));
    }
  };

  log(`race: ${writers} writers, ${sweepers} sweepers, ${consumers} consumers for ${seconds} s`);
  const killable = await killableDriver(url, killer, () => killNext);
  const started = performance.now();
  const sweeperPools = Array.from({ length: sweepers - 1 }, () => new pg.Pool({ connectionString: url, max: 1 }));
  for (const p of sweeperPools) p.on('error', () => undefined);
  let draining = true;
  const tasks = [
    ...Array.from({ length: writers }, (_, w) => writer(w)),
    sweeper(killable.driver, 5),
    ...sweeperPools.map((p) => sweeper(fromPgPool(p))),
    ...Array.from({ length: consumers }, (_, c) => consumer(c, () => draining)),
  ];
  const killTimer = setInterval(
    () => {
      killNext = true;
    },
    Math.max(500, (seconds * 1000) / 4),
  );
  await sleep(seconds * 1000);
  clearInterval(killTimer);
  killNext = false;
  running = false;
  const elapsed = (performance.now() - started) / 1000;
  // Writers and sweepers stop; a last sweep with a clock past every deadline, then consumers drain the outbox.
  await Promise.all(tasks.slice(0, writers + sweepers));
  const final = await store.sweep({});
  swept += final.changed;
  // Drain until the outbox is empty: crashed batches come back after their 300 ms lease. The cap only guards a hang
  // (the audit then reports what is left); it is generous because a loaded CI machine drains slowly, and a short
  // wall-clock budget there would fail the audit for no fault of the store.
  const drainUntil = Date.now() + 45_000;
  const pendingEffects = async (): Promise<number> =>
    (
      (await pool.query(`SELECT count(*)::int AS n FROM "${schema}".effects WHERE done_at IS NULL`)).rows[0] as {
        n: number;
      }
    ).n;
  while ((await pendingEffects()) > 0 && Date.now() < drainUntil) await sleep(100);
  draining = false;
  await Promise.all(tasks.slice(writers + sweepers));
  await killable.end();
  await Promise.all(sweeperPools.map((p) => p.end()));

  const report = await audit(pool, schema, workflow, submissions, delivered, closeAfterSeconds * 1000, final.now);
  await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
  const accepted = submissions.filter((s) => s.result?.ok === true && !s.result.duplicate).length;
  return {
    ...report,
    tickets,
    submitted: submissions.length,
    accepted,
    thrown,
    sweeps,
    swept,
    sweepersKilled: killed,
    consumerCrashes: crashes,
    duplicates: submissions.filter((s) => s.result?.ok === true && s.result.duplicate).length,
    refused: submissions.filter((s) => s.result?.ok === false).length,
    customerReplies: submissions.filter((s) => s.by === 'customer' && s.type === 'reply').length,
    customerRepliesRefusedStale: submissions.filter(
      (s) => s.by === 'customer' && s.result?.ok === false && s.result.error.code === 'staleEvent',
    ).length,
    eventsPerSecond: Math.round(submissions.length / elapsed),
  };
}

type Audit = Pick<
  RaceReport,
  | 'missingFromLog'
  | 'autoCloses'
  | 'autoClosesAfterCustomerReply'
  | 'reminders'
  | 'effects'
  | 'effectsDelivered'
  | 'effectsRedelivered'
  | 'effectsDuplicatedInOutbox'
  | 'effectsMissing'
  | 'effectsNotDone'
  | 'replayMismatches'
  | 'stillDue'
>;

async function audit(
  pool: pg.Pool,
  schema: string,
  workflow: ReturnType<typeof raceWorkflow>,
  submissions: readonly Submission[],
  delivered: ReadonlyMap<string, number>,
  closeAfterMs: number,
  lastSweep: number,
): Promise<Audit> {
  const s = `"${schema}"`;
  const events = (
    await pool.query(
      `SELECT ticket_id::text AS id, seq, type, idempotency_key AS key, ${LOGGED_EVENT} AS event, result FROM ${s}.events ORDER BY ticket_id, seq`,
    )
  ).rows as {
    id: string;
    seq: number;
    type: string;
    key: string | null;
    event: LogEntry['event'] & { by?: string };
    result: { ticket: Ticket; effects: { type: string; dueAt?: number; to?: string }[] };
  }[];
  const byTicket = new Map<string, typeof events>();
  for (const e of events) byTicket.set(e.id, [...(byTicket.get(e.id) ?? []), e]);

  // 1. Every accepted submission is the log entry it was answered with.
  let missingFromLog = 0;
  for (const sub of submissions) {
    if (sub.result?.ok !== true) continue;
    const entry = byTicket.get(sub.ticket)?.[sub.result.seq];
    if (entry === undefined || entry.type !== sub.type || entry.event.by !== sub.by || entry.key !== sub.key)
      missingFromLog++;
  }

  // 2. No auto-close ended a pending stay during which a customer reply had already been applied.
  let autoCloses = 0;
  let closedAfterReply = 0;
  let reminders = 0;
  let effectsExpected = 0;
  const tickets = new Map(
    ((await pool.query(`SELECT id::text AS id, data FROM ${s}.tickets`)).rows as { id: string; data: Ticket }[]).map(
      (r) => [r.id, r.data],
    ),
  );
  let replayMismatches = 0;
  for (const [id, log] of byTicket) {
    for (const entry of log) {
      effectsExpected += entry.result.effects.length;
      for (const effect of entry.result.effects) {
        if (effect.type === 'reminderDue') reminders++;
        if (effect.type !== 'timerFired') continue;
        autoCloses++;
        const due = effect.dueAt!;
        const replied = log.some(
          (e) =>
            e.seq < entry.seq &&
            e.type === 'reply' &&
            e.event.by === 'customer' &&
            e.event.at > due - closeAfterMs &&
            e.event.at < due,
        );
        if (replied) closedAfterReply++;
      }
    }
    // 3. The stored ticket is the replay of its log.
    const replay = replayLog(
      workflow,
      log.map((e) => ({ seq: e.seq, event: e.event, ticket: e.result.ticket })),
      tickets.get(id) as never,
    );
    if (!replay.ok) replayMismatches++;
  }
  replayMismatches += [...tickets.keys()].filter((id) => !byTicket.has(id)).length;

  // 4. The outbox holds each logged effect once, and every one was delivered and completed.
  const outbox = (
    await pool.query(
      `SELECT id::text AS id, ticket_id::text AS ticket, seq, idx, done_at IS NOT NULL AS done FROM ${s}.effects`,
    )
  ).rows as {
    id: string;
    ticket: string;
    seq: number;
    idx: number;
    done: boolean;
  }[];
  const keys = new Set(outbox.map((e) => `${e.ticket}/${e.seq}/${e.idx}`));
  const stillDue = (
    (await pool.query(`SELECT count(*)::int AS n FROM ${s}.tickets WHERE next_deadline <= $1`, [lastSweep]))
      .rows[0] as { n: number }
  ).n;
  return {
    missingFromLog,
    autoCloses,
    autoClosesAfterCustomerReply: closedAfterReply,
    reminders,
    effects: outbox.length,
    effectsDelivered: outbox.filter((e) => delivered.has(e.id)).length,
    effectsRedelivered: [...delivered.values()].filter((n) => n > 1).length,
    effectsDuplicatedInOutbox: outbox.length - keys.size,
    effectsMissing: Math.max(0, effectsExpected - keys.size) + outbox.filter((e) => !delivered.has(e.id)).length,
    effectsNotDone: outbox.filter((e) => !e.done).length,
    replayMismatches,
    stillDue,
  };
}
