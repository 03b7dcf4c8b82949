// `ticket-lifecycle check <policy> --explore <depth>`, run as users run it: the built dist/cli.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/cli.js');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('check --explore', () => {
  it('says what held, with the counts, and exits 0', () => {
    const r = run('check', 'tawkTo', '--explore', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^holds: all sequences up to depth 2 hold: [\d,]+ states, [\d,]+ transitions/);
  });

  it('prints the dead end with the path to it, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-explore-'));
    const policy = join(dir, 'stuck.json');
    writeFileSync(
      policy,
      JSON.stringify({
        statuses: [
          { id: 'new', category: 'new' },
          { id: 'stuck', category: 'onHold' },
          { id: 'closed', category: 'closed' },
        ],
        statusChanges: [{ by: 'agent', from: 'new', to: 'stuck' }],
        close: { by: 'agent', from: 'new' },
      }),
    );
    const r = run('check', policy, '--explore', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('dead end (nothing ever moves it again): "stuck", reached by:');
    expect(r.stdout).toContain('agent setStatus (to=stuck) [new → stuck]');
  });

  it('refuses a depth that is not a whole number, as bad input', () => {
    const r = run('check', 'tawkTo', '--explore', 'deep');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ticket-lifecycle: --explore must be a whole number/);
  });
});
