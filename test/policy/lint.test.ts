import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  transition,
  validateWorkflow,
  type StatusConfig,
  type WorkflowConfig,
  type WorkflowImplementations,
} from 'ticket-lifecycle';
import { lintWorkflow, type LintCode, type LintFinding } from 'ticket-lifecycle';

/** A sound policy: every check below starts from it and adds exactly one risk. */
const STATUSES: readonly StatusConfig[] = [
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending' },
  { id: 'solved', category: 'solved' },
  { id: 'closed', category: 'closed' },
];

const SOUND: WorkflowConfig = {
  statuses: STATUSES,
  replies: [
    { by: 'agent', from: 'open', to: 'waiting' },
    { by: 'customer', from: ['waiting', 'solved', 'closed'], action: 'reopen' },
  ],
  // Solving waits for the team's answer, so the auto-close never closes an unanswered question.
  resolve: { by: ['agent', 'system'], notWhileCustomerWaits: true },
  close: { by: ['customer', 'system'], fromCategory: 'solved' },
  timers: [{ id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' }],
};

function lint(config: WorkflowConfig, implementations?: WorkflowImplementations): LintFinding[] {
  return lintWorkflow(defineWorkflow(config, implementations));
}

/** The findings of one kind, reduced to what a test asserts. */
function found(config: WorkflowConfig, code: LintCode, implementations?: WorkflowImplementations) {
  return lint(config, implementations)
    .filter((f) => f.code === code)
    .map(({ severity, statuses, path }) => ({ severity, statuses, path }));
}

describe('lintWorkflow on a sound policy', () => {
  it('finds nothing', () => {
    expect(lint(SOUND)).toEqual([]);
  });

  it('is deterministic and leaves the workflow as it was', () => {
    const wf = defineWorkflow({ ...SOUND, close: undefined, replies: [] });
    const before = JSON.stringify(wf.config);
    expect(lintWorkflow(wf)).toEqual(lintWorkflow(wf));
    expect(JSON.stringify(wf.config)).toBe(before);
  });

  it('lists errors before warnings', () => {
    // One error (no way to close "open") and one warning ("closed" cannot be entered).
    const findings = lint({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      statusChanges: [],
      close: { from: 'closed' },
    });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('unreachableStatus', () => {
  const withArchive: WorkflowConfig = {
    ...SOUND,
    statuses: [
      ...STATUSES.map((s) => (s.id === 'closed' ? { ...s, default: true } : s)),
      { id: 'archived', category: 'closed' },
    ],
  };

  it('warns about a status no event leads to', () => {
    const config = {
      ...withArchive,
      statusChanges: [{ by: ['agent', 'system'] as const, to: ['open', 'waiting', 'solved', 'closed'] }],
    };
    expect(found(config, 'unreachableStatus')).toEqual([
      { severity: 'warning', statuses: ['archived'], path: 'statuses[4]' },
    ]);
  });

  it('is silent when agents may set the status', () => {
    expect(found(withArchive, 'unreachableStatus')).toEqual([]);
  });

  it('counts an explicit reopen where the allow-list lets the actor choose its target, as the engine does', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [...STATUSES, { id: 'vendor', category: 'onHold' }],
      statusChanges: [{ by: 'agent', toCategory: ['pending', 'solved', 'closed'] }],
    };
    // A reopen naming its target passes the allow-list: here no rule lets anyone choose "vendor", so nothing leads
    // there, and the engine refuses the move lint would otherwise have counted.
    const wf = defineWorkflow(config);
    const solved = { ...createTicket(wf, { at: 0 }), status: 'solved' };
    const refused = transition(wf, solved, { type: 'reopen', by: 'agent', at: 1, to: 'vendor' });
    expect(refused.ok ? null : refused.error.code).toBe('statusChangeNotAllowed');
    expect(found(config, 'unreachableStatus')).toEqual([
      { severity: 'warning', statuses: ['vendor'], path: 'statuses[4]' },
    ]);
    const choosable: WorkflowConfig = {
      ...config,
      statusChanges: [...config.statusChanges!, { by: 'agent', fromCategory: 'solved', to: 'vendor' }],
    };
    expect(found(choosable, 'unreachableStatus')).toEqual([]);
    expect(found({ ...choosable, reopen: { by: 'agent', fromCategory: 'pending' } }, 'unreachableStatus')).toEqual([
      { severity: 'warning', statuses: ['vendor'], path: 'statuses[4]' },
    ]);
  });

  it('starts from every channel start status', () => {
    const config: WorkflowConfig = {
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'bot', category: 'onHold' },
        { id: 'closed', category: 'closed' },
      ],
      statusChanges: [{ by: 'agent', toCategory: 'closed' }],
      close: { by: 'agent', notWhileCustomerWaits: true },
      reopen: { by: 'agent', from: 'open' }, // a closed ticket is never reopened (an explicit reopen could land anywhere)
    };
    expect(found(config, 'unreachableStatus')).toEqual([
      { severity: 'warning', statuses: ['bot'], path: 'statuses[1]' },
    ]);
    expect(found({ ...config, initialByChannel: { chat: 'bot' } }, 'unreachableStatus')).toEqual([]);
  });
});

describe('timerNeverRuns', () => {
  it('warns about a timer whose statuses nothing can enter', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'closed' ? { ...s, default: true } : s)),
        { id: 'archived', category: 'closed' },
      ],
      statusChanges: [{ by: ['agent', 'system'], to: ['open', 'waiting', 'solved', 'closed'] }],
      timers: [...SOUND.timers!, { id: 'purge', in: 'archived', after: 'P30D', action: 'remind' }],
    };
    expect(found(config, 'timerNeverRuns')).toEqual([
      { severity: 'warning', statuses: ['archived'], path: 'timers[1]' },
    ]);
  });

  it('warns about a timer counting from "until" where no event can give one', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [
        ...STATUSES.map((s) => (s.id === 'waiting' ? { ...s, default: true } : s)),
        { id: 'later', category: 'pending' },
      ],
      replies: [{ by: 'agent', from: 'waiting', to: 'later' }, ...SOUND.replies!],
      statusChanges: [{ by: ['agent', 'system'], to: ['open', 'waiting', 'solved', 'closed'] }],
      timers: [...SOUND.timers!, { id: 'wake', in: 'later', since: 'until', action: 'move', to: 'open' }],
    };
    expect(found(config, 'timerNeverRuns')).toEqual([{ severity: 'warning', statuses: ['later'], path: 'timers[1]' }]);
    // Once agents may set "later" (with an until), the timer can run.
    expect(found({ ...config, statusChanges: undefined }, 'timerNeverRuns')).toEqual([]);
  });

  it('accepts a snooze wake-up counting from "until": snooze gives one', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [...STATUSES, { id: 'snoozed', category: 'snoozed' }],
      statusChanges: [],
      timers: [...SOUND.timers!, { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open' }],
    };
    expect(found(config, 'timerNeverRuns')).toEqual([]);
  });
});

