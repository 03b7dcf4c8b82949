// What `ticket-lifecycle diff` reports, change by change (the bin's output is tested in cli.test.ts).
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type WorkflowConfig } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { diffPolicies } from '../../src/cli/policy-diff.js';

const base: WorkflowConfig = {
  statuses: [
    { id: 'new', category: 'new' },
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  timers: [
    { id: 'nudge', in: 'waiting', after: 'P1D', action: 'remind', repeatEvery: 'P1D' },
    { id: 'close', in: 'waiting', after: 'P7D', action: 'move', to: 'closed', reminders: ['P5D'] },
  ],
};
const kinds = (after: WorkflowConfig): string[] =>
  diffPolicies(defineWorkflow(base), defineWorkflow(after)).changes.map((c) => `${c.kind}${c.breaking ? '!' : ''}`);

describe('diffPolicies', () => {
  it('finds nothing between a policy and itself, nor between equal durations spelled differently', () => {
    expect(kinds(base)).toEqual([]);
    expect(diffPolicies(zendesk(), zendesk({ closeAfter: 'PT96H' })).changes).toEqual([]);
  });

  it('reports a removed status as breaking, and an added one as not', () => {
    expect(kinds({ ...base, statuses: base.statuses.filter((s) => s.id !== 'new') })).toEqual([
      'statusRemoved!',
      'initialChanged',
    ]);
    expect(kinds({ ...base, statuses: [...base.statuses, { id: 'vendor', category: 'onHold' }] })).toEqual([
      'statusAdded',
    ]);
  });

  it('reports a changed category, and every changed duration of a timer', () => {
    const changed: WorkflowConfig = {
      statuses: base.statuses.map((s) => (s.id === 'waiting' ? { ...s, category: 'onHold' } : s)),
      timers: [
        { id: 'nudge', in: 'waiting', after: 'P1D', action: 'remind', repeatEvery: 'P2D' },
        { id: 'close', in: 'waiting', after: 'P7D', action: 'move', to: 'closed', reminders: ['P6D'] },
      ],
    };
    expect(kinds(changed)).toEqual(['categoryChanged', 'durationChanged', 'durationChanged']);
  });

  it('pairs a renamed timer by where it runs and what it does, and gives the migration mapping', () => {
    const renamed = {
      ...base,
      timers: [base.timers![0]!, { ...base.timers![1]!, id: 'auto-close' }],
    } as WorkflowConfig;
    const diff = diffPolicies(defineWorkflow(base), defineWorkflow(renamed));
    expect(diff.changes.map((c) => c.kind)).toEqual(['timerRenamed']);
    expect(diff.migration).toEqual({ statuses: {}, timers: { close: 'auto-close' } });
  });

  it('reports a timer removed with nothing like it as a harmless removal', () => {
    expect(kinds({ ...base, timers: [base.timers![1]!] })).toEqual(['timerRemoved']);
    expect(
      kinds({ ...base, timers: [...base.timers!, { id: 'extra', in: 'open', after: 'P1D', action: 'remind' }] }),
    ).toEqual(['timerAdded']);
  });
});
