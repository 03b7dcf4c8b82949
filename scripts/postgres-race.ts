// The concurrency race at full size (10,000 tickets) on the PostgreSQL at DATABASE_URL, printing the audit.
// `DATABASE_URL=postgres://… npx tsx scripts/postgres-race.ts [tickets] [seconds]`
import { runRace } from '../test/postgres/race.js';

const url = process.env.DATABASE_URL;
if (url === undefined || url === '') {
  console.error('postgres-race: set DATABASE_URL (a throwaway database: the race creates and drops its own schema)');
  process.exit(2);
}
const tickets = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 30);
const report = await runRace({
  url,
  tickets,
  seconds,
  closeAfterSeconds: Math.max(4, Math.round(seconds / 2)),
  log: (line) => console.error(line),
});
console.table(report);
