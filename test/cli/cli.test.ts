// The `ticket-lifecycle` bin, run as users run it: the built dist/cli.js in a child process (`npm test` builds
// first). Bad input is one line on stderr and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/cli.js');
const fixture = (name: string): string => `test/cli/fixtures/${name}`;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2 with exactly one line on stderr, naming the problem, and no stack frame. */
function expectBadInput(result: ReturnType<typeof run>, problem: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ticket-lifecycle: /);
  expect(lines[0]).toMatch(problem);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('lint', () => {
  it('passes a clean policy with exit 0', () => {
    const r = run('lint', fixture('support-v1.json'));
    expect(r).toMatchObject({ code: 0, stdout: 'test/cli/fixtures/support-v1.json: valid, no findings\n' });
  });

  it('lists every validation problem with its path, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ statuses: [{ id: 'open', category: 'opn' }], replies: [{ by: 'agent', to: 'x' }] }),
    );
    const r = run('lint', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error\s+statuses\[0\]\.category\s+unknownCategory\s/m);
    expect(r.stdout).toMatch(/^error\s+replies\[0\]\.to\s+unknownStatus\s/m);
    expect(r.stdout).toMatch(/invalid, 2 errors, 0 warnings\n$/);
  });

  it('reports lint findings of a preset with options; warnings alone exit 0', () => {
    const r = run('lint', 'tawkTo');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^warning\s+close\s+closeWithoutGuard\s/m);
  });

  it('prints JSON with --json, and refuses bad preset options as validation problems', () => {
    const r = run('lint', 'zendesk:closeAfter=P99D', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      valid: false,
      issues: [{ path: 'closeAfter', code: 'invalidOption' }],
      findings: [],
    });
  });
});

describe('diagram', () => {
  it('prints Mermaid, or a Markdown page with --markdown', () => {
    expect(run('diagram', fixture('support-v1.json')).stdout).toMatch(/^stateDiagram-v2\n/);
    const md = run('diagram', 'zendesk', '--markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Zendesk\n\n```mermaid\nstateDiagram-v2\n[\s\S]*\n```\n$/);
  });
});

describe('simulate', () => {
  it('prints a timeline with effects, deadlines and refusals', () => {
    const r = run('simulate', fixture('support-v1.json'), fixture('events.jsonl'));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '2026-01-05 09:00:00Z  ticket created → new',
      '2026-01-05 10:00:00Z  agent reply → waiting  (next deadline 2026-01-06 10:00:00Z)',
      '                        status new → waiting (reply)',
      '2026-01-07 10:00:00Z  tick → solved  (next deadline 2026-01-11 10:00:00Z)',
      '                        reminder nudge #1 (due 2026-01-06 10:00:00Z)',
      '                        status waiting → solved (timer)',
      '                        timer nudge fired (due 2026-01-07 10:00:00Z): waiting → solved',
      '2026-01-07 12:46:40Z  agent close: refused, closeNotAllowed (agent may not close in "solved")',
      '2026-01-07 15:33:20Z  customer reply → open',
      '                        status solved → open (reply)',
      '                        reopened by the customer',
      'final: open, version 4, 1 event refused',
      '',
    ]);
  });

  it('names the line of an events file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    writeFileSync(join(dir, 'e.jsonl'), '{"type":"tick","at":1}\n{oops\n');
    expectBadInput(run('simulate', 'zendesk', join(dir, 'e.jsonl')), /e\.jsonl:2 is not JSON/);
  });
});

describe('check', () => {
  it('runs the laws and the applicable intents with a progress line and exits 0 when they hold', () => {
    const r = run('check', 'tawkTo', '--runs', '20', '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^checking \d+ laws and \d+ intents × 20 runs on tawkTo \(seed 7\)…\n$/);
    expect(r.stdout).toMatch(/^ok: all \d+ laws and \d+ intents hold for tawkTo \(20 runs each, seed 7, /);
  });

  it('prints the shrunk counterexample and a replay command, and exits 1, when a law breaks', () => {
    const r = run('check', fixture('flaky-guard.mjs'), '--runs', '50', '--seed', '1');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^law broken: pureAndDeterministic: /m);
    expect(r.stdout).toMatch(/^ {2}\+0 +ticket created by /m);
    expect(r.stdout).toMatch(
      /^ {2}replay: ticket-lifecycle check test\/cli\/fixtures\/flaky-guard\.mjs --runs 50 --seed -?\d+ --only pureAndDeterministic --path [\d:]+$/m,
    );
  });

  it('reports a broken intent with the timers fired inside each step, and replays it alone from the printed command', () => {
    const r = run('check', fixture('swallowed-reply.json'), '--runs', '100', '--seed', '3');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^intent broken: customerMessageReachesTeam: a customer reply left the ticket in waiting/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}\+\S+ +customer reply \[waiting\]; effects: replyNeedsAttention; ✗ a customer reply/m,
    );
    const replay = /replay: ticket-lifecycle check \S+ (.*customerMessageReachesTeam.*)$/m
      .exec(r.stdout)![1]!
      .split(' ');
    const again = run('check', fixture('swallowed-reply.json'), ...replay);
    expect(again.code).toBe(1);
    expect(again.stdout.match(/broken: /g)).toHaveLength(1);
    const lines = (out: string) => out.split('\n').filter((l) => l.startsWith('  +'));
    expect(lines(again.stdout)).toEqual(
      lines(r.stdout.slice(r.stdout.indexOf('intent broken: customerMessageReachesTeam'))).slice(
        0,
        lines(again.stdout).length,
      ),
    );
  });

  it('refuses a replay path that is not one', () => {
    expectBadInput(run('check', 'tawkTo', '--path', 'x'), /--path must be a replay path/);
  });
});

