// Issue 12: the moves table is exact for first-match reply chains. A reply candidate is listed only where some
// ticket matches its `when` and no earlier candidate's; each case checks the table against the engine.
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, movesOf, transition, type Workflow } from 'ticket-lifecycle';

const statuses = [
  { id: 'open', category: 'open', default: true },
  { id: 'waiting', category: 'pending' },
  { id: 'a', category: 'open' },
  { id: 'b', category: 'open' },
  { id: 'c', category: 'open' },
] as const;

const replyTargets = (workflow: Workflow): string[] =>
  movesOf(workflow)
    .byStatus.get('waiting')!
    .moves.filter((m) => m.event === 'reply' && m.by.includes('customer'))
    .map((m) => m.to[0]!);

const replyFrom = (workflow: Workflow, attributes: Record<string, unknown>): string =>
  transition(
    workflow,
    { ...createTicket(workflow, { at: 0, ...attributes }), status: 'waiting' },
    { type: 'reply', by: 'customer', at: 1 },
  ).ticket.status;

describe('reply chains with `when` in the moves table', () => {
  it('leaves out a candidate an earlier one shadows by itself', () => {
    const wf = defineWorkflow({
      priorities: ['low', 'urgent'],
      statuses: [...statuses],
      replies: [
        { by: 'customer', from: 'waiting', to: 'a', when: { priority: ['urgent', 'low'] } },
        { by: 'customer', from: 'waiting', to: 'b', when: { priority: 'urgent' } },
        { by: 'customer', from: 'waiting', to: 'c' },
      ],
    });
    // Priority none is left for the last rule; `b` can never be reached.
    expect(replyTargets(wf)).toEqual(['a', 'c']);
    expect(replyFrom(wf, { priority: 'urgent' })).toBe('a');
    expect(replyFrom(wf, {})).toBe('c');
  });

  it('leaves out a candidate two earlier ones shadow together (tags: any vip, then none vip)', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      replies: [
        { by: 'customer', from: 'waiting', to: 'a', when: { tags: { any: 'vip' } } },
        { by: 'customer', from: 'waiting', to: 'b', when: { tags: { none: 'vip' } } },
        { by: 'customer', from: 'waiting', to: 'c' },
      ],
    });
    expect(replyTargets(wf)).toEqual(['a', 'b']);
    expect(replyFrom(wf, { tags: ['vip'] })).toBe('a');
    expect(replyFrom(wf, { tags: [] })).toBe('b');
  });

  it('keeps the fallback when a value no rule names escapes them (a channel is any short name)', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      replies: [
        { by: 'customer', from: 'waiting', to: 'a', when: { channel: ['chat', 'email', null] } },
        { by: 'customer', from: 'waiting', to: 'c' },
      ],
    });
    expect(replyTargets(wf)).toEqual(['a', 'c']);
    expect(replyFrom(wf, { channel: 'web' })).toBe('c');
  });

  it('drops the fallback when the declared groups (and none) are all taken first', () => {
    const wf = defineWorkflow({
      groups: ['tier-1', 'tier-2'],
      statuses: [...statuses],
      replies: [
        { by: 'customer', from: 'waiting', to: 'a', when: { group: ['tier-1', null] } },
        { by: 'customer', from: 'waiting', to: 'b', when: { group: 'tier-2' } },
        { by: 'customer', from: 'waiting', to: 'c' },
      ],
    });
    expect(replyTargets(wf)).toEqual(['a', 'b']);
    expect(replyFrom(wf, { group: 'tier-2' })).toBe('b');
  });

  it('stays bounded on a chain of 1000 rules with `when`s (the search has a budget; it over-approximates past it)', () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    const wf = defineWorkflow({
      statuses: [...statuses],
      replies: tags.map((t) => ({ by: 'customer' as const, to: 'a' as const, when: { tags: { any: t } } })),
    });
    const started = performance.now();
    const targets = replyTargets(wf);
    const took = performance.now() - started;
    // Every rule is reached (by a ticket with its tag and none of the earlier ones'), each a move of its own.
    expect(targets).toEqual(tags.map(() => 'a'));
    expect(took).toBeLessThan(5000);
  });
});