describe('cannotClose', () => {
  it('reports a status from which no event leads to a closed status', () => {
    const config: WorkflowConfig = {
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      statusChanges: [],
      close: { from: 'closed' },
    };
    expect(found(config, 'cannotClose')).toEqual([{ severity: 'error', statuses: ['open'], path: 'statuses[0]' }]);
    expect(found({ ...config, close: { by: 'agent', notWhileCustomerWaits: true } }, 'cannotClose')).toEqual([]);
  });

  it('reports every status of a policy with no solved or closed status', () => {
    const config: WorkflowConfig = {
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'waiting', category: 'pending' },
      ],
    };
    expect(found(config, 'cannotClose').map((f) => f.statuses)).toEqual([['open'], ['waiting']]);
  });

  it('takes solved as the end of a policy with no closed status (Chatwoot)', () => {
    const config: WorkflowConfig = {
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'resolved', category: 'solved' },
      ],
    };
    expect(found(config, 'cannotClose')).toEqual([]);
    expect(found({ ...config, resolve: { from: 'resolved' } }, 'cannotClose')).toEqual([
      { severity: 'error', statuses: ['open'], path: 'statuses[0]' },
    ]);
  });

  it('follows timers, assignments and reply rules', () => {
    const config: WorkflowConfig = {
      statuses: [
        { id: 'new', category: 'new' },
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      statusChanges: [],
      close: { by: 'system', from: 'open' },
      assignments: [{ from: 'new', to: 'open' }],
    };
    expect(found(config, 'cannotClose')).toEqual([]);
    expect(found({ ...config, assignments: undefined }, 'cannotClose')).toEqual([
      { severity: 'error', statuses: ['new'], path: 'statuses[0]' },
    ]);
    expect(
      found({ ...config, assignments: undefined, replies: [{ by: 'agent', from: 'new', to: 'open' }] }, 'cannotClose'),
    ).toEqual([]);
  });
});

