// The lint kinds of issue 16 (item 5): each with a policy that triggers it and the closest one that does not.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, lintWorkflow, type LintCode, type WorkflowConfig } from 'ticket-lifecycle';

/** Open, waiting (pending), snoozed, solved, closed; solving waits for the team's answer. No finding. */
const SOUND: WorkflowConfig = {
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending', default: true, labels: { agent: 'Waiting for customer' } },
    { id: 'snoozed', category: 'snoozed' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  replies: [
    { by: 'agent', from: 'open', to: 'waiting' },
    { by: 'customer', from: ['waiting', 'solved', 'closed'], action: 'reopen' },
  ],
  resolve: { by: ['agent', 'system'], notWhileCustomerWaits: true },
  close: { by: ['customer', 'system'], fromCategory: 'solved' },
  timers: [
    { id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' },
    { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open' },
  ],
};

function found(config: WorkflowConfig, code: LintCode) {
  return lintWorkflow(defineWorkflow(config))
    .filter((f) => f.code === code)
    .map(({ severity, statuses, path }) => ({ severity, statuses, path }));
}

const withTimers = (...timers: NonNullable<WorkflowConfig['timers']>): WorkflowConfig => ({ ...SOUND, timers });

it('the sound policy has no finding at all', () => {
  expect(lintWorkflow(defineWorkflow(SOUND))).toEqual([]);
});

describe('suspiciousDuration', () => {
  it('a four-hour auto-close of solved tickets', () => {
    const config = withTimers(
      { id: 'auto-close', in: 'solved', after: 'PT4H', action: 'move', to: 'closed' },
      SOUND.timers![1]!,
    );
    expect(found(config, 'suspiciousDuration')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'timers[0].after' },
    ]);
  });

  it('a one-hour auto-solve of pending tickets', () => {
    const config = withTimers(SOUND.timers![0]!, SOUND.timers![1]!, {
      id: 'auto-solve',
      in: 'waiting',
      after: 'PT1H',
      action: 'move',
      to: 'solved',
    });
    expect(found(config, 'suspiciousDuration').map((f) => f.path)).toEqual(['timers[2].after']);
  });

  it('quiet: a day or more, a short auto-solve of open chats, a wake-up at a chosen time', () => {
    const config = withTimers(
      { id: 'auto-close', in: 'solved', after: 'P1D', action: 'move', to: 'closed' },
      { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open' },
      { id: 'idle-chat', in: 'open', after: 'PT1H', action: 'move', to: 'solved' },
    );
    expect(found(config, 'suspiciousDuration')).toEqual([]);
  });
});

describe('thirdPartyInPending', () => {
  const named = (id: string, agent: string): WorkflowConfig => ({
    ...SOUND,
    statuses: [...SOUND.statuses, { id, category: 'pending', labels: { agent } }],
    replies: [...SOUND.replies!, { by: 'agent', from: 'open', to: id }],
  });

  it('a pending status labelled "Waiting on vendor"', () => {
    expect(found(named('vendor_wait', 'Waiting on vendor'), 'thirdPartyInPending')).toEqual([
      { severity: 'warning', statuses: ['vendor_wait'], path: 'statuses[5]' },
    ]);
  });

  it('the id alone says it: "waiting_for_engineering"', () => {
    expect(found(named('waiting_for_engineering', 'Waiting'), 'thirdPartyInPending')).toHaveLength(1);
  });

  it('quiet: the same label on an onHold status, and customer waits', () => {
    const onHold: WorkflowConfig = {
      ...SOUND,
      statuses: [...SOUND.statuses, { id: 'vendor_wait', category: 'onHold', labels: { agent: 'Waiting on vendor' } }],
    };
    expect(found(onHold, 'thirdPartyInPending')).toEqual([]);
    expect(found(named('awaiting_reply', 'Awaiting your reply'), 'thirdPartyInPending')).toEqual([]);
  });
});

describe('wakeUpPaused', () => {
  const paused = withTimers(SOUND.timers![0]!, {
    id: 'wake',
    in: 'snoozed',
    since: 'until',
    action: 'move',
    to: 'open',
    skipWhileCustomerWaits: true,
  });

  it('a wake-up that skips while the customer waits, where snoozing while the customer waits is allowed', () => {
    expect(found(paused, 'wakeUpPaused')).toEqual([
      { severity: 'warning', statuses: ['snoozed'], path: 'timers[1].skipWhileCustomerWaits' },
    ]);
  });

  it('quiet: the snooze rules refuse a ticket whose customer waits', () => {
    expect(found({ ...paused, snooze: { by: 'agent', notWhileCustomerWaits: true } }, 'wakeUpPaused')).toEqual([]);
  });

  it('quiet: the same pause on an auto-close', () => {
    expect(found(SOUND, 'wakeUpPaused')).toEqual([]);
  });
});

describe('restoreLoop', () => {
  const parked: WorkflowConfig = {
    ...SOUND,
    statuses: [...SOUND.statuses, { id: 'parked', category: 'onHold' }],
    timers: [
      SOUND.timers![0]!,
      { id: 'park', in: 'parked', after: 'P1D', action: 'move', to: 'snoozed' },
      { id: 'wake', in: 'snoozed', after: 'P2D', action: 'move', to: 'open', restorePrevious: true },
    ],
  };

  it('a timer snoozes into a status whose wake-up restores the previous one: a loop defineWorkflow accepts', () => {
    expect(found(parked, 'restoreLoop')).toEqual([
      { severity: 'error', statuses: ['parked', 'snoozed'], path: 'timers[1]' },
    ]);
  });

  it('quiet: a wake-up counting from `until` (a timer sets none), or restoring only named statuses', () => {
    const fromUntil = {
      ...parked,
      timers: [
        parked.timers![0]!,
        parked.timers![1]!,
        { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open', restorePrevious: true },
      ],
    } as WorkflowConfig;
    expect(found(fromUntil, 'restoreLoop')).toEqual([]);
    const named = {
      ...parked,
      timers: [
        parked.timers![0]!,
        parked.timers![1]!,
        { id: 'wake', in: 'snoozed', after: 'P2D', action: 'move', to: 'open', restorePrevious: ['waiting'] },
      ],
    } as WorkflowConfig;
    expect(found(named, 'restoreLoop')).toEqual([]);
  });

  it('the engine confirms it: a month of silence bounces the ticket back and forth', async () => {
    const { createTicket, transition } = await import('ticket-lifecycle');
    const wf = defineWorkflow(parked);
    const day = 86_400_000;
    let t = createTicket(wf, { at: 0, by: 'agent' });
    const r1 = transition(wf, t, { type: 'setStatus', by: 'agent', at: 1, to: 'parked' });
    if (r1.ok) t = r1.ticket;
    const r2 = transition(wf, t, { type: 'tick', at: 30 * day });
    // Thirty days of timers alone: parked → snoozed → parked → … every one to two days.
    const moves = r2.ok ? r2.effects.filter((e) => e.type === 'timerFired').length : 0;
    expect(moves).toBeGreaterThan(10);
  });
});
