// What `npm install ticket-lifecycle` puts on a user's disk: the built code, the bin, the schema, the license and
// examples that run from there (`npx tsx node_modules/ticket-lifecycle/examples/demo.ts`). Needs dist/ (npm test
// builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project = '';
let files: string[] = [];

beforeAll(() => {
  // A user's project: the packed tarball unpacked into node_modules, next to the peers the examples import.
  project = mkdtempSync(join(tmpdir(), 'tl-install-'));
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', project], { cwd: root, encoding: 'utf8' }),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed!.files.map((f) => f.path).sort();
  const installed = join(project, 'node_modules/ticket-lifecycle');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, packed!.filename), '-C', installed, '--strip-components=1']);
  for (const dependency of ['xstate', 'fast-check', 'tsx'])
    symlinkSync(join(root, 'node_modules', dependency), join(project, 'node_modules', dependency));
}, 120_000);

describe('the published package', () => {
  it('holds the code, the bin, the schema, the license and the examples, and no sources or tests', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'package.json',
      'schema.json',
      'dist/index.js',
      'dist/cli.js',
      'examples/demo.ts',
      'examples/xstate-actor.ts',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => /^(src|test|bench|scripts|docs)\//.test(f))).toEqual([]);
  });

  it.each(['demo.ts', 'xstate-actor.ts'])(
    'examples/%s runs from node_modules against the installed build',
    (example) => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', `node_modules/ticket-lifecycle/examples/${example}`],
        { cwd: project, encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(200);
    },
    120_000,
  );

  it('runs the bin from node_modules', () => {
    const run = spawnSync(process.execPath, ['node_modules/ticket-lifecycle/dist/cli.js', 'lint', 'zendesk'], {
      cwd: project,
      encoding: 'utf8',
    });
    // Zendesk's preset keeps one warning on purpose (a ticket may be solved while the customer waits, then closed:
    // what Zendesk does; see docs/presets.md#zendesk): the bin prints it and still exits 0.
    expect(run).toMatchObject({ status: 0 });
    expect(run.stdout).toMatch(/solvedWhileCustomerWaits[\s\S]*\nzendesk: valid, 0 errors, 1 warning\n$/);
  });
});
