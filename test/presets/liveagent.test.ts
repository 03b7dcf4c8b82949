// LiveAgent scenarios. Sources: LiveAgent's Ticket Statuses Overview (OV), its glossary page on closed tickets
// (GLOSSARY), its Time Rules and SLA pages, and docs/presets.md#liveagent for the preset's own choices.
import { describe, expect, it } from 'vitest';
import { createTicket, evaluateAutoClose, lintWorkflow, nextDeadline } from 'ticket-lifecycle';
import { liveAgent } from 'ticket-lifecycle/presets';
import { DAY, effectsOf, expectInvalidOption, HOUR, refusal, run, statusAfter, T0 } from './helpers.js';

const OV = 'https://support.liveagent.com/465329-Ticket-Statuses-Overview';
const GLOSSARY = 'https://www.live-agent.it/glossario/ticket-chiusi';

const wf = liveAgent();
const answered = run(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR }]).ticket;
const resolved = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + HOUR }]).ticket;
const RESOLVED_AT = T0 + HOUR;

describe(`liveAgent: statuses and replies (${OV})`, () => {
  it('has exactly new, open, answered, postponed, resolved, closed (codes N C A W R L, https://faq.liveagent.com/416908-Ticket-Status-Codes-in-LiveAgent-CSV-Exports)', () => {
    expect(wf.statuses.map((s) => s.id)).toEqual(['new', 'open', 'answered', 'postponed', 'resolved', 'closed']);
  });

  it('starts a ticket New ("New": a newly created ticket from an email, a form, a chat…)', () => {
    expect(createTicket(wf, { at: T0 }).status).toBe('new');
  });

  it('marks the ticket Answered on an agent reply to New', () => {
    expect(answered.status).toBe('answered');
  });

  it('marks the ticket Answered on an agent reply to Open', () => {
    const status = statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], answered);
    expect(status).toBe('open');
    expect(
      statusAfter(
        wf,
        [
          { type: 'reply', by: 'customer', at: T0 + 2 * HOUR },
          { type: 'reply', by: 'agent', at: T0 + 3 * HOUR },
        ],
        answered,
      ),
    ).toBe('answered');
  });

  it('marks a Postponed or Resolved ticket Answered on an agent reply too ("Answered": an agent replies)', () => {
    const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + DAY }], answered).ticket;
    for (const start of [postponed, resolved]) {
      const { ticket } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + 3 * HOUR }], start);
      expect(ticket).toMatchObject({ status: 'answered', until: null });
    }
  });

  it('reopens Answered to Open on a customer reply ("Open": a customer replies to an answered ticket)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR }], answered)).toBe('open');
  });

  it('keeps a New ticket New on a customer reply (choice, docs/presets.md#liveagent: New is not in the reopen list)', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + HOUR }]);
    expect(ticket.status).toBe('new');
    expect(effectsOf(effects, 'statusChanged')).toEqual([]);
  });

  it('reopens Resolved to Open on a customer reply when "Reopen Resolved Ticket" is on, the default', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], resolved);
    expect(ticket.status).toBe('open');
    expect(ticket.reopenCount).toBe(1);
    expect(effectsOf(effects, 'reopened')).toHaveLength(1);
  });

  it('keeps Resolved and tells the host (replyNeedsAttention) when reopenResolved is false', () => {
    const off = liveAgent({ reopenResolved: false });
    const start = run(off, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const { ticket, effects } = run(off, [{ type: 'reply', by: 'customer', at: T0 + DAY }], start);
    expect(ticket.status).toBe('resolved');
    expect(ticket.lastCustomerMessageAt).toBe(T0 + DAY);
    expect(effectsOf(effects, 'replyNeedsAttention')).toEqual([
      { type: 'replyNeedsAttention', status: 'resolved', at: T0 + DAY },
    ]);
  });

  it('never reopens on an auto-reply (docs/presets.md#what-every-preset-shares)', () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * HOUR, auto: true }], answered)).toBe(
      'answered',
    );
  });
});

