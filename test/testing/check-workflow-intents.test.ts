import { defineWorkflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { applicableIntents, checkWorkflow, type Intent, type Invariant } from 'ticket-lifecycle/testing';
import { describe, expect, it } from 'vitest';
import { BROKEN } from '../verification/broken.js';

const swallowing = BROKEN.find((e) => e.id === 'reply-swallowed-in-pending')!.workflow();

describe('checkWorkflow and intents', () => {
  it('checks the applicable catalogue by default and names the broken intent, with a readable counterexample', () => {
    const report = checkWorkflow(swallowing, { seed: 1 });
    if (report.ok) throw new Error('expected a failure');
    const failure = report.failures.find((f) => f.law === 'customerMessageReachesTeam')!;
    expect(failure.kind).toBe('intent');
    expect(failure.steps[0]).toMatch(/^\+0 +ticket created by/);
    expect(failure.steps.at(-1)).toMatch(/customer reply \[pending\];.* ✗ a customer reply left the ticket in pending/);
    const last = failure.counterexample.at(-1)!;
    expect(last).toMatchObject({ from: 'pending', to: 'pending', violation: failure.message, refusal: null });
    expect(failure.scenario!.events).toHaveLength(failure.counterexample.length);
  });

  it("checks the laws only with intents: [], and a team's own intents with the catalogue", () => {
    expect(checkWorkflow(swallowing, { seed: 1, numRuns: 50, intents: [] }).ok).toBe(true);
    const mine: Intent = {
      name: 'neverPending',
      description: 'nothing waits on customers here',
      incident: 'none',
      applies: () => true,
      check: ({ after }) => (after.status === 'pending' ? 'pending' : null),
    };
    const report = checkWorkflow(swallowing, {
      seed: 1,
      numRuns: 50,
      intents: [...applicableIntents(swallowing), mine],
    });
    expect(report.ok ? [] : report.failures.map((f) => f.law)).toEqual(
      expect.arrayContaining(['customerMessageReachesTeam', 'neverPending']),
    );
  });

  it('replays one counterexample from its seed, path and name', () => {
    const first = checkWorkflow(swallowing, { seed: 4 });
    const failure = !first.ok ? first.failures.find((f) => f.law === 'customerMessageReachesTeam') : undefined;
    expect(failure?.path).toEqual(expect.any(String));
    const again = checkWorkflow(swallowing, { seed: failure!.seed, path: failure!.path!, only: [failure!.law] });
    if (again.ok) throw new Error('expected the replay to fail');
    expect(again.failures.map((f) => f.law)).toEqual(['customerMessageReachesTeam']);
    expect(again.failures[0]!.steps).toEqual(failure!.steps);
  });

  it('stops within a time budget without failing, and says how many runs each check made', () => {
    const started = Date.now();
    const report = checkWorkflow(zendesk(), { numRuns: 1_000_000, timeLimitMs: 1500, seed: 1 });
    // A million runs would take hours: ending within 30 s proves the budget stops it, with room for a loaded CI
    // machine (each check may overrun its share by one run, and vitest workers share 2 cores).
    expect(Date.now() - started).toBeLessThan(30_000);
    if (!report.ok) throw new Error(report.failures.map((f) => f.message).join('\n'));
    expect(Object.keys(report.runs)).toEqual(report.checked);
    expect(Object.values(report.runs).every((n) => n < 1_000_000)).toBe(true);
  });

  // Regression: under load the budget ran out before the last checks made a single run, and fast-check calls such a
  // run failed ("message: null", no scenario): a busy machine failed a sound policy.
  // (Whether a given check gets 0 runs depends on the machine's speed; that none fails must not.)
  it('a budget spent before some checks ran is not a failure', () => {
    const report = checkWorkflow(zendesk(), { numRuns: 1_000_000, timeLimitMs: 1, seed: 1 });
    if (!report.ok) throw new Error(report.failures.map((f) => `${f.law}: ${f.message}`).join('\n'));
    expect(Object.keys(report.runs)).toEqual(report.checked);
  });

  it('refuses options it cannot use', () => {
    const report = checkWorkflow(zendesk(), {
      timeLimitMs: 0,
      path: 'x',
      intents: [{}] as unknown as Intent[],
      only: 'total' as unknown as string[],
    });
    expect(report.ok ? [] : report.issues.map((i) => i.path).sort()).toEqual([
      'intents',
      'only',
      'path',
      'timeLimitMs',
    ]);
  });
});

describe('invariants see the whole step', () => {
  it('get the effects, the timers fired inside the step, and refusals', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
        { id: 'closed', category: 'closed' },
      ],
      close: { by: 'system', from: 'solved' },
      timers: [{ id: 'auto-close', in: 'solved', after: 'P1D', action: 'move', to: 'closed', reminders: ['PT12H'] }],
    });
    const seen = { timers: 0, refusals: 0 };
    const watch: Invariant = (_b, _e, _a, step) => {
      seen.timers += step.timers.length;
      seen.refusals += step.refusal === null ? 0 : 1;
      return true;
    };
    expect(checkWorkflow(wf, { seed: 2, numRuns: 100, intents: [], invariants: { watch } }).ok).toBe(true);
    expect(seen.timers).toBeGreaterThan(0);
    // Invariants are checked on accepted events, as they always were: refusals are seen through `step` only by intents.
    expect(seen.refusals).toBe(0);
    const noReminderAfterClose: Invariant = (_b, _e, after, step) =>
      after.status !== 'closed' || !step.timers.some((t) => t.type === 'reminderDue') || 'reminded then closed at once';
    const report = checkWorkflow(wf, { seed: 2, numRuns: 200, intents: [], invariants: { noReminderAfterClose } });
    expect(report.ok ? 'held' : report.failures[0]!.steps.at(-1)).toMatch(
      /fired inside: reminder auto-close .*timer auto-close solved → closed/,
    );
  });
});
