// Issue 9, item 11: a policy of about 1 MB made validateWorkflow, lintWorkflow or toMermaid run for seconds. Every
// limit of POLICY_LIMITS is refused with a code and the path of what overflows; within them, every pass is linear.
// Timing lives in the bench (bench/cases/hostile-policies.ts); these tests count work and check answers.
import { describe, expect, it } from 'vitest';
import { lintWorkflow, POLICY_LIMITS, toMermaid, validateWorkflow, type WorkflowIssue } from 'ticket-lifecycle';
import { atTheLimits, HOSTILE_POLICIES } from '../../bench/fixtures/hostile-policies.js';

const base = [
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending' },
  { id: 'closed', category: 'closed' },
];
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const issuesOf = (config: unknown): Pick<WorkflowIssue, 'path' | 'code'>[] => {
  const result = validateWorkflow(config);
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }));
};
const manyStatuses = (n: number): { id: string; category: string; default?: boolean }[] =>
  [...base, ...range(n - base.length).map((i) => ({ id: `o${i}`, category: 'open' }))].map((s, i) =>
    i === 0 ? { ...s, default: true } : s,
  );

describe('every policy limit is refused with a code and a path', () => {
  it.each([
    [
      'replies',
      'maxRules',
      (n: number) => ({ replies: range(n).map(() => ({ by: 'agent', to: 'waiting' })) }),
      'replies',
    ],
    [
      'assignments',
      'maxRules',
      (n: number) => ({ assignments: range(n).map(() => ({ to: 'waiting' })) }),
      'assignments',
    ],
    [
      'statusChanges',
      'maxPermissionRules',
      (n: number) => ({ statusChanges: range(n).map(() => ({ by: 'agent' })) }),
      'statusChanges',
    ],
    ['resolve', 'maxPermissionRules', (n: number) => ({ resolve: range(n).map(() => ({ by: 'agent' })) }), 'resolve'],
    ['close', 'maxPermissionRules', (n: number) => ({ close: range(n).map(() => ({ by: 'agent' })) }), 'close'],
    // Spread over 60 statuses, so no status runs more than its own limit of timers.
    [
      'timers',
      'maxTimers',
      (n: number) => ({
        statuses: manyStatuses(60),
        timers: range(n).map((i) => ({ id: `t${i}`, in: `o${i % 50}`, after: i + 1, action: 'remind' })),
      }),
      'timers',
    ],
    [
      'a selector list',
      'maxListLength',
      (n: number) => ({ replies: [{ by: 'agent', from: range(n).map(() => 'open'), to: 'waiting' }] }),
      'replies[0].from',
    ],
    [
      'reminders',
      'maxReminders',
      (n: number) => ({
        timers: [
          {
            id: 't',
            in: 'waiting',
            after: 'P100D',
            action: 'move',
            to: 'closed',
            reminders: range(n).map((i) => i + 1),
          },
        ],
      }),
      'timers[0].reminders',
    ],
    [
      'calendars',
      'maxCalendars',
      (n: number) => ({
        calendars: Object.fromEntries(
          range(n).map((i) => [`c${i}`, { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } }]),
        ),
      }),
      'calendars',
    ],
    [
      'holidays',
      'maxListLength',
      (n: number) => ({
        calendars: {
          office: {
            timeZone: 'UTC',
            week: { mon: [['09:00', '17:00']] },
            holidays: range(n).map((i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)),
          },
        },
      }),
      'calendars.office.holidays',
    ],
    [
      'channels',
      'maxChannels',
      (n: number) => ({ initialByChannel: Object.fromEntries(range(n).map((i) => [`c${i}`, 'open'])) }),
      'initialByChannel',
    ],
  ] as const)('%s: %s accepted, one more refused', (_what, limit, make, path) => {
    const max = POLICY_LIMITS[limit];
    expect(issuesOf({ statuses: base, ...make(max) })).toEqual([]);
    expect(issuesOf({ statuses: base, ...make(max + 1) })).toEqual([{ path, code: 'tooMany' }]);
  });

  it('timers per status: the timer that would overflow a status is named', () => {
    const timers = (n: number): unknown[] =>
      range(n).map((i) => ({ id: `t${i}`, inCategory: 'open', after: i + 1, action: 'remind' }));
    expect(issuesOf({ statuses: base, timers: timers(POLICY_LIMITS.maxTimersPerStatus) })).toEqual([]);
    expect(issuesOf({ statuses: base, timers: timers(POLICY_LIMITS.maxTimersPerStatus + 1) })).toEqual([
      { path: `timers[${POLICY_LIMITS.maxTimersPerStatus}]`, code: 'tooMany' },
    ]);
  });

  it('statuses keep their own code', () => {
    expect(issuesOf({ statuses: manyStatuses(POLICY_LIMITS.maxStatuses) })).toEqual([]);
    expect(issuesOf({ statuses: manyStatuses(POLICY_LIMITS.maxStatuses + 1) })).toEqual([
      { path: 'statuses', code: 'tooManyStatuses' },
    ]);
  });

  it('size, nesting and entries are checked on the whole input, wherever they are', () => {
    const label = 'x'.repeat(POLICY_LIMITS.maxSize);
    expect(issuesOf({ statuses: [{ id: 'open', category: 'open', labels: { agent: label } }] })).toEqual([
      { path: '', code: 'tooLarge' },
    ]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < POLICY_LIMITS.maxDepth; i++) deep = { agent: deep };
    expect(issuesOf({ statuses: [{ id: 'open', category: 'open', labels: deep }] })[0]).toMatchObject({
      code: 'tooDeep',
    });
    const wide = Object.fromEntries(range(POLICY_LIMITS.maxEntries + 1).map((i) => [`k${i}`, 1]));
    expect(issuesOf({ statuses: base, initialByChannel: wide })).toEqual([
      { path: 'initialByChannel', code: 'tooMany' },
    ]);
  });

  it('refuses each hostile policy of the bench with a limit code', () => {
    for (const hostile of HOSTILE_POLICIES) {
      const issues = issuesOf(hostile.config());
      expect(issues.length, hostile.name).toBeGreaterThan(0);
      expect(
        issues.every((i) => ['tooMany', 'tooLarge', 'tooDeep'].includes(i.code)),
        `${hostile.name}: ${JSON.stringify(issues)}`,
      ).toBe(true);
    }
  });
});

