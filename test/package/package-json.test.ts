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
const PEERS = ['@electric-sql/pglite', 'fast-check', 'pg', 'xstate'];

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

  it('has exactly xstate, fast-check, pg and PGlite as peers, all optional', () => {
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

/** Every module specifier some code imports, static or dynamic, ignoring comments (TSDoc examples import freely). */
function importsIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import … from 'x', export … from 'x'
    /^\s*import\s*['"]([^'"]+)['"]/gm, // import 'x'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('x')
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
}

/** Bare module specifiers (packages), as opposed to relative paths. */
function bareImportsIn(source: string): string[] {
  return importsIn(source).filter((s) => !s.startsWith('.'));
}

const bareImports = (file: string): string[] => bareImportsIn(readFileSync(join(root, file), 'utf8'));

describe('what each entry may import', () => {
  // The core ships alone; each subpath adds at most its own optional peer, and reaches the core by name.
  const allowed: Readonly<Record<string, readonly string[]>> = {
    'src/xstate': ['ticket-lifecycle', 'xstate'],
    'src/testing': ['ticket-lifecycle', 'fast-check'],
    'src/presets': ['ticket-lifecycle'],
    // The bin: Node's own modules and the package's public entries, nothing else.
    'src/cli': [
      'ticket-lifecycle',
      'ticket-lifecycle/presets',
      'ticket-lifecycle/testing',
      'node:fs',
      'node:path',
      'node:url',
      'node:util',
    ],
    // The user passes their client: not even pg or PGlite is imported.
    'src/postgres': ['ticket-lifecycle'],
  };
  const core = sourceFiles('src').filter((f) => !Object.keys(allowed).some((dir) => f.startsWith(`${dir}/`)));

  it('the core imports no package at all', () => {
    expect(core.length).toBeGreaterThan(0);
    expect(core.flatMap((file) => bareImports(file).map((s) => `${file}: ${s}`))).toEqual([]);
  });

  it.each(Object.entries(allowed))('%s imports only %j', (dir, packages) => {
    const stray = sourceFiles(dir).flatMap((file) =>
      bareImports(file)
        .filter((s) => !packages.includes(s))
        .map((s) => `${file}: ${s}`),
    );
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
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal inside the scanned code, on purpose
      "const message = `moved from '${'status'}'`;",
    ].join('\n');
    expect(bareImportsIn(code).sort()).toEqual([
      'dynamic',
      'multi-line',
      're-export',
      'side-effect',
      'static',
      'type-only',
    ]);
  });
});

describe('layers (relative imports): model → policy → engine → adapters, no arrow back', () => {
  /**
   * The top folder under src/ each folder may import by relative path (its own always). The pure core reads down
   * the table; adapters reach the core only by the package name, never by a relative path. A folder not listed
   * here (a new part of the core) may import the core but no adapter.
   */
  const LAYERS: Readonly<Record<string, readonly string[]>> = {
    // The shared model (Actor, Ticket, TicketEvent) sits under everything and imports nothing.
    model: [],
    // One layer in two folders: the policy compiles its calendars, and a calendar reads durations as the policy does.
    policy: ['calendar', 'model', 'sla'],
    calendar: ['policy', 'model'],
    // The SLA clocks are one more part of the core: the policy compiles them (binding their arithmetic, so the engine
    // only calls it), the engine's ticket and effects carry their types, and they read the policy and the engine.
    engine: ['policy', 'model', 'sla'],
    sla: ['policy', 'engine', 'calendar', 'model'],
    diagram: ['policy', 'model'],
    xstate: [],
    testing: [],
    presets: [],
    postgres: [],
    cli: [],
  };
  const ADAPTERS = ['xstate', 'testing', 'presets', 'postgres', 'cli'];
  /**
   * Arrows back, each with its reason. None left: the ticket and event types the policy's guard predicates name
   * live in the shared model (src/model/) since issue 12.
   */
  const EXCEPTIONS: readonly string[] = [];

  /** `file → folder` for every relative import that leaves the file's own top folder under src/. */
  const crossings = (): { edge: string; from: string; to: string }[] =>
    sourceFiles('src').flatMap((file) => {
      const from = file.split('/')[1]!.replace(/\.ts$/, '');
      return importsIn(readFileSync(join(root, file), 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) =>
          relative(join(root, 'src'), join(root, file, '..', s))
            .split('/')[0]!
            .replace(/\.js$/, ''),
        )
        .filter((to) => to !== from)
        .map((to) => ({ edge: `${file} → ${to}`, from, to }));
    });

  it('every relative import follows the layer table, or is a documented exception', () => {
    // The barrel and folders the table does not list (new parts of the core) may import any part of the core.
    const allowed = (from: string, to: string): boolean => LAYERS[from]?.includes(to) ?? !ADAPTERS.includes(to);
    const stray = crossings()
      .filter(({ from, to }) => !allowed(from, to))
      .map(({ edge }) => edge);
    expect([...new Set(stray)].sort()).toEqual([...EXCEPTIONS].sort());
  });

  it('the scanner sees relative imports too (guards the guard)', () => {
    expect(importsIn("import type { T } from '../engine/ticket.js';\nexport { x } from './x.js';")).toEqual([
      '../engine/ticket.js',
      './x.js',
    ]);
    expect(crossings().length).toBeGreaterThan(10);
  });
});

