// SLA options of the presets: each vendor's metrics and pause rules, as its public docs describe them.
import { describe, expect, it } from 'vitest';
import { createTicket, nextDeadline, slaStatus, type SlaMetric, type Ticket, type Workflow } from 'ticket-lifecycle';
import { chatwoot, freshdesk, jiraServiceManagement, liveAgent, zammad, zendesk } from 'ticket-lifecycle/presets';
import { effectsOf, expectInvalidOption, HOUR, MINUTE, run, T0 } from './helpers.js';

const ZENDESK_SLA = 'https://support.zendesk.com/hc/en-us/articles/4408829459866';
const ZENDESK_METRICS =
  'https://handbook.gitlab.com/handbook/security/customer-support-operations/zendesk/metrics-definitions';
const FRESHDESK_STATUSES =
  'https://support.freshdesk.com/en/support/solutions/articles/37600-understanding-ticket-statuses';
const ZAMMAD_SLA = 'https://admin-docs.zammad.org/en/latest/manage/slas.html';
const JSM_PAUSE =
  'https://confluence.atlassian.com/jirakb/understanding-why-an-sla-is-paused-in-a-jira-service-management-ticket-1271267987.html';
const LIVEAGENT_SLA = 'https://support.liveagent.com/304582-Service-Level-Agreement-SLA';
const CHATWOOT_SLA =
  'https://github.com/chatwoot/chatwoot/blob/e13e3c87/enterprise/app/services/sla/evaluate_applied_sla_service.rb';

/** What a metric's clock counted on `ticket` by `now`. */
function elapsed(wf: Workflow, ticket: Ticket, metric: SlaMetric, now: number): number | undefined {
  const status = slaStatus(wf, ticket, now);
  return status.ok ? status.metrics.find((m) => m.metric === metric)?.elapsed : undefined;
}

describe(`zendesk SLA (${ZENDESK_SLA}; definitions: ${ZENDESK_METRICS})`, () => {
  const targets = { requesterWait: 'P1D', agentWork: 'P1D', periodicUpdate: 'P1D', resolution: 'P2D' } as const;
  const wf = zendesk({ sla: { targets } });
  const { ticket } = run(wf, [
    { type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' }, // New → Open: 1 h
    { type: 'setStatus', by: 'agent', to: 'pending', at: T0 + 2 * HOUR }, // Open: 1 h
    { type: 'setStatus', by: 'agent', to: 'hold', at: T0 + 5 * HOUR }, // Pending: 3 h
    { type: 'setStatus', by: 'agent', to: 'open', at: T0 + 9 * HOUR }, // On-hold: 4 h
  ]);
  const now = T0 + 10 * HOUR; // Open: 1 h
  it('requester wait time counts New, Open and On-hold: Pending pauses it', () => {
    expect(elapsed(wf, ticket, 'requesterWait', now)).toBe(7 * HOUR);
  });
  it('agent work time counts New and Open: Pending and On-hold pause it', () => {
    expect(elapsed(wf, ticket, 'agentWork', now)).toBe(3 * HOUR);
  });
  it('total resolution time counts New, Open, Pending and On-hold', () => {
    expect(elapsed(wf, ticket, 'resolution', now)).toBe(10 * HOUR);
  });
  it('SLA policies per priority (low, normal, high, urgent), the general targets for the rest', () => {
    const byPriority = zendesk({
      sla: { byPriority: { urgent: { firstReply: 'PT1H' } }, targets: { firstReply: 'PT8H' } },
    });
    expect(createTicket(byPriority, { at: T0, priority: 'urgent' }).sla?.policy).toBe('zendesk-urgent');
    expect(createTicket(byPriority, { at: T0, priority: 'low' }).sla?.policy).toBe('zendesk');
    expectInvalidOption(() => zendesk({ sla: { byPriority: { asap: {} } as never } }), 'sla.byPriority.asap');
  });
  it('refuses a metric Zendesk does not have, as an option error', () => {
    expectInvalidOption(() => zendesk({ sla: { targets: { lunch: 'PT1H' } as never } }), 'sla.targets.lunch');
  });
});

describe(`freshdesk SLA (${FRESHDESK_STATUSES})`, () => {
  const wf = freshdesk({ sla: { targets: { firstReply: 'PT1H', resolution: 'PT4H' } } });
  it('"SLA timers are turned off for pending tickets": pending pauses resolution, open counts again', () => {
    const { ticket } = run(wf, [
      { type: 'reply', by: 'agent', at: T0 + 30 * MINUTE, status: 'pending' },
      { type: 'reply', by: 'customer', at: T0 + 5 * HOUR }, // back to Open
    ]);
    expect(elapsed(wf, ticket, 'resolution', T0 + 6 * HOUR)).toBe(90 * MINUTE);
    expect(effectsOf(run(wf, [{ type: 'tick', at: T0 + HOUR }]).effects, 'slaBreached')).toEqual([
      { type: 'slaBreached', policy: 'freshdesk', metric: 'firstReply', dueAt: T0 + HOUR, at: T0 + HOUR },
    ]);
  });
});

describe(`zammad SLA (${ZAMMAD_SLA})`, () => {
  const wf = zammad({
    sla: { targets: { firstReply: 'PT2H', nextReply: 'PT4H', resolution: 'P1D' }, warnBefore: 'PT15M' },
  });
  it('first response, update and solution times; an escalation warning before the first response escalates', () => {
    const { effects } = run(wf, [{ type: 'tick', at: T0 + 2 * HOUR }]);
    expect(effectsOf(effects, 'slaWarning')).toEqual([
      { type: 'slaWarning', policy: 'zammad', metric: 'firstReply', dueAt: T0 + 2 * HOUR, at: T0 + 105 * MINUTE },
    ]);
    expect(effectsOf(effects, 'slaBreached').map((e) => e.metric)).toEqual(['firstReply']);
  });
  it('pending states freeze the solution time', () => {
    const { ticket } = run(wf, [
      { type: 'setStatus', by: 'agent', to: 'pending_reminder', at: T0 + HOUR, until: T0 + 30 * HOUR },
    ]);
    expect(elapsed(wf, ticket, 'resolution', T0 + 20 * HOUR)).toBe(HOUR);
  });
});

describe(`jira service management SLA (${JSM_PAUSE})`, () => {
  const wf = jiraServiceManagement({ sla: { targets: { firstReply: 'PT4H', resolution: 'PT16H' } } });
  it('time to resolution pauses while Waiting for customer', () => {
    const { ticket } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + HOUR }]); // → waiting_for_customer
    expect(ticket.status).toBe('waiting_for_customer');
    expect(elapsed(wf, ticket, 'resolution', T0 + 9 * HOUR)).toBe(HOUR);
    expect(elapsed(wf, ticket, 'firstReply', T0 + 9 * HOUR)).toBe(HOUR);
  });
});

