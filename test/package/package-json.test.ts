import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package's shape as users install it: what npm puts in their node_modules, and what their bundler follows.

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Conditions {
  readonly types: string;
  readonly default: string;
}
interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly bundleDependencies?: unknown;
  readonly bundledDependencies?: unknown;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly devDependencies: Record<string, string>;
  readonly sideEffects?: unknown;
  readonly exports: Record<string, string | { import: Conditions; require: Conditions }>;
  readonly scripts: Record<string, string>;
}
interface SizeBudget {
  readonly name: string;
  readonly path: string;
  readonly limit: string;
  readonly gzip?: boolean;
  readonly ignore?: readonly string[];
  readonly import?: string;
}

const pkg = readJson('package.json') as PackageJson;
const budgets = readJson('.size-limit.json') as SizeBudget[];
const PEERS = ['fast-check', 'xstate'];

/** The code entries of the exports map (`./package.json` is data). */
const entries = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { import: Conditions; require: Conditions }] => typeof entry[1] === 'object',
);

describe('dependencies', () => {
  it('has no runtime dependencies of any kind', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.bundleDependencies ?? pkg.bundledDependencies).toBeUndefined();
  });

  it('has exactly xstate and fast-check as peers, both optional', () => {
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(PEERS);
    for (const peer of PEERS) expect(pkg.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
    expect(Object.keys(pkg.peerDependenciesMeta ?? {}).sort()).toEqual(PEERS);
  });

  it('installs every peer for its own tests and build', () => {
    for (const peer of PEERS) expect(pkg.devDependencies[peer], peer).toBeDefined();
  });
});

/** Every .ts file under a source folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => relative(root, join(f.parentPath, f.name)));
}

/** Bare module specifiers some code imports, static or dynamic, ignoring comments (TSDoc examples import freely). */
function bareImportsIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import … from 'x', export … from 'x'
    /^\s*import\s*['"]([^'"]+)['"]/gm, // import 'x'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('x')
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!)).filter((s) => !s.startsWith('.'));
}

const bareImports = (file: string): string[] => bareImportsIn(readFileSync(join(root, file), 'utf8'));

describe('what each entry may import', () => {
  // The core ships alone; each subpath adds at most its own optional peer, and reaches the core by name.
  const allowed: Readonly<Record<string, readonly string[]>> = {
    'src/xstate': ['ticket-lifecycle', 'xstate'],
    'src/testing': ['ticket-lifecycle', 'fast-check'],
    'src/presets': ['ticket-lifecycle'],
  };
  const core = sourceFiles('src').filter((f) => !Object.keys(allowed).some((dir) => f.startsWith(`${dir}/`)));

  it('the core imports no package at all', () => {
    expect(core.length).toBeGreaterThan(0);
    expect(core.flatMap((file) => bareImports(file).map((s) => `${file}: ${s}`))).toEqual([]);
  });

  it.each(Object.entries(allowed))('%s imports only %j', (dir, packages) => {
    const stray = sourceFiles(dir).flatMap((file) => bareImports(file).filter((s) => !packages.includes(s)).map((s) => `${file}: ${s}`));
    expect(stray).toEqual([]);
  });

  it('the import scanner sees every form of import, and nothing else', () => {
    // Guards the guard: a scanner that found nothing would pass every test above.
    const code = [
      "import { a } from 'static';",
      "import type { B } from 'type-only';",
      'import {\n  c,\n  d,\n} from "multi-line";',
      "import 'side-effect';",
      "export { e } from 're-export';",
      "const f = await import('dynamic');",
      "import { g } from './relative.js';",
      "// import { h } from 'line-comment';",
      "/** import { i } from 'doc-comment'; */",
      "const message = `moved from '${'status'}'`;",
    ].join('\n');
    expect(bareImportsIn(code).sort()).toEqual(['dynamic', 'multi-line', 're-export', 'side-effect', 'static', 'type-only']);
  });
});

