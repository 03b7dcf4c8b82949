// Jira Service Management scenarios. Sources: Atlassian's page on the legacy automation presets (AUTOMATION) and
// docs/presets.md#jira-service-management for the preset's choices.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, type Ticket } from 'ticket-lifecycle';
import {
  jiraServiceManagement,
  type JiraServiceManagementOptions,
  type JiraServiceManagementStatus,
} from 'ticket-lifecycle/presets';
import {
  DAY,
  effectsOf,
  expectClosesAt,
  expectInvalidOption,
  HOUR,
  officeHours,
  refusal,
  run,
  statusAfter,
  T0,
} from './helpers.js';

const AUTOMATION = 'https://confluence.atlassian.com/servicedeskcloud/automating-your-service-desk-732528900.html';

type Status = JiraServiceManagementStatus;
const wf = jiraServiceManagement();
const inStatus = (status: Status, w = wf): Ticket<Status> =>
  status === 'waiting_for_support'
    ? createTicket(w, { at: T0 })
    : run(w, [{ type: 'setStatus', by: 'agent', at: T0 + HOUR, to: status }]).ticket;
const RESOLVED_AT = T0 + HOUR;
const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
const closed = run(wf, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY }], resolved).ticket;
const WAITING_AT = T0 + HOUR;
const waitingForCustomer = run(wf, [{ type: 'reply', by: 'agent', at: WAITING_AT }]).ticket;

describe('jiraServiceManagement: statuses (docs/presets.md#jira-service-management)', () => {
  it('has exactly waiting_for_support, waiting_for_customer, in_progress, resolved, closed', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual([
      'waiting_for_support',
      'waiting_for_customer',
      'in_progress',
      'resolved',
      'closed',
    ]);
  });

  it('creates requests Waiting for support', () => {
    expect(createTicket(wf, { at: T0 }).status).toBe('waiting_for_support');
  });

  it('pauses the SLA in Waiting for customer ("Pause on", https://confluence.atlassian.com/jirakb/understanding-why-an-sla-is-paused-in-a-jira-service-management-ticket-1271267987.html)', () => {
    expect(wf.statuses.filter((s) => s.slaPaused).map((s) => s.id)).toEqual(['waiting_for_customer']);
  });
});

describe(`jiraServiceManagement: "Comment updates reply status" (${AUTOMATION})`, () => {
  it('moves Waiting for customer → Waiting for support on a customer comment', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], waitingForCustomer)).toBe(
      'waiting_for_support',
    );
  });

  it('moves Waiting for support → Waiting for customer on a team comment', () => {
    expect(waitingForCustomer.status).toBe('waiting_for_customer');
  });

  it.each<[Status, 'customer' | 'agent' | 'system']>([
    ['in_progress', 'customer'],
    ['in_progress', 'agent'],
    ['waiting_for_support', 'customer'],
    ['waiting_for_customer', 'agent'],
    ['waiting_for_support', 'system'],
  ])(
    'moves nothing on a comment to %s by the %s (choice, docs/presets.md#jira-service-management: the rules test the status)',
    (status, by) => {
      expect(statusAfter(wf, [{ type: 'reply', by, at: T0 + DAY }], inStatus(status))).toBe(status);
    },
  );

  it('follows the transition chosen with a comment, within the workflow', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR, status: 'in_progress' }])).toBe('in_progress');
  });
});

describe(`jiraServiceManagement: resolving and reopening ("Comment reopens issue", ${AUTOMATION})`, () => {
  it.each(['waiting_for_support', 'waiting_for_customer', 'in_progress'] as const)(
    'lets agents resolve from %s',
    (status) => {
      expect(statusAfter(wf, [{ type: 'resolve', by: 'agent', at: T0 + DAY }], inStatus(status))).toBe('resolved');
    },
  );

  it('does not let customers resolve', () => {
    expect(refusal(wf, inStatus('in_progress'), { type: 'resolve', by: 'customer', at: T0 + DAY }).code).toBe(
      'resolveNotAllowed',
    );
  });

  it('reopens Resolved to Waiting for support on a customer comment', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: RESOLVED_AT + DAY }], resolved);
    expect(ticket).toMatchObject({ status: 'waiting_for_support', reopenCount: 1 });
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('keeps Resolved on a team comment (choice, docs/presets.md#jira-service-management)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'agent', at: RESOLVED_AT + DAY }], resolved)).toBe('resolved');
  });

  it('lets agents reopen Resolved to Waiting for support', () => {
    expect(statusAfter(wf, [{ type: 'reopen', by: 'agent', at: RESOLVED_AT + DAY }], resolved)).toBe(
      'waiting_for_support',
    );
  });
});

