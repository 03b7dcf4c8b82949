// Issue 12 with issue 13's first new rule kind: a rule's `when` is compiled once, appears in the moves table's
// conditions, and the diagram and the XState machine show it without a line of their own reading the policy.
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, movesOf, toMermaid, transition } from 'ticket-lifecycle';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { initialTransition, transition as machineTransition } from 'xstate';

const workflow = defineWorkflow({
  priorities: ['low', 'normal', 'urgent'],
  statuses: [
    { id: 'open', category: 'open', default: true },
    { id: 'escalated', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'solved', category: 'solved' },
  ],
  replies: [
    { by: 'customer', from: 'waiting', to: 'escalated', when: { priority: 'urgent', tags: { any: 'vip' } } },
    { by: 'customer', from: 'waiting', to: 'open' },
  ],
  resolve: [{ by: 'agent', when: { priority: ['low', 'normal'] } }],
});

describe('a rule with `when` in the moves table', () => {
  it('lists the move with its `when` as a condition, next to the rule tried after it', () => {
    const moves = movesOf(workflow)
      .byStatus.get('waiting')!
      .moves.filter((m) => m.event === 'reply');
    expect(moves.map((m) => [m.to, m.rule.path, m.rule.conditions.when])).toEqual([
      [
        ['escalated'],
        'replies[0]',
        { priority: ['urgent'], group: null, channel: null, tagsAny: ['vip'], tagsAll: [], tagsNone: [] },
      ],
      [['open'], 'replies[1]', null],
    ]);
    const resolve = movesOf(workflow)
      .byStatus.get('open')!
      .moves.find((m) => m.event === 'resolve')!;
    expect(resolve.rule.conditions.when?.priority).toEqual(['low', 'normal']);
  });

  it('is what the engine does: each move is made by exactly the tickets its `when` matches', () => {
    const at = 1;
    const waiting = (priority: 'low' | 'urgent', tags: string[]) => ({
      ...createTicket(workflow, { at: 0, priority, tags }),
      status: 'waiting' as const,
    });
    const reply = { type: 'reply', by: 'customer', at } as const;
    expect(transition(workflow, waiting('urgent', ['vip']), reply).ticket.status).toBe('escalated');
    expect(transition(workflow, waiting('urgent', []), reply).ticket.status).toBe('open');
    expect(transition(workflow, waiting('low', ['vip']), reply).ticket.status).toBe('open');
    const open = (priority: 'low' | 'urgent') => createTicket(workflow, { at: 0, priority });
    expect(transition(workflow, { ...open('low'), status: 'open' }, { type: 'resolve', by: 'agent', at }).ok).toBe(
      true,
    );
    expect(transition(workflow, { ...open('urgent'), status: 'open' }, { type: 'resolve', by: 'agent', at }).ok).toBe(
      false,
    );
  });

  it('labels the diagram edges with the `when`', () => {
    const diagram = toMermaid(workflow);
    expect(diagram).toContain('waiting --> escalated : customer reply [when priority urgent, tags vip]');
    expect(diagram).toContain('waiting --> open : customer reply');
    expect(diagram).toContain('open --> solved : resolve by agent [when priority low|normal]');
  });

  it("shows the `when` in the machine's guard params, and the machine honours it", () => {
    const machine = createTicketMachine(workflow);
    const transitions = [...machine.root.states.waiting!.transitions.values()].flat();
    const toEscalated = transitions.find((t) => t.eventType === 'reply' && t.target?.[0]?.key === 'escalated')!;
    expect((toEscalated.guard as { params: unknown }).params).toEqual({
      to: 'escalated',
      when: [{ priority: ['urgent'], group: null, channel: null, tagsAny: ['vip'], tagsAll: [], tagsNone: [] }],
    });
    const toOpen = transitions.find((t) => t.eventType === 'reply' && t.target?.[0]?.key === 'open')!;
    expect((toOpen.guard as { params: unknown }).params).toEqual({ to: 'open' });

    const ticket = createTicket(workflow, { at: 0, priority: 'urgent' });
    const [fresh] = initialTransition(machine, { ticket });
    const reply = { type: 'reply', by: 'customer', at: 1 } as const;
    const landsIn = (tags: string[]) => {
      const waiting = machine.resolveState({
        value: 'waiting',
        context: { ticket: { ...fresh.context.ticket, status: 'waiting', tags } },
      });
      return machineTransition(machine, waiting, reply)[0].value;
    };
    expect(landsIn(['vip'])).toBe('escalated');
    expect(landsIn([])).toBe('open');
  });
});