describe('diff', () => {
  it('finds the renamed status and timer and the changed duration, prints the migration mapping, exits 1', () => {
    const r = run('diff', fixture('support-v1.json'), fixture('support-v2.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^breaking {2}status hold → vendor\?/m);
    expect(r.stdout).toMatch(/^breaking {2}timer nudge → auto-solve\?/m);
    expect(r.stdout).toMatch(/^change {4}timer auto-close: after P4D → P7D/m);
    expect(r.stdout).toContain('{"statuses":{"hold":"vendor"},"timers":{"nudge":"auto-solve"}}');
  });

  it('exits 0 when stored tickets keep working, with --json', () => {
    const r = run('diff', 'zendesk', 'zendesk:closeAfter=P7D', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      breaking: false,
      changes: [{ kind: 'durationChanged', breaking: false, message: expect.stringContaining('after P4D → P7D') }],
      migration: { statuses: {}, timers: {} },
    });
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const huge = join(dir, 'huge.json');
  const notPolicy = join(dir, 'array.json');
  writeFileSync(huge, `{"statuses":[],"pad":"${'x'.repeat(11 * 1024 * 1024)}"}`);
  writeFileSync(notPolicy, '[1, 2, 3]');

  it.each([
    ['a missing file', ['lint', 'nowhere.json'], /policy nowhere\.json not found/],
    ['a file that is not JSON', ['lint', fixture('truncated.json')], /truncated\.json is not JSON/],
    ['JSON that is not a policy', ['diagram', notPolicy], /is not a policy: expected a JSON object with "statuses"/],
    ['a huge file', ['lint', huge], /is too large \(\d+ bytes; at most 10485760\)/],
    [
      'an invalid policy where a valid one is needed',
      ['diagram', 'zendesk:closeAfter=P99D'],
      /is not a valid policy \(1 problem; first: closeAfter: /,
    ],
    ['a directory', ['lint', 'test'], /policy test is not a file/],
    [
      'a module whose default export is not a policy',
      ['lint', fixture('not-a-policy.mjs')],
      /not-a-policy\.mjs is not a policy: its default export must be/,
    ],
    [
      'a module that throws while loading',
      ['diagram', fixture('throws.mjs')],
      /throws\.mjs could not be loaded: database unreachable/,
    ],
    ['a missing events file', ['simulate', 'zendesk', 'nowhere.jsonl'], /events file nowhere\.jsonl not found/],
    ['an unknown command', ['frobnicate', 'x'], /unknown command "frobnicate"/],
    ['an unknown flag', ['lint', 'zendesk', '--bogus'], /Unknown option '--bogus'/],
    ['a wrong number of arguments', ['diff', 'zendesk'], /diff takes 2 arguments, got 1/],
    ['a bad --runs', ['check', 'tawkTo', '--runs', 'many'], /--runs must be a whole number, not "many"/],
    ['a preset option named __proto__', ['diagram', 'zendesk:__proto__=x'], /first: __proto__: unknown option/],
    // Before round 10 these printed the progress line first, the kit's option name, or (explore) the problem on stdout.
    ['a --runs out of range', ['check', 'tawkTo', '--runs', '0'], /--runs must be a whole number from 1 to /],
    ['an --explore depth out of range', ['check', 'tawkTo', '--explore', '99'], /--explore: depth must be a whole/],
    ['an --only naming no check', ['check', 'tawkTo', '--only', 'nope'], /--only nope: no law or intent has that name/],
  ])('%s', (_what, args, problem) => {
    expectBadInput(run(...args), problem);
  });

  it('reads a policy saved with a byte-order mark (Notepad, PowerShell) like one without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    const text = '{"statuses":[{"id":"open","category":"open"},{"id":"closed","category":"closed"}]}';
    writeFileSync(join(dir, 'plain.json'), text);
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${text}`);
    const plain = run('lint', join(dir, 'plain.json'), '--json');
    expect(run('lint', join(dir, 'bom.json'), '--json')).toEqual(plain);
    expect(plain.code).toBe(0);
  });

  it('shows an event whose time no Date holds as a refusal, and names the create line after blank lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    writeFileSync(join(dir, 'far.jsonl'), '{"type":"create","at":5}\n{"type":"reply","by":"agent","at":1e20}\n');
    const r = run('simulate', 'zendesk', join(dir, 'far.jsonl'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('100000000000000000000  agent reply: refused, invalidTime');
    writeFileSync(join(dir, 'late.jsonl'), '\n\n{"type":"create","at":"soon"}\n');
    expectBadInput(run('simulate', 'zendesk', join(dir, 'late.jsonl')), /late\.jsonl:3: cannot create the ticket/);
  });

  it('prints the usage with --help (exit 0) and without a command (exit 2)', () => {
    expect(run('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: ticket-lifecycle <command>/),
    });
    expect(run().code).toBe(2);
  });
});
