import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type * as Core from 'ticket-lifecycle';
import type * as Postgres from 'ticket-lifecycle/postgres';
import type * as Presets from 'ticket-lifecycle/presets';
import { raceWorkflow } from '../../test/postgres/race.js';
import { tawkToContractReducer } from '../baselines/tawk-to-contract-reducer.js';
import { SWEEP_BASELINES } from '../baselines/sweep-loops.js';
import { historiesFor } from '../cases/transition-throughput.js';
import { countEvents, EPOCH } from '../fixtures/lifecycles.js';
import { presetNamed } from '../fixtures/presets.js';
import { storedTickets } from '../fixtures/stored-tickets.js';
import type { Build } from './builds.js';
import { loopsFor } from './loops.js';
import { cpuNsPerOp, type Ratio, type Subject } from './rounds.js';

/** An A/B case: the subjects to alternate (each build's, and the references'), and the ratios to print. */
export interface AbCase {
  readonly subjects: Subject[];
  readonly ratios: Ratio[];
  readonly warmup: number;
  close?(): Promise<void>;
}

/** The presets a sweep has a hand loop for. */
type PresetName = 'zendesk' | 'liveAgent';

/** CPU time per round of an in-memory case: long enough to average out a scavenge, short enough to alternate often. */
const ROUND_MS = 150;

/** The two builds against each other, then each against the case's reference. */
function ratiosWith([a, b]: readonly Build[], reference: string): Ratio[] {
  return [
    { of: a!.name, to: b!.name },
    { of: a!.name, to: reference },
    { of: b!.name, to: reference },
  ];
}

/** Each build's transition(tawkTo()) over the contract bench's histories, and the contract-equivalent reducer. */
export async function contractCase([a, b]: readonly Build[]): Promise<AbCase> {
  const tawkTo = presetNamed('tawkTo');
  const histories = historiesFor(tawkTo);
  const events = countEvents(histories);
  const perEvent = (loop: () => void) => async () => ({ 'cpu ns/event': cpuNsPerOp(loop, events, ROUND_MS) });
  const transitionOf = async (build: Build): Promise<Subject> => {
    const { transition } = await build.entry<typeof Core>('index');
    // Typed as any policy's: the histories are generated for tawk.to, but typed as plain tickets and events.
    const workflow: Core.Workflow = (await build.entry<typeof Presets>('presets')).tawkTo();
    const { replay } = await loopsFor(build.name);
    return { name: build.name, run: perEvent(() => replay(transition, workflow, histories)) };
  };
  const { replay } = await loopsFor('contract reducer');
  const reducer: Subject = {
    name: 'contract reducer',
    run: perEvent(() => replay((_, ticket, event) => tawkToContractReducer(ticket, event), tawkTo, histories)),
  };
  return {
    subjects: [await transitionOf(a!), await transitionOf(b!), reducer],
    ratios: ratiosWith([a!, b!], reducer.name),
    warmup: 3,
  };
}

/**
 * Each build's `evaluateAutoClose` and `nextDeadline` over `count` JSON-parsed stored tickets of a preset, and the
 * hand loops of bench/baselines/sweep-loops.ts (zendesk, liveAgent).
 */
export async function sweepCase(builds: readonly Build[], preset: PresetName, count: number): Promise<AbCase> {
  const hand = SWEEP_BASELINES[preset];
  if (hand === undefined) throw new Error(`no hand loop for ${preset}`);
  const now = EPOCH + 60 * 86_400_000;
  const policy = presetNamed(preset);
  const tickets = storedTickets(policy, { count, now, seed: 3_000, json: true });
  const perTicket = (close: () => void, deadline: () => void) => async () => ({
    'evaluateAutoClose ns': cpuNsPerOp(close, count, ROUND_MS),
    'nextDeadline ns': cpuNsPerOp(deadline, count, ROUND_MS),
  });
  const subjects: Subject[] = [];
  for (const build of builds) {
    const { evaluateAutoClose, nextDeadline } = await build.entry<typeof Core>('index');
    const workflow: Core.Workflow = (await build.entry<typeof Presets>('presets'))[preset]();
    const { countCloses, sumDeadlines } = await loopsFor(build.name);
    subjects.push({
      name: build.name,
      run: perTicket(
        () => countCloses(evaluateAutoClose, workflow, tickets, now),
        () => sumDeadlines(nextDeadline, workflow, tickets),
      ),
    });
  }
  const { countTrue, sumDeadlines } = await loopsFor('hand loop');
  subjects.push({
    name: 'hand loop',
    run: perTicket(
      () => countTrue(hand.closes, tickets, now),
      () => sumDeadlines((_, ticket) => hand.deadline(ticket), policy, tickets),
    ),
  });
  return {
    subjects,
    ratios: ratiosWith(builds, 'hand loop'),
    warmup: 2,
  };
}