describe(`liveAgent: Postponed, its snooze (${OV})`, () => {
  it('reopens Postponed to Open on a customer reply, ending the postponement ("Open")', () => {
    const postponed = run(
      wf,
      [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + 3 * DAY }],
      answered,
    ).ticket;
    const { ticket } = run(wf, [{ type: 'reply', by: 'customer', at: T0 + DAY }], postponed);
    expect(ticket.status).toBe('open');
    expect(ticket.until).toBeNull();
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it('wakes Postponed to Open at the postpone time ("Postponed")', () => {
    const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + DAY }], answered).ticket;
    expect(statusAfter(wf, [{ type: 'tick', at: T0 + DAY - 1 }], postponed)).toBe('postponed');
    const { ticket, effects } = run(wf, [{ type: 'tick', at: T0 + DAY }], postponed);
    expect(ticket.status).toBe('open');
    expect(effectsOf(effects, 'timerFired')).toEqual([
      { type: 'timerFired', timer: 'postpone-expiry', dueAt: T0 + DAY, from: 'postponed', to: 'open' },
    ]);
  });

  it('lets the system, never an agent, move Postponed back to New ("From the Postponed status, a ticket can progress to New")', () => {
    const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR, until: T0 + DAY }]).ticket;
    expect(statusAfter(wf, [{ type: 'setStatus', by: 'system', at: T0 + 2 * HOUR, to: 'new' }], postponed)).toBe('new');
    expect(refusal(wf, postponed, { type: 'setStatus', by: 'agent', at: T0 + 2 * HOUR, to: 'new' }).code).toBe(
      'statusChangeNotAllowed',
    );
  });

  it('wakes a ticket postponed from New back to New ("An exception is made for New tickets")', () => {
    const { ticket } = run(wf, [
      { type: 'snooze', by: 'agent', at: T0 + HOUR, until: T0 + DAY },
      { type: 'tick', at: T0 + 2 * DAY },
    ]);
    expect(ticket.status).toBe('new');
  });
});

describe(`liveAgent: who closes (${OV}: "Postponed tickets can be also … closed … manually, via mass actions, or rule actions")`, () => {
  const postponed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + 3 * DAY }], answered).ticket;

  it.each(['agent', 'system'] as const)('lets the %s close a Resolved ticket, by close or by setStatus', (by) => {
    const { ticket, effects } = run(wf, [{ type: 'close', by, at: T0 + DAY }], resolved);
    expect(ticket).toMatchObject({ status: 'closed', closedBy: by, closedAt: T0 + DAY });
    expect(effectsOf(effects, 'statusChanged')).toEqual([
      { type: 'statusChanged', from: 'resolved', to: 'closed', at: T0 + DAY, cause: 'close' },
    ]);
    expect(statusAfter(wf, [{ type: 'setStatus', by, at: T0 + DAY, to: 'closed' }], resolved)).toBe('closed');
  });

  it.each(['agent', 'system'] as const)('lets the %s close a Postponed ticket, ending the postponement', (by) => {
    const { ticket } = run(wf, [{ type: 'close', by, at: T0 + DAY }], postponed);
    expect(ticket).toMatchObject({ status: 'closed', until: null, closedBy: by });
    expect(nextDeadline(wf, ticket)).toBeNull();
  });

  it(`lets the customer close a Resolved ticket, confirming the solution (${GLOSSARY})`, () => {
    const { ticket } = run(wf, [{ type: 'close', by: 'customer', at: T0 + DAY, reason: 'confirmed' }], resolved);
    expect(ticket).toMatchObject({ status: 'closed', closedBy: 'customer', closeReason: 'confirmed' });
  });

  it("refuses closing from New, Open or Answered, which LiveAgent's transitions do not list", () => {
    for (const by of ['agent', 'system', 'customer'] as const) {
      expect(refusal(wf, answered, { type: 'close', by, at: T0 + DAY }).code).toBe('closeNotAllowed');
    }
    expect(refusal(wf, createTicket(wf, { at: T0 }), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
  });

  it('refuses a customer close of a Postponed ticket (choice, docs/presets.md#liveagent)', () => {
    expect(refusal(wf, postponed, { type: 'close', by: 'customer', at: T0 + DAY }).code).toBe('closeNotAllowed');
  });
});

