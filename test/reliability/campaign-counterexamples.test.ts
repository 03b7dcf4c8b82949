// Counterexamples the CI fuzz campaign found (round 5: the property tests run many times with random seeds and
// ten times the CI numRuns), kept as fixed cases: each failed once on a random seed, and must never come back.
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  transition,
  WorkflowError,
  type WorkflowConfig,
} from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { LAWS, type LawName, type Scenario } from 'ticket-lifecycle/testing';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/**
 * `timersOnTime`, fast-check seed 1273238191 (test/engine/laws.property.test.ts, random policies, before F1): two
 * repeating reminders of one status set the assignee to different values, so each repetition undid the other; the
 * catch-up of such a flip-flop reported a reminder due a day before the ticket's last update.
 */
const flipFlop = (t0: { repeatEvery?: number }): WorkflowConfig => ({
  statuses: [
    { id: 'new_0', category: 'new' },
    { id: 'open_0', category: 'open' },
    { id: 'pending_0', category: 'pending' },
    { id: 'solved_0', category: 'solved' },
  ],
  timers: [
    {
      id: 't0',
      in: ['new_0', 'solved_0'],
      since: ['created'],
      after: MINUTE,
      set: { assignee: null },
      action: 'remind',
      ...t0,
    },
    {
      id: 't1',
      in: ['new_0', 'pending_0'],
      since: ['created'],
      after: MINUTE,
      set: { assignee: 'ana' },
      action: 'remind',
      repeatEvery: MINUTE,
    },
    { id: 't2', in: ['new_0'], since: ['lastCustomerMessage'], after: MINUTE, action: 'remind' },
    { id: 't3', in: ['pending_0'], since: ['lastActivity'], after: MINUTE, action: 'remind' },
  ],
  priorities: ['low', 'normal', 'urgent'],
});
const aDayLater: Scenario = {
  start: START,
  by: 'customer',
  events: [{ type: 'note', by: 'customer', at: START + DAY + MINUTE }],
};

/** The last instant a `Date` holds: the engine refuses any time beyond it. */
const MAX_TIME = 8.64e15;

/**
 * `ticksCompose`, fuzz14 seeds 1001, 1003, 1005 (random policies and presets, starts near +8.64e15): the law ticked
 * three days after an event two days before the end of the range, a tick the engine refuses (`invalidEvent`), and
 * compared that refusal with an accepted earlier tick: a false alarm on a policy that keeps every law.
 */
const remindsAfterAMinute = (): WorkflowConfig => ({
  statuses: [{ id: 'open', category: 'open' }],
  timers: [{ id: 'nudge', in: 'open', after: MINUTE, action: 'remind' }],
});
const nearTheEnd: Scenario = {
  start: MAX_TIME - 2 * DAY,
  by: 'customer',
  events: [{ type: 'note', by: 'agent', at: MAX_TIME - 2 * DAY + 2 * MINUTE }],
};

/**
 * `sweeperIndependence`, fuzz14 seed 2001 (chatwoot with an SLA, a start near +8.64e15): the last event came after
 * the end of the range and was refused; the law settled both tickets with a tick at that time, refused too, so the
 * ticket that had met a tick midway (its SLA breach announced) was compared with one that had not.
 */
const firstReplyInAMinute: WorkflowConfig = {
  statuses: [{ id: 'open', category: 'open' }],
  sla: [{ id: 'standard', targets: { firstReply: 'PT1M' } }],
};

/**
 * `evaluateMatchesTick`, fuzz14 seeds 2002, 2005 and eight more (random policies and presets, starts near the end of
 * the range): asked about a time past the end, `evaluateAutoClose` echoed a closed ticket's status with `close:
 * false`, where `close` says exactly whether that status is a closed one.
 */
const closable: WorkflowConfig = {
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'closed', category: 'closed' },
  ],
};