describe('prematureClose', () => {
  const autoClose: WorkflowConfig = {
    statuses: [
      { id: 'open', category: 'open' },
      { id: 'waiting', category: 'pending' },
      { id: 'closed', category: 'closed' },
    ],
    replies: [{ by: 'agent', from: 'open', to: 'waiting' }],
    close: { by: 'agent', fromCategory: 'pending' },
    timers: [{ id: 'auto-close', in: 'waiting', after: 'P3D', action: 'move', to: 'closed' }],
  };

  it('is an error when a customer reply stays and the timer ignores it', () => {
    expect(found(autoClose, 'prematureClose')).toEqual([
      { severity: 'error', statuses: ['waiting'], path: 'timers[0]' },
    ]);
  });

  it('is a warning when the customer message restarts the countdown', () => {
    const config = {
      ...autoClose,
      timers: [{ ...autoClose.timers![0]!, since: ['statusEntered', 'lastCustomerMessage'] as const }],
    };
    expect(found(config, 'prematureClose')).toEqual([
      { severity: 'warning', statuses: ['waiting'], path: 'timers[0]' },
    ]);
  });

  it('is silent when a customer reply leaves the status', () => {
    const config = {
      ...autoClose,
      replies: [...autoClose.replies!, { by: 'customer' as const, from: 'waiting', to: 'open' }],
    };
    expect(found(config, 'prematureClose')).toEqual([]);
  });

  it('is silent when the timer skips while the customer waits', () => {
    const config = { ...autoClose, timers: [{ ...autoClose.timers![0]!, skipWhileCustomerWaits: true }] };
    expect(found(config, 'prematureClose')).toEqual([]);
  });

  it('flags an auto-solve in an open status, where the team owes the next move, and the close that follows it', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      timers: [...SOUND.timers!, { id: 'auto-solve', in: 'open', after: 'P30D', action: 'move', to: 'solved' }],
    };
    expect(found(config, 'prematureClose')).toEqual([
      { severity: 'error', statuses: ['solved'], path: 'timers[0]' },
      { severity: 'error', statuses: ['open'], path: 'timers[1]' },
    ]);
  });

  it('follows a waiting customer through timer moves', () => {
    // A customer reply stays in "waiting"; a timer moves the ticket on to "solved", where a second timer closes it.
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [
        { by: 'agent', from: 'open', to: 'waiting' },
        { by: 'customer', from: ['solved', 'closed'], action: 'reopen' },
      ],
      timers: [
        ...SOUND.timers!,
        { id: 'auto-solve', in: 'waiting', after: 'P7D', skipWhileCustomerWaits: true, action: 'move', to: 'solved' },
      ],
    };
    expect(found(config, 'prematureClose')).toEqual([]);
    const unpaused = {
      ...config,
      timers: [SOUND.timers![0]!, { ...config.timers![1]!, skipWhileCustomerWaits: false }],
    };
    expect(found(unpaused, 'prematureClose')).toEqual([
      { severity: 'error', statuses: ['solved'], path: 'timers[0]' },
      { severity: 'error', statuses: ['waiting'], path: 'timers[1]' },
    ]);
  });

  it('does not flag a solved status the team chose to enter without answering', () => {
    // Agents may resolve while the customer waits; that is their decision, and a reply to "solved" reopens it.
    expect(found(SOUND, 'prematureClose')).toEqual([]);
  });
});

