// Lint knows the attributes of issue 13: a `when` that can never match, a calendar never used, a priority nobody sets.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, lintWorkflow } from 'ticket-lifecycle';

const statuses = [
  { id: 'open', category: 'open' },
  { id: 'closed', category: 'closed' },
] as const;
const found = (wf: Parameters<typeof lintWorkflow>[0], code: string) =>
  lintWorkflow(wf)
    .filter((f) => f.code === code)
    .map((f) => [f.path, f.severity]);

describe('lint of attributes', () => {
  it('whenNeverMatches: a tag required and excluded, or every any-tag excluded', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      close: [{ by: 'agent', when: { tags: { all: 'vip', none: ['vip', 'spam'] } } }, { by: 'system' }],
      timers: [{ id: 't', in: 'open', after: 'P1D', action: 'remind', when: { tags: { any: 'a', none: 'a' } } }],
      replies: [{ by: 'agent', when: { tags: { any: ['a', 'b'], none: 'a' } } }],
    });
    expect(found(wf, 'whenNeverMatches')).toEqual([
      ['close[0].when', 'warning'],
      ['timers[0].when', 'warning'],
    ]);
  });

  it('unusedCalendar: declared, counted in by no timer', () => {
    const week = { mon: [['09:00', '17:00']] as const };
    const wf = defineWorkflow({
      statuses: [...statuses],
      calendars: { used: { timeZone: 'UTC', week }, spare: { timeZone: 'UTC', week } },
      timers: [{ id: 't', in: 'open', after: 'PT1H', action: 'remind', calendar: 'used' }],
    });
    expect(found(wf, 'unusedCalendar')).toEqual([['calendars.spare', 'warning']]);
  });

  it('priorityNeverSet: awaited by a when, but nobody may update and no timer sets it', () => {
    const config = {
      statuses: [...statuses],
      priorities: ['low', 'urgent', 'high'],
      close: { by: 'agent', when: { priority: ['urgent', 'high'] } },
      timers: [{ id: 'up', in: 'open', after: 'PT1H', action: 'remind', set: { priority: 'high' } }],
    } as const;
    expect(found(defineWorkflow({ ...config, update: [] }), 'priorityNeverSet')).toEqual([['close.when', 'warning']]);
    // With the default update rules agents can set any priority: nothing to report.
    expect(found(defineWorkflow(config), 'priorityNeverSet')).toEqual([]);
  });

  it('the presets stay clean of these', () => {
    expect(found(defineWorkflow({ statuses: [...statuses] }), 'unusedCalendar')).toEqual([]);
  });
});
