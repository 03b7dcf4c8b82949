import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, transition, validateWorkflow } from 'ticket-lifecycle';
import { liveAgent } from 'ticket-lifecycle/presets';
import {
  ARBITRARY_GUARDS,
  arbitraryEvent,
  arbitraryEvents,
  arbitraryTicket,
  arbitraryWorkflow,
  arbitraryWorkflowConfig,
  checkWorkflow,
} from 'ticket-lifecycle/testing';

describe('arbitraryWorkflowConfig / arbitraryWorkflow', () => {
  it('yields only valid policies', () => {
    fc.assert(
      fc.property(arbitraryWorkflowConfig(), (config) => validateWorkflow(config, { guards: ARBITRARY_GUARDS }).ok),
    );
  });

  it('covers every category, reply action, timer kind and guard over a sample', () => {
    const sample = fc.sample(arbitraryWorkflow(), { numRuns: 300, seed: 1 });
    const categories = new Set(sample.flatMap((wf) => wf.statuses.map((s) => s.category)));
    expect([...categories].sort()).toEqual([...CATEGORIES].sort());
    const actions = new Set(sample.flatMap((wf) => (wf.config.replies ?? []).map((r) => r.action ?? 'move')));
    expect([...actions].sort()).toEqual(['followUp', 'move', 'reject', 'reopen', 'stay']);
    const timers = sample.flatMap((wf) => wf.config.timers ?? []);
    expect(timers.some((t) => t.action === 'remind' && t.repeatEvery !== undefined)).toBe(true);
    expect(timers.some((t) => t.action === 'move' && (t.reminders?.length ?? 0) > 0)).toBe(true);
    expect(timers.some((t) => t.since === 'until')).toBe(true);
    expect(timers.some((t) => t.skipWhileCustomerWaits === true)).toBe(true);
    expect(sample.some((wf) => JSON.stringify(wf.config).includes('"guards":["assigned"]'))).toBe(true);
  });
});

describe('event arbitraries', () => {
  const wf = liveAgent();

  it('sequences have non-decreasing times, also after shrinking', () => {
    const ordered = (events: readonly { at: number }[]) => events.every((e, i) => i === 0 || e.at >= events[i - 1]!.at);
    fc.assert(fc.property(arbitraryEvents(wf, { maxLength: 30 }), (events) => ordered(events)));
    // Shrinking keeps the order: a property that fails on any 3+ event sequence shrinks to an ordered one.
    const details = fc.check(
      fc.property(arbitraryEvents(wf), (events) => events.length < 3),
      { seed: 3 },
    );
    expect(details.failed).toBe(true);
    expect(ordered(details.counterexample![0])).toBe(true);
    expect(details.counterexample![0]).toHaveLength(3);
  });

  it('single events use the workflow’s status ids and real actors', () => {
    const ids = new Set(wf.statuses.map((s) => s.id));
    fc.assert(
      fc.property(arbitraryEvent(wf), (event) => {
        if (event.type === 'setStatus') expect(ids.has(event.to)).toBe(true);
        if (event.type !== 'tick') expect(['customer', 'agent', 'system']).toContain(event.by);
      }),
    );
  });

  it('tickets are reached by real events, so the engine accepts them', () => {
    fc.assert(
      fc.property(arbitraryTicket(wf), (ticket) => transition(wf, ticket, { type: 'tick', at: ticket.updatedAt }).ok),
    );
  });
});

describe('checkWorkflow', () => {
  it('reports the team’s invariant by name, with the seed that replays it', () => {
    const report = checkWorkflow(liveAgent(), {
      numRuns: 100,
      seed: 5,
      invariants: { neverAnswered: (_b, _e, after) => after.status !== 'answered' || 'reached answered' },
    });
    if (report.ok) throw new Error('expected the invariant to break');
    expect(report.issues).toEqual([]);
    expect(report.failures.map((f) => f.law)).toEqual(['neverAnswered']);
    expect(report.failures[0]).toMatchObject({ message: expect.stringContaining('reached answered'), seed: 5 });
    expect(report.failures[0]!.steps.at(-1)).toMatch(/(agent|system) reply/);
  });
});