describe('replyDoesNotReopen', () => {
  const onSolved = (rule: NonNullable<WorkflowConfig['replies']>[number]): WorkflowConfig => ({
    ...SOUND,
    replies: [
      { by: 'agent', from: 'open', to: 'waiting' },
      rule,
      { by: 'customer', from: ['waiting', 'closed'], action: 'reopen' },
    ],
  });

  it('warns when a customer reply leaves a solved ticket solved', () => {
    expect(found(onSolved({ by: 'customer', from: 'solved', action: 'stay' }), 'replyDoesNotReopen')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'replies[1]' },
    ]);
  });

  it('warns when no rule matches a customer reply to a solved status', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [{ by: 'customer', from: ['waiting', 'closed'], action: 'reopen' }],
    };
    expect(found(config, 'replyDoesNotReopen')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'statuses[2]' },
    ]);
  });

  it('warns when a customer reply moves a solved ticket to a closed status', () => {
    expect(found(onSolved({ by: 'customer', from: 'solved', to: 'closed' }), 'replyDoesNotReopen')).toEqual([
      { severity: 'warning', statuses: ['solved', 'closed'], path: 'replies[1]' },
    ]);
  });

  it('warns when the reply stays once a reopen window has passed', () => {
    const config = onSolved({ by: 'customer', from: 'solved', action: 'reopen', within: 'P7D', otherwise: 'stay' });
    expect(found(config, 'replyDoesNotReopen')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'replies[1]' },
    ]);
  });

  it('is silent for reopen, follow-up and reject, which tell the host', () => {
    expect(found(onSolved({ by: 'customer', from: 'solved', action: 'reopen' }), 'replyDoesNotReopen')).toEqual([]);
    expect(found(onSolved({ by: 'customer', from: 'solved', action: 'followUp' }), 'replyDoesNotReopen')).toEqual([]);
    expect(found(onSolved({ by: 'customer', from: 'solved', action: 'reject' }), 'replyDoesNotReopen')).toEqual([]);
  });
});

describe('a reopen target in the closed category', () => {
  it('is refused by defineWorkflow, for reopenTo and for reply rules that reopen', () => {
    const reopenTo = validateWorkflow({
      ...SOUND,
      statuses: STATUSES.map((s) => (s.id === 'solved' ? { ...s, reopenTo: 'closed' } : s)),
    });
    const replyTo = validateWorkflow({
      ...SOUND,
      replies: [{ by: 'customer', from: 'solved', action: 'reopen', to: 'closed' }],
    });
    expect(reopenTo.ok ? [] : reopenTo.issues.map((i) => i.code)).toEqual(['invalidReopenTarget']);
    expect(replyTo.ok ? [] : replyTo.issues.map((i) => i.code)).toEqual(['invalidReopenTarget']);
  });

  it('is refused by transition for an explicit reopen', () => {
    const wf = defineWorkflow(SOUND);
    const solved = transition(wf, createTicket(wf, { at: 0, by: 'agent' }), { type: 'resolve', by: 'agent', at: 1 });
    expect(solved.ok).toBe(true);
    const r = transition(wf, solved.ticket, { type: 'reopen', by: 'agent', at: 2, to: 'closed' });
    expect(r.ok ? null : r.error.code).toBe('reopenNotAllowed');
  });

  it('leaves only a reply rule moving a done ticket to a closed status, which replyDoesNotReopen reports', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [{ by: 'customer', from: 'solved', to: 'closed' }, ...SOUND.replies!],
    };
    expect(found(config, 'replyDoesNotReopen').map((f) => f.statuses)).toEqual([['solved', 'closed']]);
  });
});

describe('reminderAfterMove', () => {
  it('is an error for a reminder at or after its move', () => {
    const config: WorkflowConfig = { ...SOUND, timers: [{ ...SOUND.timers![0]!, reminders: ['P3D', 'P4D'] } as never] };
    expect(found(config, 'reminderAfterMove')).toEqual([
      { severity: 'error', statuses: ['solved'], path: 'timers[0].reminders[1]' },
    ]);
  });

  it('is silent for reminders before the move', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      timers: [{ ...SOUND.timers![0]!, reminders: ['P3D', 'PT95H'] } as never],
    };
    expect(found(config, 'reminderAfterMove')).toEqual([]);
  });

  it('flags any reminder of a move made at "until" itself', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [...STATUSES, { id: 'snoozed', category: 'snoozed' }],
      timers: [
        ...SOUND.timers!,
        { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open', reminders: ['PT1H'] },
      ],
    };
    expect(found(config, 'reminderAfterMove')).toEqual([
      { severity: 'error', statuses: ['snoozed'], path: 'timers[1].reminders[0]' },
    ]);
  });
});