describe("jiraServiceManagement: the workflow's transitions (choice, docs/presets.md#jira-service-management)", () => {
  it('closes only from Resolved', () => {
    expect(statusAfter(wf, [{ type: 'close', by: 'agent', at: RESOLVED_AT + DAY }], resolved)).toBe('closed');
    expect(refusal(wf, inStatus('in_progress'), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(
      refusal(wf, inStatus('in_progress'), { type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'closed' }).code,
    ).toBe('statusChangeNotAllowed');
  });

  it('refuses a jump from Resolved to In progress', () => {
    expect(
      refusal(wf, resolved, { type: 'setStatus', by: 'agent', at: RESOLVED_AT + DAY, to: 'in_progress' }).code,
    ).toBe('statusChangeNotAllowed');
  });

  it('treats Closed as final and non-editable: follow-up for a customer, rejection for the team', () => {
    const customer = run(wf, [{ type: 'reply', by: 'customer', at: RESOLVED_AT + 11 * DAY }], closed);
    expect(customer.ticket).toBe(closed);
    expect(effectsOf(customer.effects, 'followUpRequested')).toHaveLength(1);
    expect(
      effectsOf(run(wf, [{ type: 'reply', by: 'agent', at: RESOLVED_AT + 11 * DAY }], closed).effects, 'replyRejected'),
    ).toHaveLength(1);
    expect(refusal(wf, closed, { type: 'reopen', by: 'agent', at: RESOLVED_AT + 11 * DAY }).code).toBe(
      'reopenNotAllowed',
    );
    expect(
      refusal(wf, closed, { type: 'setStatus', by: 'agent', at: RESOLVED_AT + 11 * DAY, to: 'waiting_for_support' })
        .code,
    ).toBe('statusChangeNotAllowed');
  });
});

describe(`jiraServiceManagement: "Close resolved issue", resolved for 10 days (${AUTOMATION})`, () => {
  it('closes Resolved 10 days after resolving by default: still Resolved 1 ms before', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY - 1 }], resolved)).toBe('resolved');
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: RESOLVED_AT + 10 * DAY,
      closedBy: 'system',
      closeReason: 'resolved-timeout',
    });
    expect(nextDeadline(wf, resolved)).toBe(RESOLVED_AT + 10 * DAY);
  });

  it('closes after closeResolvedAfter when given', () => {
    const quick = jiraServiceManagement({ closeResolvedAfter: 'P3D' });
    const start = run(quick, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    expect(nextDeadline(quick, start)).toBe(RESOLVED_AT + 3 * DAY);
  });

  it('never closes by itself with closeResolvedAfter: false', () => {
    const manual = jiraServiceManagement({ closeResolvedAfter: false });
    const start = run(manual, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    expect(nextDeadline(manual, start)).toBeNull();
    expect(statusAfter(manual, [{ type: 'tick', at: RESOLVED_AT + 365 * DAY }], start)).toBe('resolved');
  });
});