/** A process's parent and CPU time (utime + stime, clock ticks) from /proc, or `null` where /proc cannot tell. */
function procStat(pid: string): { parent: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // Gone since the listing, or no /proc (another OS).
  }
}

/**
 * The CPU time, in ms, of one PostgreSQL server's processes: its postmaster and every child of it (the backends,
 * the writers, autovacuum), read from /proc (100 clock ticks a second on Linux). Other servers on the machine are
 * left out. `null` when the server does not run here (then the row is left out).
 */
function serverCpuMs(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = procStat(pid);
    if (stat !== null && (Number(pid) === postmaster || stat.parent === postmaster)) ticks += stat.ticks;
  }
  return ticks * 10;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

/**
 * Each build's `store.sweep` (4 sweepers on one pool of 8, batches of 1,000) over `count` due tickets on the
 * PostgreSQL server of DATABASE_URL, each in a schema of its own, and the bench's set-based `UPDATE`: wall time,
 * this process's CPU and the server's (when it runs on this machine).
 */
export async function postgresSweepCase(builds: readonly Build[], count: number): Promise<AbCase> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') throw new Error('postgres-sweep needs DATABASE_URL');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const now = T0 + 10 * DAY;
  const { rows } = await pool.query('SELECT pg_backend_pid() AS pid');
  const postmaster = procStat(String(rows[0].pid))?.parent ?? null;
  const measure = async (work: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const server = serverCpuMs(postmaster);
    const start = performance.now();
    await work();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const serverAfter = serverCpuMs(postmaster);
    const metrics: Record<string, number> = { 'wall ms': wall, 'node cpu ms': (used.user + used.system) / 1_000 };
    if (server !== null && serverAfter !== null) metrics['server cpu ms'] = serverAfter - server;
    return metrics;
  };
  const subjects: Subject[] = [];
  let schemas = 0;
  for (const build of builds) {
    const core = await build.entry<typeof Core>('index');
    const { createPostgresStore } = await build.entry<typeof Postgres>('postgres');
    const desk = raceWorkflow(2 * 86_400, core.defineWorkflow);
    const schema = `tl_ab_${schemas++}`;
    const s = `"${schema}"`;
    await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    const stores = Array.from({ length: 4 }, () => createPostgresStore(pool, { workflow: desk, schema }));
    await stores[0]!.migrate();
    const fill = async () => {
      await pool.query(`TRUNCATE ${s}.outbox, ${s}.events, ${s}.tickets`);
      const r = core.transition(desk, core.createTicket(desk, { at: T0, by: 'agent' }), {
        type: 'reply',
        by: 'agent',
        at: T0,
      });
      if (!r.ok) throw new Error(`${build.name}: setup refused (${r.error.code})`);
      await pool.query(
        `INSERT INTO ${s}.tickets (workflow, status, version, updated_at, next_deadline, last_seq, data)
         SELECT 'default', $1, $2, $3, $4, 1, $5::text::jsonb FROM generate_series(1, $6)`,
        [
          r.ticket.status,
          r.ticket.version,
          r.ticket.updatedAt,
          core.nextDeadline(desk, r.ticket),
          JSON.stringify(r.ticket),
          count,
        ],
      );
      await pool.query(`VACUUM ANALYZE ${s}.tickets`);
    };
    subjects.push({
      name: build.name,
      prepare: fill,
      run: () =>
        measure(async () => {
          const reports = await Promise.all(stores.map((store) => store.sweep({ now, batchSize: 1_000 })));
          const claimed = reports.reduce((sum, r) => sum + r.claimed, 0);
          if (claimed !== count) throw new Error(`${build.name}: the sweepers claimed ${claimed} of ${count}`);
        }),
    });
    if (subjects.length === 1) {
      // The reference runs on the first build's schema (the bench's `UPDATE`), filled afresh before each run.
      subjects.push({
        name: 'one UPDATE',
        prepare: fill,
        run: () =>
          measure(() =>
            pool.query(
              `UPDATE ${s}.tickets SET status = 'closed', version = version + 1, next_deadline = NULL,
               data = jsonb_set(data, '{status}', '"closed"') WHERE next_deadline <= $1`,
              [now],
            ),
          ),
      });
    }
  }
  return {
    subjects,
    ratios: ratiosWith(builds, 'one UPDATE'),
    warmup: 1,
    close: async () => {
      for (let i = 0; i < schemas; i++) await pool.query(`DROP SCHEMA IF EXISTS "tl_ab_${i}" CASCADE`);
      await pool.end();
    },
  };
}