describe('shadowedTimer', () => {
  const twoTimers = (second: NonNullable<WorkflowConfig['timers']>[number]): WorkflowConfig => ({
    ...SOUND,
    timers: [...SOUND.timers!, second],
  });

  it('warns about a move always due after another move from the same moment', () => {
    expect(
      found(twoTimers({ id: 'late-close', in: 'solved', after: 'P7D', action: 'move', to: 'closed' }), 'shadowedTimer'),
    ).toEqual([{ severity: 'warning', statuses: ['solved'], path: 'timers[1]' }]);
  });

  it('warns about a reminder due after the move, and about a later duplicate move', () => {
    expect(
      found(twoTimers({ id: 'nudge', in: 'solved', after: 'P5D', action: 'remind' }), 'shadowedTimer'),
    ).toHaveLength(1);
    expect(
      found(twoTimers({ id: 'twin', in: 'solved', after: 'P4D', action: 'move', to: 'closed' }), 'shadowedTimer'),
    ).toHaveLength(1);
  });

  it('is silent for a reminder due with the move (reminders win ties) or before it', () => {
    expect(found(twoTimers({ id: 'nudge', in: 'solved', after: 'P4D', action: 'remind' }), 'shadowedTimer')).toEqual(
      [],
    );
    expect(found(twoTimers({ id: 'nudge', in: 'solved', after: 'P3D', action: 'remind' }), 'shadowedTimer')).toEqual(
      [],
    );
  });

  it('is silent when the timers count from different moments, or the first one can pause', () => {
    expect(
      found(
        twoTimers({
          id: 'late',
          in: 'solved',
          since: 'lastCustomerMessage',
          after: 'P7D',
          action: 'move',
          to: 'closed',
        }),
        'shadowedTimer',
      ),
    ).toEqual([]);
    const config: WorkflowConfig = {
      ...SOUND,
      timers: [
        { ...SOUND.timers![0]!, skipWhileCustomerWaits: true },
        { id: 'late', in: 'solved', after: 'P7D', action: 'move', to: 'closed' },
      ],
    };
    expect(found(config, 'shadowedTimer')).toEqual([]);
  });
});

describe('snoozeWithoutExit', () => {
  const snoozing: WorkflowConfig = { ...SOUND, statuses: [...STATUSES, { id: 'snoozed', category: 'snoozed' }] };

  it('is an error when neither a timer nor a customer reply leaves a snoozed status', () => {
    const config = {
      ...snoozing,
      replies: [...SOUND.replies!, { by: 'customer' as const, from: 'snoozed', action: 'stay' as const }],
    };
    expect(found(config, 'snoozeWithoutExit')).toEqual([
      { severity: 'error', statuses: ['snoozed'], path: 'replies[2]' },
    ]);
  });

  it('is silent when a customer reply wakes it (the default) or a timer does', () => {
    expect(found(snoozing, 'snoozeWithoutExit')).toEqual([]);
    const config: WorkflowConfig = {
      ...snoozing,
      replies: [...SOUND.replies!, { by: 'customer', from: 'snoozed', action: 'followUp' }],
      timers: [...SOUND.timers!, { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open' }],
    };
    expect(found(config, 'snoozeWithoutExit')).toEqual([]);
  });
});

describe('closeWithoutGuard', () => {
  it('warns when the default rule lets agents close a new or open ticket', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [{ id: 'new', category: 'new' }, ...STATUSES],
      close: undefined,
    };
    expect(found(config, 'closeWithoutGuard')).toEqual([
      { severity: 'warning', statuses: ['new', 'open'], path: 'close' },
    ]);
  });

  it('warns about the one rule of several that has no condition', () => {
    const config: WorkflowConfig = { ...SOUND, close: [{ by: 'customer', fromCategory: 'solved' }, { by: 'agent' }] };
    expect(found(config, 'closeWithoutGuard')).toEqual([{ severity: 'warning', statuses: ['open'], path: 'close[1]' }]);
  });

  it('is silent when closing follows solved or has a condition', () => {
    expect(found(SOUND, 'closeWithoutGuard')).toEqual([]);
    expect(found({ ...SOUND, close: { by: 'agent', notWhileCustomerWaits: true } }, 'closeWithoutGuard')).toEqual([]);
    expect(
      found({ ...SOUND, close: { by: 'agent', guards: 'confirmed' } }, 'closeWithoutGuard', {
        guards: { confirmed: () => true },
      }),
    ).toEqual([]);
  });

  it('is silent when the policy has no closed status to close to', () => {
    expect(
      found(
        {
          statuses: [
            { id: 'open', category: 'open' },
            { id: 'resolved', category: 'solved' },
          ],
        },
        'closeWithoutGuard',
      ),
    ).toEqual([]);
  });
});