describe('exports map', () => {
  it('offers every entry the design names', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual([
      '.',
      './package.json',
      './postgres',
      './presets',
      './schema.json',
      './testing',
      './xstate',
    ]);
    expect(pkg.sideEffects).toBe(false);
  });

  it.each(entries)('%s has ESM and CJS, each with its own types listed first', (_name, conditions) => {
    expect(Object.keys(conditions)).toEqual(['import', 'require']);
    for (const [format, jsExt, dtsExt] of [
      ['import', '.js', '.d.ts'],
      ['require', '.cjs', '.d.cts'],
    ] as const) {
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
    // diagram are budgeted one by one at their measured size (the whole entry misses 5 kB: see docs/performance.md).
    // Issue 9 (every field of a stored ticket and event checked, read once, times kept exact) costs 1.1 kB gzip;
    // issue 10 (timers pass the system's rules, assign and merge rules) 0.8 kB; calendar timers 0.1 kB: the runtime
    // measures 6.95 kB, under issue 13's 8 kB ceiling. Issue 6's 5 kB no longer holds; tighten this when it shrinks.
    // Issue 13's ticket attributes (priority, group, tags, the update event, `when` on rules and timers, escalation
    // `set`, re-targeting, reopenAssignee) took it to 8.31 kB: OVER issue 13's 8 kB ceiling by 0.31 kB, mostly
    // refusal messages (template strings are ~0.5 kB of the gzip). Issue 14's SLA hooks (marks in the catch-up,
    // clocks synced after each change, read with the ticket) took it to 8.75 kB, 0.75 kB OVER the ceiling (reported
    // as not met); the SLA arithmetic itself is bound at compile time and lives in the defineWorkflow budget. The
    // round-5 timer fixes (F1: reminders fold only up to a change, an SLA mark or a move) measured 8.89 kB, and issue
    // 13's `assignSolver` (the solving agent assigned by actorId) 9.06 kB: 1.06 kB OVER the ceiling (reported as not met).
    // Round 8: dist/index.js tree-shakes to nothing (0.29 kB of top-level leftovers were in every bundle), and the
    // engine does the same checks in less code: 8.58 kB, still 0.58 kB OVER the ceiling (reported as not met).
    // Round 9: implied actions decided at compile time, one `show`, createTicket throwing the events' refusals,
    // shorter messages: 8.28 kB, 0.28 kB OVER the ceiling (reported as not met; the rest is checks and their words).
    // Round 10: plain limit constants, one frozen empty list, no check a callee already makes, timer ids compiled
    // with the policy, run's refusals through fail(): 8.12 kB, 0.12 kB OVER the ceiling (reported as not met).
    // Round 12: every check, code, path and message kept, the same checks in less code (small helpers with one
    // caller inlined, a move timer's close reason compiled, resolve and close through one handler): 7.91 kB, under
    // issue 13's 8 kB ceiling (met).
    expect(limit('core runtime (')).toBe('7.95 kB');
    expect(budgets.find((b) => b.name.startsWith('core runtime ('))?.import).toBe(
      '{ createTicket, transition, can, evaluateAutoClose, nextDeadline }',
    );
    // Issue 6 asks 3 kB; one options reader refusing unknown options and Zendesk's assign, merge and end-user-solve
    // rules took it to 3.06 kB; issue 14's SLA options (five vendors' metrics and pauses) to 3.81 kB; issue 13's
    // business-hours options (Zendesk, JSM) and Zendesk's assign-on-solve to 4.03 kB; round 11's vendor facts
    // (Zendesk's pending notifications and closed-ticket edits, Zammad's follow-up owner, Chatwoot's SLA) to 4.23 kB.
    // Tighten this when it shrinks.
    expect(limit('presets')).toBe('4.3 kB');
    // Issue 6 asks 3 kB; issue 9's hardening (checked snapshots, TicketMachineError, a by-value event cache) and the
    // merge rule took it to 3.31 kB. Tighten this when it shrinks.
    expect(limit('xstate')).toBe('3.4 kB');
    // Issue 6 asks 4 kB; the kit measured 4.7 kB, and issue 9's option checks (invalidOption issues instead of a
    // throw) and generated calendars, assign rules and bypassing timers took it to 6.15 kB; issue 16's intent
    // catalogue, boundary scenarios and counterexample rendering to 12.66 kB, and exploreWorkflow (alphabet, state
    // key, search, liveness, paths) 4.2 kB more: 16.82 kB; issue 13's attributes and issue 14's SLA policies in the
    // generators 18.02 kB (a dev-time tool, never in the core's budget); the ticketMetricsAddUp law and the setter
    // scenarios 18.46 kB; assignSolver and actor ids in the generators 18.59 kB; exploreWorkflow's update letters
    // 19.1 kB. Tighten this when it shrinks.
    expect(limit('testing')).toBe('19.2 kB');
    for (const part of [
      'core runtime + defineWorkflow',
      'core: lintWorkflow',
      'core: toMermaid',
      'core entry, everything',
      'core: SLA reads',
    ]) {
      expect(limit(part), part).toBeDefined();
    }
  });

  it('counts the core once: subpath entries leave out the core and their own peer, never anything else', () => {
    for (const core of budgets.filter((b) => b.path === 'dist/index.js')) expect(core.ignore ?? []).toEqual([]);
    expect(budgetFor('dist/presets.js')?.ignore).toEqual(['ticket-lifecycle']);
    expect(budgetFor('dist/xstate.js')?.ignore).toEqual(['ticket-lifecycle', 'xstate']);
    expect(budgetFor('dist/testing.js')?.ignore).toEqual(['ticket-lifecycle', 'fast-check']);
    expect(budgetFor('dist/postgres.js')?.ignore).toEqual(['ticket-lifecycle']);
  });
});

describe('npm test', () => {
  const steps = pkg.scripts.test!.split('&&').map((s) => s.trim());

  it('builds before the gates that read dist/, and runs every gate', () => {
    expect(steps.indexOf('npm run build')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('npm run build')).toBeLessThan(steps.indexOf('npm run gates'));
    expect(pkg.scripts.gates).toBe('npm run lint:package && npm run size');
    expect(pkg.scripts['lint:package']).toBe('publint --strict && attw --pack . --profile node16');
    expect(pkg.scripts.size).toBe('size-limit');
  });

  it('never runs the benchmarks: timing depends on the machine', () => {
    expect(pkg.scripts.test).not.toMatch(/bench/);
  });
});
