import { describe, expect, it } from 'vitest';
import { defineWorkflow, type WorkflowConfig } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { exploreWorkflow, type Intent } from 'ticket-lifecycle/testing';

/** Two statuses, agents close: the smallest policy with a move. */
const TWO: WorkflowConfig = {
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'closed', category: 'closed' },
  ],
};

/**
 * A pending status an agent may set without replying, and a timer that closes it: a customer-created ticket set
 * to "waiting" still waits for an answer when the timer closes it. The shortest way there is two events.
 */
const SILENT_CLOSE: WorkflowConfig = {
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', from: 'open', to: 'waiting' },
    { by: 'customer', from: 'waiting', to: 'open' },
  ],
  timers: [{ id: 'auto-close', in: 'waiting', after: 'P3D', action: 'move', to: 'closed' }],
};

/** A team's own intent: no timer closes a ticket whose customer waits for an answer. */
const noCloseWhileWaiting: Intent = {
  name: 'noCloseWhileWaiting',
  description: 'no timer closes a ticket while the customer waits for an answer',
  incident: 'a question closed unanswered',
  applies: () => true,
  check: ({ before, timers }) =>
    before.awaiting === 'team' && timers.some((t) => t.type === 'timerFired' && t.to === 'closed')
      ? `timer closed "${before.status}" while the customer waited`
      : null,
};

describe('exploreWorkflow: exact counts on a handmade policy', () => {
  // Two starts (customer, agent) × two moments (now, much later: no deadline, no window) × one letter (agent
  // closes) give four closed tickets: closing now keeps every time at 0 from now, closing much later makes them
  // all "long ago", and the customer-created ones differ in `awaiting` and `lastCustomerMessageAt`. Closing a
  // closed ticket changes nothing. 2 + 4 states; 2·2 + 4·2 transitions at depth 2.
  const options = { events: ['close'], actors: ['agent'], intents: [] } as const;

  it('depth 2: 6 states, 12 transitions, the whole state space', () => {
    const result = exploreWorkflow(defineWorkflow(TWO), { ...options, depth: 2 });
    expect(result.outcome).toBe('holds');
    if (result.outcome !== 'holds') return;
    expect(result.stats).toMatchObject({ depth: 2, states: 6, transitions: 12 });
    expect(result.model.complete).toBe(true);
    expect(result.model.everyTicketCanClose).toBe(true);
    expect(result.summary).toBe('all sequences up to depth 2 hold: 6 states, 12 transitions (the whole state space)');
  });

  it('depth 1: the same 6 states, 4 transitions, not the whole space yet', () => {
    const result = exploreWorkflow(defineWorkflow(TWO), { ...options, depth: 1 });
    expect(result.outcome === 'holds' && result.stats).toMatchObject({ depth: 1, states: 6, transitions: 4 });
    expect(result.outcome === 'holds' && result.model.complete).toBe(false);
  });

  it('depth 0: only the starts', () => {
    const result = exploreWorkflow(defineWorkflow(TWO), { ...options, depth: 0 });
    expect(result.outcome === 'holds' && result.stats).toMatchObject({ states: 2, transitions: 0 });
  });

  it('a deadline adds its three moments: 5 moments, 1 letter, 2 starts', () => {
    const wf = defineWorkflow({
      ...TWO,
      timers: [{ id: 'nudge', in: 'open', after: 'P1D', action: 'remind' }],
    });
    const result = exploreWorkflow(wf, { events: ['tick'], intents: [], depth: 1 });
    // now, 1 ms before, at, 1 ms after the reminder, much later: each start ticks at each of them.
    expect(result.outcome === 'holds' && result.stats.transitions).toBe(2 * 5);
  });
});

describe('exploreWorkflow: the shortest counterexample', () => {
  const wf = defineWorkflow(SILENT_CLOSE);

  it('holds at depth 1: no single event breaks the intent', () => {
    const result = exploreWorkflow(wf, { depth: 1, intents: [noCloseWhileWaiting] });
    expect(result.outcome).toBe('holds');
  });

  it('finds the two-event sequence at any depth from 2, with its offsets, timers and message', () => {
    for (const depth of [2, 4]) {
      const result = exploreWorkflow(wf, { depth, intents: [noCloseWhileWaiting] });
      expect(result.outcome).toBe('violated');
      if (result.outcome !== 'violated') return;
      const { counterexample: c } = result;
      expect(c.intent).toBe('noCloseWhileWaiting');
      expect(c.message).toBe('timer closed "waiting" while the customer waited');
      expect(c.steps).toHaveLength(2);
      expect(c.start.by).toBe('customer');
      expect(c.steps[0]!.event).toMatchObject({ type: 'setStatus', to: 'waiting' });
      expect(c.steps[1]!.timers).toEqual([expect.objectContaining({ type: 'timerFired', timer: 'auto-close' })]);
      expect(c.steps[1]!.offset).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(c.lines[2]).toContain('fired inside: timer auto-close waiting → closed');
      expect(c.lines[2]).toContain('✗ timer closed "waiting" while the customer waited');
      expect(c.steps[1]!.label).toMatch(/deadline/);
      expect(result.stats.depth).toBe(1);
    }
  });

  it('a counterexample replays: the same events from the same start break the intent at the last step', async () => {
    const { createTicket, transition } = await import('ticket-lifecycle');
    const { checkStep, intentStep } = await import('ticket-lifecycle/testing');
    const result = exploreWorkflow(wf, { depth: 3, intents: [noCloseWhileWaiting] });
    if (result.outcome !== 'violated') throw new Error('expected a violation');
    let ticket = createTicket(wf, result.counterexample.start);
    const verdicts = result.counterexample.steps.map(({ event }) => {
      const step = intentStep(wf, ticket, event, transition(wf, ticket, event));
      ticket = step.after;
      return checkStep([noCloseWhileWaiting], step)?.intent ?? null;
    });
    expect(verdicts).toEqual([null, 'noCloseWhileWaiting']);
  });

  it('the exact abstraction gives the same verdict and length', () => {
    const result = exploreWorkflow(wf, { depth: 3, intents: [noCloseWhileWaiting], abstraction: 'exact' });
    expect(result.outcome === 'violated' && result.counterexample.steps.length).toBe(2);
  });
});