describe('shadowedReply and shadowedAssignment', () => {
  it('warns about a reply rule that earlier rules always beat', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [...SOUND.replies!, { by: 'customer', from: 'closed', action: 'followUp' }],
    };
    expect(found(config, 'shadowedReply')).toEqual([{ severity: 'warning', statuses: ['closed'], path: 'replies[2]' }]);
  });

  it('is silent when the specific rule comes first (partial overlap is the idiom)', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [{ by: 'customer', from: 'closed', action: 'followUp' }, ...SOUND.replies!],
    };
    expect(found(config, 'shadowedReply')).toEqual([]);
  });

  it('warns about an assignment rule that an earlier one always beats', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      statuses: [{ id: 'new', category: 'new' }, ...STATUSES],
      assignments: [
        { fromCategory: ['new', 'pending'], to: 'open' },
        { from: 'new', to: 'waiting' },
      ],
    };
    expect(found(config, 'shadowedAssignment')).toEqual([
      { severity: 'warning', statuses: ['new'], path: 'assignments[1]' },
    ]);
    expect(found({ ...config, assignments: [...config.assignments!].reverse() }, 'shadowedAssignment')).toEqual([]);
  });
});

describe('overriddenGuard', () => {
  it('warns when another rule allows the same without the conditions', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      resolve: [{ by: 'agent', requireAssignee: true }, { by: ['agent', 'system'] }],
    };
    // Not `closed`: a rule that names no status never reaches a locked (closed) status.
    expect(found(config, 'overriddenGuard')).toEqual([
      { severity: 'warning', statuses: ['open', 'waiting', 'solved'], path: 'resolve[0]' },
    ]);
  });

  it('is silent when the other rule covers only part of it', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      resolve: [
        { by: 'agent', requireAssignee: true },
        { by: 'agent', from: 'waiting' },
      ],
    };
    expect(found(config, 'overriddenGuard')).toEqual([]);
  });
});

describe('replyBypassesGuard', () => {
  it('warns when a reply rule closes for an actor the close rules refuse', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [{ by: 'agent', from: 'waiting', to: 'closed' }, ...SOUND.replies!],
    };
    expect(found(config, 'replyBypassesGuard')).toEqual([
      { severity: 'warning', statuses: ['waiting'], path: 'replies[0]' },
    ]);
  });

  it('is silent when the close rules allow it, and for replies that reopen', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      replies: [{ by: 'agent', from: 'waiting', to: 'closed' }, ...SOUND.replies!],
      close: [SOUND.close as never, { by: 'agent', from: 'waiting' }],
    };
    expect(found(config, 'replyBypassesGuard')).toEqual([]);
    expect(found(SOUND, 'replyBypassesGuard')).toEqual([]);
  });
});

