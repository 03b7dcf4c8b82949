import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's root (this file is bench/ab/builds.ts). */
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * One built copy of the package, loaded in this process: its own module instances of every entry, so two builds
 * run side by side without sharing the engine. `entry('postgres')` imports `dist/postgres.js` of this build.
 */
export interface Build {
  readonly name: string;
  readonly dir: string;
  entry<T>(name: 'index' | 'presets' | 'postgres'): Promise<T>;
}

/**
 * Packs a built `dist/` as a package directory that resolves its own name: the subpath entries import the core as
 * `ticket-lifecycle` (tsup keeps it external), and Node finds it through `node_modules/ticket-lifecycle`, a link
 * back to the directory itself. The package.json is the built ref's, so its exports map matches its dist.
 */
function pack(name: string, from: string, into: string): Build {
  const dir = join(into, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(from, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(from, 'package.json'), join(dir, 'package.json'));
  symlinkSync(dir, join(dir, 'node_modules', 'ticket-lifecycle'), 'dir');
  return {
    name,
    dir,
    entry: async <T>(entry: string) => (await import(pathToFileURL(join(dir, 'dist', `${entry}.js`)).href)) as T,
  };
}

/**
 * The working tree's build (run `npm run build` first: `npm run bench:ab` does) and the build of `ref`, checked out
 * in a temporary worktree and built there with its own tsup config, as it shipped; for `ref` `current`, a second
 * copy of the working tree's build. `close()` removes them.
 *
 * @example
 * ```ts
 * const { builds, close } = prepareBuilds('main');
 * const [current, base] = builds;
 * await close();
 * ```
 */
export function prepareBuilds(ref: string): { builds: Build[]; close: () => void } {
  const into = mkdtempSync(join(tmpdir(), 'tl-ab-'));
  const checkout = join(into, 'checkout');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let added = false;
  const close = () => {
    if (added) git('worktree', 'remove', '--force', checkout);
    rmSync(into, { recursive: true, force: true });
  };
  try {
    const current = pack('current', ROOT, into);
    // The noise floor: the same build twice, as two module instances.
    if (ref === 'current') return { builds: [current, pack('current (copy)', ROOT, into)], close };
    const sha = git('rev-parse', '--short', `${ref}^{commit}`).toString().trim();
    git('worktree', 'add', '--quiet', '--detach', checkout, sha);
    added = true;
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    process.stderr.write(`building ${ref} (${sha}) …\n`);
    execFileSync('npx', ['tsup', '--silent'], { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'] });
    return { builds: [current, pack(`${ref}@${sha}`, checkout, into)], close };
  } catch (error) {
    close();
    throw error;
  }
}
