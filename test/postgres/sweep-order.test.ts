// Which end of the due range a sweep claims from (src/postgres/sweep.ts): each process starts at a random end, then
// its sweeps alternate. Sweeper processes started together, the replicas of one deployment on one schedule, would
// otherwise all claim oldest first, then all newest first, stepping over each other's locked rows at the same end.
// Each case loads the store afresh (`vi.resetModules`), as a new process would, with `Math.random` fixed.
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

/** The ids a fresh process's first two sweeps of one ticket each close, of three tickets due at days 1, 2 and 3. */
async function sweptInOrder(random: number): Promise<{ ids: string[]; swept: string[] }> {
  vi.resetModules();
  vi.spyOn(Math, 'random').mockReturnValue(random);
  // The race suite's policy (open ↔ pending, pending closes after a day), built by the fresh modules' engine.
  const { raceWorkflow } = await import('./race.js');
  const { createPostgresStore } = await import('ticket-lifecycle/postgres');
  const workflow = raceWorkflow(86_400);
  const db = new PGlite();
  try {
    const store = createPostgresStore(db, { workflow });
    await store.migrate();
    const ids: string[] = [];
    for (const day of [0, 1, 2]) {
      const created = await store.create({ at: T0 + day * DAY });
      if (!created.ok) throw new Error(created.error.message);
      await store.apply(created.id, { type: 'reply', by: 'agent', at: T0 + day * DAY });
      ids.push(created.id);
    }
    const swept: string[] = [];
    for (let sweep = 0; sweep < 2; sweep++) {
      expect(await store.sweep({ now: T0 + 10 * DAY, limit: 1 })).toMatchObject({ claimed: 1, changed: 1 });
      for (const id of ids) {
        if (!swept.includes(id) && (await store.get(id))?.status === 'closed') swept.push(id);
      }
    }
    return { ids, swept };
  } finally {
    await db.close();
  }
}

describe('the end of the due range a sweep starts from', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('is the oldest deadline for one process, then the newest', async () => {
    const { ids, swept } = await sweptInOrder(0.25);
    expect(swept).toEqual([ids[0], ids[2]]);
  });

  it('is the newest deadline for another, then the oldest', async () => {
    const { ids, swept } = await sweptInOrder(0.75);
    expect(swept).toEqual([ids[2], ids[0]]);
  });
});