describe('findings', () => {
  it('name only statuses of the policy and carry a message', () => {
    const statusIds = new Set(['open', 'waiting', 'solved', 'closed']);
    const risky: WorkflowConfig = {
      statuses: STATUSES,
      timers: [{ id: 'auto-close', in: 'waiting', after: 'P1D', action: 'move', to: 'closed', reminders: ['P2D'] }],
    };
    const findings = lint(risky);
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set(['prematureClose', 'reminderAfterMove', 'replyDoesNotReopen', 'closeWithoutGuard']),
    );
    for (const f of findings) {
      expect(f.statuses.every((s) => statusIds.has(s))).toBe(true);
      expect(f.message.length).toBeGreaterThan(20);
    }
  });
});

describe('emptyAnchor', () => {
  const nudge = {
    id: 'auto-solve',
    in: 'waiting',
    since: 'lastAgentMessage',
    after: 'P5D',
    action: 'move',
    to: 'solved',
  } as const;

  it('warns about a lastAgentMessage timer in a status an agent can set without replying', () => {
    const config: WorkflowConfig = { ...SOUND, timers: [...SOUND.timers!, nudge] };
    expect(found(config, 'emptyAnchor')).toEqual([{ severity: 'warning', statuses: ['waiting'], path: 'timers[1]' }]);
  });

  it('is quiet when the timer also counts from entering the status', () => {
    expect(
      found(
        { ...SOUND, timers: [...SOUND.timers!, { ...nudge, since: ['statusEntered', 'lastAgentMessage'] }] },
        'emptyAnchor',
      ),
    ).toEqual([]);
  });
});

describe('solvedWhileCustomerWaits', () => {
  it('warns when the team may solve while the customer waits and a timer then closes', () => {
    const { resolve: _careful, ...careless } = SOUND;
    expect(found(careless, 'solvedWhileCustomerWaits')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'timers[0]' },
    ]);
  });

  it('is quiet with notWhileCustomerWaits on the resolve rule, or skipWhileCustomerWaits on the timer', () => {
    expect(found(SOUND, 'solvedWhileCustomerWaits')).toEqual([]);
    const { resolve: _careful, ...careless } = SOUND;
    const patient: WorkflowConfig = {
      ...careless,
      timers: [{ ...SOUND.timers![0]!, skipWhileCustomerWaits: true } as never],
    };
    expect(found(patient, 'solvedWhileCustomerWaits')).toEqual([]);
  });
});

describe('timerBypassesGuard', () => {
  it('reports a timer that opts out of the rules', () => {
    const config: WorkflowConfig = {
      ...SOUND,
      close: { by: 'system', fromCategory: 'solved', requireAssignee: true },
      timers: [{ id: 'auto-close', in: 'solved', after: 'P4D', action: 'move', to: 'closed', bypassGuards: true }],
    };
    expect(found(config, 'timerBypassesGuard')).toEqual([
      { severity: 'warning', statuses: ['solved'], path: 'timers[0]' },
    ]);
  });

  it('is quiet for a timer that passes the rules', () => {
    expect(found(SOUND, 'timerBypassesGuard')).toEqual([]);
  });
});

describe('deadTimerTarget', () => {
  const archive: WorkflowConfig = {
    ...SOUND,
    statuses: [...STATUSES, { id: 'archived', category: 'closed', default: false }],
    statusChanges: [{ by: ['agent', 'system'], to: ['open', 'waiting', 'solved'] }],
    timers: [...SOUND.timers!, { id: 'archive', in: 'waiting', after: 'P30D', action: 'move', to: 'archived' }],
  };
  const withDefault = (config: WorkflowConfig): WorkflowConfig => ({
    ...config,
    statuses: config.statuses.map((s) => (s.id === 'closed' ? { ...s, default: true } : s)),
  });

  it('warns about a status only a timer leads to, when the rules refuse the system that move', () => {
    // The close rule lets the system close from solved only: the archive timer in waiting is always blocked.
    expect(found(withDefault(archive), 'deadTimerTarget')).toEqual([
      { severity: 'warning', statuses: ['archived'], path: 'statuses[4]' },
    ]);
  });

  it('is quiet when the system may make the move', () => {
    const allowed = withDefault({
      ...archive,
      close: { by: ['customer', 'system'], fromCategory: ['solved', 'pending'] },
    });
    expect(found(allowed, 'deadTimerTarget')).toEqual([]);
  });
});