describe(`liveagent SLA (${LIVEAGENT_SLA})`, () => {
  const wf = liveAgent({ sla: { targets: { firstReply: 'PT1H', nextReply: 'PT2H' } } });
  it('first answer runs in New until Answered', () => {
    const { ticket, effects } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + 20 * MINUTE }]);
    expect(ticket.status).toBe('answered');
    expect(effectsOf(effects, 'slaMet')).toEqual([
      expect.objectContaining({ metric: 'firstReply', elapsed: 20 * MINUTE, breached: false }),
    ]);
  });
  it('next answer starts again with each customer reply (a reopen) and runs in Open until Answered', () => {
    const { ticket } = run(wf, [
      { type: 'reply', by: 'agent', at: T0 + 20 * MINUTE },
      { type: 'reply', by: 'customer', at: T0 + HOUR },
    ]);
    expect(ticket.status).toBe('open');
    expect(ticket.sla?.clocks.nextReply).toMatchObject({ start: T0 + HOUR, since: T0 + HOUR });
  });
  it('without an SLA level, the internal 7-day answer time applies', () => {
    const internal = liveAgent({ sla: {} });
    const ticket = createTicket(internal, { at: T0 });
    expect(ticket.sla?.policy).toBe('liveagent-default');
    expect(nextDeadline(internal, ticket)).toBe(T0 + 7 * 24 * HOUR);
  });
  it('resolving does not satisfy an answer SLA: the clock stops unmet', () => {
    const { ticket, effects } = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + 10 * MINUTE }]);
    expect(effectsOf(effects, 'slaMet')).toEqual([]);
    expect(ticket.sla?.clocks.firstReply).toMatchObject({ metAt: null, since: null, used: 10 * MINUTE });
  });
});

describe(`chatwoot SLA, enterprise (${CHATWOOT_SLA})`, () => {
  const wf = chatwoot({ sla: { targets: { firstReply: 'PT1H', nextReply: 'PT1H', resolution: 'P1D' } } });
  it('first response runs from creation until the first agent message', () => {
    const { effects } = run(wf, [{ type: 'reply', by: 'agent', at: T0 + 20 * MINUTE }]);
    expect(effectsOf(effects, 'slaMet')).toEqual([
      expect.objectContaining({ metric: 'firstReply', elapsed: 20 * MINUTE, breached: false }),
    ]);
  });
  it('no status pauses the clocks: snoozed and pending (bot) conversations still count', () => {
    const snoozed = run(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR }]).ticket;
    expect(elapsed(wf, snoozed, 'resolution', T0 + 5 * HOUR)).toBe(5 * HOUR);
    const bot = chatwoot({ botActive: true, sla: { targets: { resolution: 'P1D' } } });
    expect(elapsed(bot, createTicket(bot, { at: T0 }), 'resolution', T0 + 3 * HOUR)).toBe(3 * HOUR);
  });
  it('next response runs only while the customer waits (waiting_since)', () => {
    const { ticket } = run(wf, [
      { type: 'reply', by: 'agent', at: T0 + 10 * MINUTE },
      { type: 'reply', by: 'customer', at: T0 + HOUR },
    ]);
    expect(ticket.sla?.clocks.nextReply).toMatchObject({ start: T0 + HOUR, since: T0 + HOUR });
  });
  it('resolving stops the resolution clock, met', () => {
    const { effects } = run(wf, [{ type: 'resolve', by: 'agent', at: T0 + 2 * HOUR }]);
    expect(effectsOf(effects, 'slaMet')).toEqual([
      expect.objectContaining({ metric: 'resolution', elapsed: 2 * HOUR, breached: false }),
    ]);
  });
  it('refuses a metric Chatwoot does not have, and per-priority policies, as option errors', () => {
    expectInvalidOption(() => chatwoot({ sla: { targets: { agentWork: 'PT1H' } as never } }), 'sla.targets.agentWork');
    expectInvalidOption(() => chatwoot({ sla: { byPriority: {} } as never }), 'sla.byPriority');
  });
});