describe(`liveAgent: best practices are options, not rules (${GLOSSARY}; docs/presets.md#liveagent)`, () => {
  const postponedIn = (w: typeof wf) =>
    run(w, [
      { type: 'reply', by: 'agent', at: T0 + HOUR },
      { type: 'snooze', by: 'agent', at: T0 + 2 * HOUR, until: T0 + 3 * DAY },
    ]).ticket;
  const resolvedIn = (w: typeof wf) => run(w, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;

  it('closeFollowsResolved: closes from Resolved only ("closing must follow the solved status")', () => {
    const strict = liveAgent({ closeFollowsResolved: true });
    expect(refusal(strict, postponedIn(strict), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(refusal(strict, postponedIn(strict), { type: 'close', by: 'system', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(statusAfter(strict, [{ type: 'close', by: 'agent', at: T0 + DAY }], resolvedIn(strict))).toBe('closed');
  });

  it('customerConfirms: agents never close; the customer and rules still do', () => {
    const confirm = liveAgent({ customerConfirms: true });
    expect(refusal(confirm, resolvedIn(confirm), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(
      refusal(confirm, resolvedIn(confirm), { type: 'setStatus', by: 'agent', at: T0 + DAY, to: 'closed' }).code,
    ).toBe('closeNotAllowed');
    expect(refusal(confirm, postponedIn(confirm), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(statusAfter(confirm, [{ type: 'close', by: 'customer', at: T0 + DAY }], resolvedIn(confirm))).toBe('closed');
    expect(statusAfter(confirm, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY }], resolvedIn(confirm))).toBe('closed');
  });

  it('both together leave closing to the customer and to rules, from Resolved', () => {
    const both = liveAgent({ closeFollowsResolved: true, customerConfirms: true });
    expect(refusal(both, postponedIn(both), { type: 'close', by: 'system', at: T0 + DAY }).code).toBe(
      'closeNotAllowed',
    );
    expect(refusal(both, resolvedIn(both), { type: 'close', by: 'agent', at: T0 + DAY }).code).toBe('closeNotAllowed');
    expect(statusAfter(both, [{ type: 'close', by: 'system', at: T0 + DAY }], resolvedIn(both))).toBe('closed');
  });

  it.each([{ closeFollowsResolved: 'yes' }, { customerConfirms: 1 }])(
    'throws WorkflowError invalidOption for %o',
    (options) => {
      expectInvalidOption(() => liveAgent(options as never), Object.keys(options)[0]!);
    },
  );
});

describe(`liveAgent: auto-close of Resolved, a rule the admin chooses (${GLOSSARY}; https://support.liveagent.com/290878-Time-Rules)`, () => {
  it('closes 7 days after resolving by default (the glossary\'s "no customer reply for 7 days"): still Resolved 1 ms before, exactly on time', () => {
    expect(statusAfter(wf, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY - 1 }], resolved)).toBe('resolved');
    const { ticket } = run(wf, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY }], resolved);
    expect(ticket).toMatchObject({
      status: 'closed',
      closedAt: RESOLVED_AT + 7 * DAY,
      closedBy: 'system',
      closeReason: 'inactivity',
    });
    expect(nextDeadline(wf, resolved)).toBe(RESOLVED_AT + 7 * DAY);
  });

  it("counts from the customer's last reply when that is later (reopenResolved: false)", () => {
    const off = liveAgent({ reopenResolved: false });
    const start = run(off, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const replied = run(off, [{ type: 'reply', by: 'customer', at: RESOLVED_AT + 3 * DAY }], start).ticket;
    expect(nextDeadline(off, replied)).toBe(RESOLVED_AT + 10 * DAY);
    expect(statusAfter(off, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY - 1 }], replied)).toBe('resolved');
    expect(statusAfter(off, [{ type: 'tick', at: RESOLVED_AT + 10 * DAY }], replied)).toBe('closed');
  });

  it('counts from resolving when the customer wrote before it', () => {
    const { ticket } = run(wf, [
      { type: 'reply', by: 'customer', at: T0 + HOUR },
      { type: 'resolve', by: 'agent', at: T0 + DAY },
    ]);
    expect(nextDeadline(wf, ticket)).toBe(T0 + 8 * DAY);
  });

  it('takes another delay from autoCloseAfter', () => {
    const short = liveAgent({ autoCloseAfter: 'P3D' });
    const start = run(short, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    expect(nextDeadline(short, start)).toBe(RESOLVED_AT + 3 * DAY);
  });

  it('has no auto-close with autoCloseAfter: false ("to set this option you must choose a rule")', () => {
    const manual = liveAgent({ autoCloseAfter: false });
    const start = run(manual, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    expect(nextDeadline(manual, start)).toBeNull();
    expect(statusAfter(manual, [{ type: 'tick', at: RESOLVED_AT + 365 * DAY }], start)).toBe('resolved');
    expect(manual.config.timers?.map((t) => t.id)).toEqual(['postpone-expiry']);
    expect(lintWorkflow(manual).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each<[object, string]>([
    [{ autoCloseAfter: 'soon' }, 'autoCloseAfter'],
    [{ autoCloseAfter: true }, 'autoCloseAfter'],
    [{ autoCloseAfter: false, reminders: ['P5D'] }, 'reminders'],
    [{ reminders: 'P5D' }, 'reminders'],
    [{ reminders: ['P5D', 'P1M'] }, 'reminders[1]'],
    [{ reopenResolved: 'no' }, 'reopenResolved'],
  ])('throws WorkflowError invalidOption for %o', (options, path) => {
    expectInvalidOption(() => liveAgent(options as never), path);
  });

  it('sends no reminder unless the options ask for one', () => {
    const { effects } = run(wf, [{ type: 'tick', at: RESOLVED_AT + 30 * DAY }], resolved);
    expect(effectsOf(effects, 'reminderDue')).toEqual([]);
    expect(effectsOf(effects, 'timerFired')).toHaveLength(1);
  });

  it('sends the reminders the options ask for, then closes (a Time Rule with "Send answer")', () => {
    const reminding = liveAgent({ reminders: ['P5D', 'P6D'] });
    const start = run(reminding, [{ type: 'resolve', by: 'agent', at: RESOLVED_AT }]).ticket;
    const { ticket, effects } = run(reminding, [{ type: 'tick', at: RESOLVED_AT + 7 * DAY }], start);
    expect(ticket.status).toBe('closed');
    expect(effectsOf(effects, 'reminderDue').map((e) => e.dueAt)).toEqual([
      RESOLVED_AT + 5 * DAY,
      RESOLVED_AT + 6 * DAY,
    ]);
    expect(evaluateAutoClose(reminding, start, RESOLVED_AT + 5 * DAY).due).toEqual([
      { timer: 'auto-close', kind: 'reminder', dueAt: RESOLVED_AT + 5 * DAY, from: 'resolved', to: 'resolved' },
    ]);
  });
});

describe('liveAgent: choices where the sources are silent (docs/presets.md#liveagent)', () => {
  const closed = run(wf, [{ type: 'close', by: 'customer', at: T0 + DAY }], resolved).ticket;

  it(`reopens Closed to Open on a customer reply ("the end user can re-establish contact on the same ticket", ${GLOSSARY})`, () => {
    expect(statusAfter(wf, [{ type: 'reply', by: 'customer', at: T0 + 2 * DAY }], closed)).toBe('open');
  });

  it('rejects an agent reply to Closed ("locked from further actions"), but lets an agent reopen it', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + 2 * DAY }], closed);
    expect(ticket).toBe(closed);
    expect(effectsOf(effects, 'replyRejected')).toHaveLength(1);
    expect(statusAfter(wf, [{ type: 'reopen', by: 'agent', at: T0 + 2 * DAY }], closed)).toBe('open');
  });
});

describe('liveAgent: SLA (https://support.liveagent.com/304582-Service-Level-Agreement-SLA)', () => {
  it('counts SLA time only in New and Open: answer times are what LiveAgent measures', () => {
    const paused = wf.statuses.filter((s) => s.slaPaused).map((s) => s.id);
    expect(paused).toEqual(['answered', 'postponed', 'resolved']);
  });
});
