// The README's store quickstart, run verbatim (PGlite): a reader who pastes it must see what its comments say.
// Type-checking every block (examples-typecheck.test.ts) cannot tell a snippet that compiles but does nothing.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownExamples } from '../../scripts/doc-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository (not node_modules, which the test runner does not transform), ignored by git.
const work = join(root, '.doc-run');

/** Writes `code` plus an export of `names` as a module, and imports it: the block runs as a reader's file would. */
async function run(name: string, code: string, names: readonly string[]): Promise<Record<string, unknown>> {
  mkdirSync(work, { recursive: true });
  const file = join(work, `${name}-${process.pid}.ts`);
  writeFileSync(file, `${code}\nexport { ${names.join(', ')} };\n`);
  return (await import(file)) as Record<string, unknown>;
}

describe('README, run verbatim', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the store quickstart applies the reply and hands its effect to the outbox consumer', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = markdownExamples('README.md', readme).find((e) => e.code.includes('createPostgresStore'));
    expect(block).toBeDefined();
    const { applied, batch, store, id } = (await run('readme-store', block!.code, [
      'applied',
      'batch',
      'store',
      'id',
    ])) as {
      applied: { ok: boolean; duplicate: boolean; ticket: { status: string } };
      batch: { id: string; effect: { type: string } }[];
      store: { claimEffects(): Promise<unknown[]>; log(id: string): Promise<unknown[]> };
      id: string;
    };
    expect([applied.ok, applied.duplicate, applied.ticket.status]).toEqual([true, false, 'waiting']);
    expect(batch.map((e) => [e.id, e.effect.type])).toEqual([['1.1.0', 'statusChanged']]); // as its comment says
    expect(await store.claimEffects()).toEqual([]); // completed
    expect(await store.log(id)).toHaveLength(2);
  });
});