describe('exploreWorkflow: reachability and liveness', () => {
  // "stuck" can be entered but never left (no rule moves out of it, nothing to resolve or snooze to), and no
  // rule leads to "spare" (closed tickets are not reopened).
  const STUCK: WorkflowConfig = {
    statuses: [
      { id: 'new', category: 'new' },
      { id: 'spare', category: 'open' },
      { id: 'stuck', category: 'onHold' },
      { id: 'closed', category: 'closed' },
    ],
    statusChanges: [{ by: 'agent', from: 'new', to: 'stuck' }],
    close: { by: 'agent', from: 'new' },
    reopen: { by: 'agent', from: 'spare' },
  };

  it('finds the unreachable status, the dead end and the status that cannot close, each with its path', () => {
    const result = exploreWorkflow(defineWorkflow(STUCK), { depth: 3, intents: [] });
    expect(result.outcome).toBe('holds');
    if (result.outcome !== 'holds') return;
    expect(result.ok).toBe(false);
    expect(result.model.unreachable).toEqual(['spare']);
    expect(result.model.deadEnds.map((d) => d.status)).toEqual(['stuck']);
    expect(result.model.cannotClose.map((d) => d.status)).toEqual(['stuck']);
    expect(result.model.everyTicketCanClose).toBe(false);
    expect(result.model.deadEnds[0]!.steps.map((s) => s.event.type)).toEqual(['setStatus']);
    expect(result.summary).toContain('dead end in "stuck"');
  });

  it('proves a dead end even when its region is deeper than the depth', () => {
    const result = exploreWorkflow(defineWorkflow(STUCK), { depth: 1, intents: [] });
    expect(result.outcome === 'holds' && result.model.deadEnds.map((d) => d.status)).toEqual(['stuck']);
  });

  it('a status that can move but never close: not a dead end, still cannot close', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'a', category: 'onHold' },
        { id: 'b', category: 'onHold', default: true },
        { id: 'closed', category: 'closed' },
      ],
      statusChanges: [
        { by: 'agent', from: 'open', to: 'a' },
        { by: 'agent', from: 'a', to: 'b' },
        { by: 'agent', from: 'b', to: 'a' },
      ],
      close: { by: 'agent', from: 'open' },
    });
    const result = exploreWorkflow(wf, { depth: 2, intents: [] });
    if (result.outcome === 'invalid') throw new Error('unexpected');
    expect(result.model.deadEnds).toEqual([]);
    expect(result.model.cannotClose.map((d) => d.status).sort()).toEqual(['a', 'b']);
  });

  it('every preset-like policy can close: zendesk at depth 2', () => {
    // The whole space is needed, so no wall-clock budget that a loaded machine could run out (the default is 10 s);
    // vitest's test timeout still guards a hang.
    const result = exploreWorkflow(zendesk(), { depth: 2, intents: [], timeLimitMs: 86_400_000 });
    expect(result.outcome === 'holds' && result.model).toMatchObject({
      unreachable: [],
      deadEnds: [],
      cannotClose: [],
      everyTicketCanClose: true,
    });
  });
});