describe('exports map', () => {
  it('offers every entry the design names', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json', './presets', './testing', './xstate']);
    expect(pkg.sideEffects).toBe(false);
  });

  it.each(entries)('%s has ESM and CJS, each with its own types listed first', (_name, conditions) => {
    expect(Object.keys(conditions)).toEqual(['import', 'require']);
    for (const [format, jsExt, dtsExt] of [['import', '.js', '.d.ts'], ['require', '.cjs', '.d.cts']] as const) {
      const c = conditions[format];
      expect(Object.keys(c)).toEqual(['types', 'default']);
      expect(c.default.endsWith(jsExt) && c.types.endsWith(dtsExt), `${format}: ${c.default} / ${c.types}`).toBe(true);
      expect(c.types.slice(0, -dtsExt.length)).toBe(c.default.slice(0, -jsExt.length));
    }
  });
});

describe('size budgets (.size-limit.json)', () => {
  const budgetFor = (file: string): SizeBudget | undefined => budgets.find((b) => b.path === file.replace(/^\.\//, ''));

  it.each(entries)('%s has a min+gzip budget', (_name, conditions) => {
    const budget = budgetFor(conditions.import.default);
    expect(budget).toBeDefined();
    expect(budget?.gzip).toBe(true);
  });

  it('holds the budgets of issue 6 where they are met, and guards every part of the core', () => {
    const limit = (name: string): string | undefined => budgets.find((b) => b.name.startsWith(name))?.limit;
    // Issue 6: the core ≤ 5 kB. It held for the runtime a backend embeds until issue 9 (below); lint, the policy compiler and the
    // diagram are budgeted one by one at their measured size (the whole entry misses 5 kB: see README, Performance).
    // Issue 9 (every field of a stored ticket and event checked, read once, times kept exact) costs 1.1 kB gzip:
    // the runtime measures 6.1 kB. Issue 6's 5 kB no longer holds; tighten this when it shrinks.
    expect(limit('core runtime (')).toBe('6.2 kB');
    expect(budgets.find((b) => b.name.startsWith('core runtime ('))?.import).toBe('{ createTicket, transition, can, evaluateAutoClose, nextDeadline }');
    expect(limit('presets')).toBe('3 kB');
    expect(limit('xstate')).toBe('3 kB');
    // Issue 6 asks 4 kB; the kit measured 5 kB, and 5.3 kB once its random policies got calendar timers (issue 13,
    // so every law runs on them). See README, Performance. Tighten this when it shrinks.
    expect(limit('testing')).toBe('5.4 kB');
    for (const part of ['core runtime + defineWorkflow', 'core: lintWorkflow', 'core: toMermaid', 'core entry, everything']) {
      expect(limit(part), part).toBeDefined();
    }
  });

  it('counts the core once: subpath entries leave out the core and their own peer, never anything else', () => {
    for (const core of budgets.filter((b) => b.path === 'dist/index.js')) expect(core.ignore ?? []).toEqual([]);
    expect(budgetFor('dist/presets.js')?.ignore).toEqual(['ticket-lifecycle']);
    expect(budgetFor('dist/xstate.js')?.ignore).toEqual(['ticket-lifecycle', 'xstate']);
    expect(budgetFor('dist/testing.js')?.ignore).toEqual(['ticket-lifecycle', 'fast-check']);
  });
});

describe('npm test', () => {
  const steps = pkg.scripts['test']!.split('&&').map((s) => s.trim());

  it('builds before the gates that read dist/, and runs every gate', () => {
    expect(steps.indexOf('npm run build')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('npm run build')).toBeLessThan(steps.indexOf('npm run gates'));
    expect(pkg.scripts['gates']).toBe('npm run lint:package && npm run size');
    expect(pkg.scripts['lint:package']).toBe('publint --strict && attw --pack . --profile node16');
    expect(pkg.scripts['size']).toBe('size-limit');
  });

  it('never runs the benchmarks: timing depends on the machine', () => {
    expect(pkg.scripts['test']).not.toMatch(/bench/);
  });
});