describe('counterexamples found by the fuzz campaign', () => {
  it('timersOnTime (seed 1273238191): repeating reminders that undo each other are refused, naming both', () => {
    let error: unknown = null;
    try {
      defineWorkflow(flipFlop({ repeatEvery: DAY }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).issues).toEqual([
      expect.objectContaining({
        path: 'timers[1].set',
        code: 'conflictingSet',
        message: expect.stringContaining('"t0" and "t1"'),
      }),
    ]);
  });

  it('timersOnTime (seed 1273238191): with one of them firing once, every law holds on the same day', () => {
    const workflow = defineWorkflow(flipFlop({}));
    for (const law of Object.keys(LAWS) as LawName[])
      expect([law, LAWS[law](workflow, aDayLater)]).toEqual([law, null]);
  });

  it('ticksCompose (fuzz14, seed 1001): holds two days before the end of the Date range', () => {
    const workflow = defineWorkflow(remindsAfterAMinute());
    expect(LAWS.ticksCompose(workflow, nearTheEnd)).toBeNull();
  });

  it('ticksCompose (fuzz14): an event past the end of the range is refused, and the law holds', () => {
    const workflow = defineWorkflow(remindsAfterAMinute());
    const beyond: Scenario = { ...nearTheEnd, events: [{ type: 'note', by: 'agent', at: MAX_TIME + MINUTE }] };
    expect(LAWS.ticksCompose(workflow, beyond)).toBeNull();
  });

  it('sweeperIndependence (fuzz14, seed 2001): an event past the end of the range is compared at the end', () => {
    const workflow = defineWorkflow(firstReplyInAMinute);
    const beyond: Scenario = {
      start: MAX_TIME - 2 * DAY,
      by: 'customer',
      events: [{ type: 'reply', by: 'customer', at: MAX_TIME + MINUTE }],
    };
    expect(LAWS.sweeperIndependence(workflow, beyond)).toBeNull();
  });

  it('evaluateMatchesTick (fuzz14, seed 2002): a closed ticket asked about a time past the range is still closed', () => {
    const workflow = defineWorkflow(closable);
    const closedThenTooLate: Scenario = {
      start: MAX_TIME - DAY,
      by: 'customer',
      events: [
        { type: 'close', by: 'agent', at: MAX_TIME - DAY + MINUTE },
        { type: 'note', by: 'agent', at: MAX_TIME + MINUTE },
      ],
    };
    expect(LAWS.evaluateMatchesTick(workflow, closedThenTooLate)).toBeNull();
    const closed = transition(workflow, createTicket(workflow, { at: 0 }), { type: 'close', by: 'agent', at: 1 });
    for (const now of [MAX_TIME + 1, Number.NaN, 1.5])
      expect(evaluateAutoClose(workflow, closed.ticket, now)).toEqual({
        due: [],
        status: 'closed',
        close: true,
        nextCheckAt: null,
      });
  });

  // fuzz14 seed 5049 (zendesk with SLAs per priority): a clock met under no policy, then given a tighter target by
  // a change of priority (met clocks announce nothing then), was reopened past that target into a status that pauses
  // it: slaStatus said `breached`, and no `slaBreached` ever came while it stayed paused.
  it('slaStatusMatchesTick (fuzz14, seed 5049): a reopened clock already past its target is breached at once', () => {
    const workflow = zendesk({ requesterCanSolve: true, sla: { byPriority: { normal: { agentWork: 'PT1S' } } } });
    const reopened: Scenario = {
      start: START,
      by: 'customer',
      events: [
        { at: START + MINUTE, type: 'reply', by: 'agent', status: 'solved', actorId: 'ana' },
        { at: START + MINUTE, type: 'update', by: 'agent', priority: 'normal' },
        { at: START + 2 * MINUTE, type: 'reopen', by: 'agent', to: 'pending' },
        { at: START + 2 * MINUTE, type: 'tick' },
      ],
    };
    expect(LAWS.slaStatusMatchesTick(workflow, reopened)).toBeNull();
    let ticket = createTicket(workflow, { at: START, by: 'customer' });
    for (const event of reopened.events.slice(0, 2)) ticket = transition(workflow, ticket, event as never).ticket;
    const reopen = transition(workflow, ticket, reopened.events[2] as never);
    expect(reopen.ok && reopen.effects.filter((e) => e.type.startsWith('sla'))).toEqual([
      {
        type: 'slaBreached',
        policy: 'zendesk-normal',
        metric: 'agentWork',
        dueAt: START + 2 * MINUTE,
        at: START + 2 * MINUTE,
      },
    ]);
  });
});