describe('exploreWorkflow is bounded', () => {
  it('stops at maxStates with incomplete, never a hang', () => {
    const result = exploreWorkflow(zendesk(), { depth: 50, maxStates: 300, intents: [] });
    expect(result.outcome).toBe('incomplete');
    if (result.outcome !== 'incomplete') return;
    expect(result.reason).toBe('maxStates');
    expect(result.stats.states).toBeLessThanOrEqual(301);
    expect(result.summary).toMatch(/^stopped by maxStates after/);
  });

  it('stops at timeLimitMs with incomplete', () => {
    const began = Date.now();
    const result = exploreWorkflow(zendesk(), { depth: 50, timeLimitMs: 50, intents: [] });
    expect(result.outcome === 'incomplete' && result.reason).toBe('timeLimit');
    // Depth 50 would not end in hours: 30 s proves the 50 ms budget stopped it, with room for a loaded CI machine.
    expect(Date.now() - began).toBeLessThan(30_000);
  });

  it('refuses wrong options with their paths, and never throws', () => {
    const wf = defineWorkflow(TWO);
    const result = exploreWorkflow(wf, {
      depth: -1,
      maxStates: 0,
      events: ['dance'],
      horizon: 'soon',
    } as never);
    expect(result.outcome === 'invalid' && result.issues.map((i) => i.path)).toEqual([
      'depth',
      'maxStates',
      'events',
      'horizon',
    ]);
    expect(exploreWorkflow(wf, { intents: 'all' } as never).outcome).toBe('invalid');
    expect(exploreWorkflow(wf, null as never).outcome).toBe('invalid');
    expect(exploreWorkflow({} as never).outcome).toBe('invalid');
  });

  it('an intent that throws is a violation, not a crash', () => {
    const throws: Intent = {
      ...noCloseWhileWaiting,
      name: 'throws',
      check: () => {
        throw new Error('boom');
      },
    };
    const result = exploreWorkflow(defineWorkflow(TWO), { depth: 1, intents: [throws] });
    expect(result.outcome === 'violated' && result.counterexample.steps).toHaveLength(1);
  });
});

describe('exploreWorkflow: attribute updates', () => {
  /** SILENT_CLOSE whose auto-close only runs on low-priority tickets: tickets start without a priority. */
  const LOW_CLOSE: WorkflowConfig = {
    ...SILENT_CLOSE,
    priorities: ['low', 'normal', 'high'],
    timers: [
      { id: 'auto-close', in: 'waiting', after: 'P3D', action: 'move', to: 'closed', when: { priority: 'low' } },
    ],
  };

  it('tries an update for each value a when tells apart, and finds the counterexample that needs one', () => {
    const wf = defineWorkflow(LOW_CLOSE);
    const withoutUpdates = exploreWorkflow(wf, {
      depth: 3,
      intents: [noCloseWhileWaiting],
      events: ['tick', 'reply', 'setStatus'],
    });
    expect(withoutUpdates.outcome).toBe('holds');
    const result = exploreWorkflow(wf, { depth: 3, intents: [noCloseWhileWaiting] });
    expect(result.outcome).toBe('violated');
    if (result.outcome !== 'violated') return;
    const steps = result.counterexample.steps;
    expect(steps).toHaveLength(3);
    expect(steps.map((s) => s.event.type)).toEqual(expect.arrayContaining(['setStatus', 'update']));
    expect(steps.find((s) => s.event.type === 'update')!.event).toMatchObject({ priority: 'low' });
  });

  it('the letters: the priority a when names, one it does not, and none; per actor', () => {
    // depth 1 from the two starts at the start moments: each letter once per start and moment.
    const letters = (config: WorkflowConfig): number => {
      const result = exploreWorkflow(defineWorkflow(config), {
        depth: 1,
        intents: [],
        events: ['update'],
        actors: ['agent'],
      });
      return result.outcome === 'holds' ? result.stats.transitions : -1;
    };
    const unread = letters({ ...LOW_CLOSE, timers: [] });
    expect(unread).toBe(0); // no when reads an attribute: no update letter at all
    const priority = letters(LOW_CLOSE);
    expect(priority % 3).toBe(0); // "low", "normal" (named nowhere), no priority
    const tagged: WorkflowConfig = {
      ...LOW_CLOSE,
      timers: [
        {
          id: 'auto-close',
          in: 'waiting',
          after: 'P3D',
          action: 'move',
          to: 'closed',
          when: { priority: 'low', group: 'billing', tags: { any: ['vip', 'b2b'] } },
        },
      ],
    };
    // 3 priorities + 3 groups ("billing", one named nowhere, none) + 4 tag lists (each, both, none) = 10 letters.
    expect(letters(tagged)).toBe((priority / 3) * 10);
  });
});

describe('exploreWorkflow does not depend on what ran before it', () => {
  // Before round 10, everyTicketCanClose cached "cannot close" for a ticket shape seen at the end of the Date range
  // (where a tick is refused) and then reported it for the same workflow at ordinary times: the verdict depended on
  // which exploration (or checkWorkflow scenario) ran first in the process.
  it('an exploration at the end of the Date range leaves the next one at its start unchanged', () => {
    const options = { depth: 2, start: -8.64e15 };
    const alone = exploreWorkflow(zendesk(), options);
    const workflow = zendesk();
    exploreWorkflow(workflow, { depth: 2, start: 8.64e15 });
    const after = exploreWorkflow(workflow, options);
    expect(alone.outcome).toBe('holds');
    expect([after.outcome, after.ok]).toEqual([alone.outcome, alone.ok]);
  });
});