// The ITSM template's legacy rule "auto-close 3 business days after resolved":
// https://support.atlassian.com/ja/jira-service-management-cloud/docs/auto-close-incidents-after-they-are-resolved
// (an SLA goal on the project's calendar, https://confluence.atlassian.com/cloudkb/how-to-use-automation-rules-in-jira-service-desk-for-auto-transitioning-issues-after-a-certain-period-of-time-852464037.html).
// A business day is one day's worth of the calendar's open time (docs/calendars.md).
describe('jiraServiceManagement: "auto-close 3 business days after resolved" (ITSM, businessHours)', () => {
  const office = officeHours('Europe/London'); // UTC in January: local times read as UTC below
  const itsm = jiraServiceManagement({ closeResolvedAfter: 'P3D', businessHours: office });
  const resolvedAt = (at: number, w = itsm) => run(w, [{ type: 'resolve', by: 'agent', at }]).ticket;
  const TUESDAY_15 = Date.UTC(2026, 0, 6, 15);

  it('closes a request resolved Tuesday 15:00 on Friday 15:00, and not a millisecond before', () => {
    expectClosesAt(itsm, resolvedAt(TUESDAY_15), Date.UTC(2026, 0, 9, 15), 'resolved-timeout');
  });

  it('skips a holiday: with Wednesday off it closes the following Monday 15:00', () => {
    const holiday = jiraServiceManagement({
      closeResolvedAfter: 'P3D',
      businessHours: { ...office, holidays: ['2026-01-07'] },
    });
    expect(nextDeadline(holiday, resolvedAt(TUESDAY_15, holiday))).toBe(Date.UTC(2026, 0, 12, 15));
  });

  it('resolved on a Saturday, closes at the end of Wednesday', () => {
    expect(nextDeadline(itsm, resolvedAt(Date.UTC(2026, 0, 10, 11)))).toBe(Date.UTC(2026, 0, 14, 17));
  });

  it('counts the customer prompt in business days too (default P5D: a working week)', () => {
    const waiting = run(itsm, [{ type: 'reply', by: 'agent', at: TUESDAY_15 }]).ticket;
    expect(nextDeadline(itsm, waiting)).toBe(Date.UTC(2026, 0, 13, 15));
  });

  it('refuses a businessHours that is not an object, and reports a bad calendar by its path', () => {
    expectInvalidOption(() => jiraServiceManagement({ businessHours: [] as never }), 'businessHours');
    expect(() => jiraServiceManagement({ businessHours: { ...office, week: {} } })).toThrow(/calendars\.automations/);
  });
});

describe(`jiraServiceManagement: "Prompt customer for comment", 5 days in Waiting for customer (${AUTOMATION})`, () => {
  it('reminds once after 5 days waiting for the customer, and not before', () => {
    expect(nextDeadline(wf, waitingForCustomer)).toBe(WAITING_AT + 5 * DAY);
    expect(
      effectsOf(run(wf, [{ type: 'tick', at: WAITING_AT + 5 * DAY - 1 }], waitingForCustomer).effects, 'reminderDue'),
    ).toEqual([]);
    const { ticket, effects } = run(wf, [{ type: 'tick', at: WAITING_AT + 30 * DAY }], waitingForCustomer);
    expect(ticket.status).toBe('waiting_for_customer');
    expect(effectsOf(effects, 'reminderDue')).toEqual([
      {
        type: 'reminderDue',
        timer: 'prompt-customer',
        dueAt: WAITING_AT + 5 * DAY,
        status: 'waiting_for_customer',
        index: 0,
      },
    ]);
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('reminds again on the next stay in Waiting for customer', () => {
    const { ticket } = run(
      wf,
      [
        { type: 'tick', at: WAITING_AT + 5 * DAY },
        { type: 'reply', by: 'customer', at: WAITING_AT + 6 * DAY },
        { type: 'reply', by: 'agent', at: WAITING_AT + 7 * DAY },
      ],
      waitingForCustomer,
    );
    expect(nextDeadline(wf, ticket)).toBe(WAITING_AT + 12 * DAY);
  });

  it('reminds after remindWaitingAfter when given, and never with false', () => {
    const w2 = jiraServiceManagement({ remindWaitingAfter: 'P2D' });
    expect(nextDeadline(w2, run(w2, [{ type: 'reply', by: 'agent', at: WAITING_AT }]).ticket)).toBe(
      WAITING_AT + 2 * DAY,
    );
    const off = jiraServiceManagement({ remindWaitingAfter: false });
    expect(nextDeadline(off, run(off, [{ type: 'reply', by: 'agent', at: WAITING_AT }]).ticket)).toBeNull();
  });

  it('runs no timer in Waiting for support or In progress', () => {
    expect(nextDeadline(wf, inStatus('waiting_for_support'))).toBeNull();
    expect(nextDeadline(wf, inStatus('in_progress'))).toBeNull();
  });
});

describe('jiraServiceManagement: options', () => {
  it.each<[JiraServiceManagementOptions, string]>([
    [{ closeResolvedAfter: 'P1M' }, 'closeResolvedAfter'],
    [{ closeResolvedAfter: 0 }, 'closeResolvedAfter'],
    [{ closeResolvedAfter: true as unknown as false }, 'closeResolvedAfter'],
    [{ remindWaitingAfter: 'soon' }, 'remindWaitingAfter'],
    [{ remindWaitingAfter: -1 }, 'remindWaitingAfter'],
  ])('throws WorkflowError invalidOption for %o', (options, path) => {
    expectInvalidOption(() => jiraServiceManagement(options), path);
  });
});