describe('work is linear in the policy', () => {
  /** A leaf whose every read is counted: a reader that walks paths instead of objects reads it once per path. */
  function countedDag(depth: number, width: number): { dag: unknown; reads: () => number } {
    let count = 0;
    let node: unknown = Object.defineProperty({}, 'agent', {
      enumerable: true,
      get: () => {
        count++;
        return 'x';
      },
    });
    for (let i = 0; i < depth; i++) {
      const child = node;
      node = Object.fromEntries(range(width).map((k) => [`k${k}`, child]));
    }
    return { dag: node, reads: () => count };
  }

  it('a shared-reference DAG is read once per object, not once per path', () => {
    // 2^12 paths lead to the leaf; JSON would expand it to 4096 copies.
    const small = countedDag(12, 2);
    const result = validateWorkflow({ statuses: base, extra: small.dag });
    expect(result.ok).toBe(false);
    expect(small.reads()).toBe(1);
    // 10^14 paths: refused for its expanded size after reading each object once.
    const huge = countedDag(14, 10);
    expect(issuesOf({ statuses: base, extra: huge.dag })).toContainEqual({ path: '', code: 'tooLarge' });
    expect(huge.reads()).toBe(1);
  });

  it('reads every field of the input exactly once', () => {
    let reads = 0;
    const status = Object.defineProperty({ category: 'open' }, 'id', {
      enumerable: true,
      get: () => {
        reads++;
        return 'open';
      },
    });
    expect(validateWorkflow({ statuses: [status] }).ok).toBe(true);
    expect(reads).toBe(1);
  });

  it('the largest valid policy validates, lints and draws, the diagram one arrow per source and target', () => {
    const result = validateWorkflow(atTheLimits());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(lintWorkflow(result.workflow).length).toBeGreaterThan(0);
    const text = toMermaid(result.workflow);
    const pairs = [...text.matchAll(/^ {2}(\S+) --> (\S+)/gm)].map(([, from, to]) => `${from} ${to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const labels = [...text.matchAll(/^ {2}\S+ --> \S+ : (.*)$/gm)].map(([, label]) => label!);
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(300);
    // Linear in the policy: a bounded text per status and per distinct move.
    expect(text.length).toBeLessThan(3 * JSON.stringify(atTheLimits()).length);
  }, 60_000);

  it('a thousand identical statusChanges rules draw one hub and lint like one', () => {
    const config = {
      statuses: base,
      statusChanges: range(POLICY_LIMITS.maxPermissionRules).map(() => ({ by: 'agent', from: 'open' })),
    };
    const result = validateWorkflow(config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toMermaid(result.workflow).match(/set status by/g)).toHaveLength(1);
    const single = validateWorkflow({ ...config, statusChanges: [{ by: 'agent', from: 'open' }] });
    expect(single.ok && lintWorkflow(single.workflow)).toEqual(lintWorkflow(result.workflow));
  });
});
