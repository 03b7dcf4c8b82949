// What must and must not compile with the presets (docs/presets.md): each preset's status ids are a literal union,
// so a wrong id is a compile error, and so is an option the preset does not know. The runtime side of the options
// (refused with invalidOption) is in options.test.ts.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTicket, defineWorkflow, transition, WorkflowError, type GuardPredicate, type Workflow } from 'ticket-lifecycle';
import {
  chatwoot,
  freshdesk,
  helpScout,
  helpScoutGuards,
  jiraServiceManagement,
  liveAgent,
  osTicket,
  tawkTo,
  zammad,
  zendesk,
  zendeskGuards,
  type ChatwootStatus,
  type FreshdeskStatus,
  type HelpScoutStatus,
  type JiraServiceManagementStatus,
  type LiveAgentStatus,
  type OsTicketStatus,
  type TawkToStatus,
  type ZammadStatus,
  type ZendeskStatus,
} from 'ticket-lifecycle/presets';

/** A setStatus event to `to`, checked against the workflow's own status ids. */
const setStatus = <S extends string>(wf: Workflow<S>, to: NoInfer<S>) =>
  transition(wf, createTicket(wf, { at: 0 }), { type: 'setStatus', by: 'agent', at: 1, to });

describe('presets: status ids are a literal union per preset', () => {
  it('each preset returns a Workflow of its own statuses (one row per preset)', () => {
    expectTypeOf(liveAgent).returns.toEqualTypeOf<Workflow<LiveAgentStatus>>();
    expectTypeOf(tawkTo).returns.toEqualTypeOf<Workflow<TawkToStatus>>();
    expectTypeOf(zendesk).returns.toEqualTypeOf<Workflow<ZendeskStatus>>();
    expectTypeOf(freshdesk).returns.toEqualTypeOf<Workflow<FreshdeskStatus>>();
    expectTypeOf(zammad).returns.toEqualTypeOf<Workflow<ZammadStatus>>();
    expectTypeOf(chatwoot).returns.toEqualTypeOf<Workflow<ChatwootStatus>>();
    expectTypeOf(helpScout).returns.toEqualTypeOf<Workflow<HelpScoutStatus>>();
    expectTypeOf(osTicket).returns.toEqualTypeOf<Workflow<OsTicketStatus>>();
    expectTypeOf(jiraServiceManagement).returns.toEqualTypeOf<Workflow<JiraServiceManagementStatus>>();
  });

  it('the unions are exactly the vendors\' status ids', () => {
    expectTypeOf<LiveAgentStatus>().toEqualTypeOf<'new' | 'open' | 'answered' | 'postponed' | 'resolved' | 'closed'>();
    expectTypeOf<TawkToStatus>().toEqualTypeOf<'open' | 'pending' | 'closed'>();
    expectTypeOf<ZendeskStatus>().toEqualTypeOf<'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed'>();
    expectTypeOf<FreshdeskStatus>().toEqualTypeOf<'open' | 'pending' | 'resolved' | 'closed'>();
    expectTypeOf<ZammadStatus>().toEqualTypeOf<'new' | 'open' | 'pending_reminder' | 'pending_close' | 'closed' | 'merged'>();
    expectTypeOf<ChatwootStatus>().toEqualTypeOf<'open' | 'pending' | 'snoozed' | 'resolved'>();
    expectTypeOf<HelpScoutStatus>().toEqualTypeOf<'active' | 'pending' | 'snoozed' | 'closed' | 'spam'>();
    expectTypeOf<OsTicketStatus>().toEqualTypeOf<'open' | 'resolved' | 'closed' | 'archived'>();
    expectTypeOf<JiraServiceManagementStatus>().toEqualTypeOf<'waiting_for_support' | 'waiting_for_customer' | 'in_progress' | 'resolved' | 'closed'>();
  });

  it('a status id of another helpdesk, or a near miss, does not compile, and is refused at run time too', () => {
    expect(setStatus(liveAgent(), 'postponed').ok).toBe(true);
    const typos = [
      // @ts-expect-error: LiveAgent has no 'pending'
      setStatus(liveAgent(), 'pending'),
      // @ts-expect-error: tawk.to has no 'solved'
      setStatus(tawkTo(), 'solved'),
      // @ts-expect-error: Zendesk's On-hold is 'hold'
      setStatus(zendesk(), 'on-hold'),
      // @ts-expect-error: Freshdesk has no 'solved'
      setStatus(freshdesk(), 'solved'),
      // @ts-expect-error: Zammad's ids use '_' for spaces
      setStatus(zammad(), 'pending close'),
      // @ts-expect-error: Chatwoot has no 'closed'
      setStatus(chatwoot(), 'closed'),
      // @ts-expect-error: Help Scout's open status is 'active'
      setStatus(helpScout(), 'open'),
      // @ts-expect-error: osTicket has no 'solved'
      setStatus(osTicket(), 'solved'),
      // @ts-expect-error: JSM's ids are snake case
      setStatus(jiraServiceManagement(), 'waiting'),
    ];
    expect(typos.map((r) => (r.ok ? 'accepted' : r.error.code))).toEqual(Array(9).fill('unknownStatus'));
  });
});

/** The issue codes a preset call throws with, or `[]` when it builds. */
function refusedWith(build: () => unknown): string[] {
  try {
    build();
    return [];
  } catch (error) {
    return error instanceof WorkflowError ? error.issues.map((i) => i.code) : ['not a WorkflowError'];
  }
}

describe('presets: options', () => {
  it('an option the preset does not know does not compile, and is refused at run time too', () => {
    const unknown = [
      // @ts-expect-error: not a LiveAgent option
      () => liveAgent({ autoClose: 'P7D' }),
      // @ts-expect-error: tawk.to has no options
      () => tawkTo({ autoClose: false }),
      // @ts-expect-error: Zendesk's option is closeAfter
      () => zendesk({ closeAfterDays: 4 }),
      // @ts-expect-error: Freshdesk's option is closeResolvedAfter
      () => freshdesk({ closeAfter: 'PT48H' }),
      // @ts-expect-error: Zammad's option is followUp
      () => zammad({ followUpPossible: 'yes' }),
      // @ts-expect-error: Chatwoot's option is autoResolveAfter
      () => chatwoot({ autoResolveDuration: 'P7D' }),
      // @ts-expect-error: Help Scout's option is unsnoozeOnCustomerReply
      () => helpScout({ unsnoozeOnReply: true }),
      // @ts-expect-error: osTicket's option is reopen
      () => osTicket({ allowReopen: true }),
      // @ts-expect-error: JSM's option is closeResolvedAfter
      () => jiraServiceManagement({ closeAfter: 'P10D' }),
    ];
    expect(unknown.map(refusedWith)).toEqual(Array(9).fill(['invalidOption']));
  });

  it('option values are typed, and a wrong one is refused at run time too', () => {
    expect(refusedWith(() => liveAgent({ autoCloseAfter: false, closeFollowsResolved: true, customerConfirms: true }))).toEqual([]);
    expect(refusedWith(() => zendesk({ pendingNotifications: ['PT24H', 'P5D'] }))).toEqual([]);
    expect(refusedWith(() => chatwoot({ sla: { targets: { nextReply: 'PT1H' } } }))).toEqual([]);
    const wrong = [
      // @ts-expect-error: a duration or false, not true
      () => liveAgent({ autoCloseAfter: true }),
      // @ts-expect-error: a boolean
      () => helpScout({ unsnoozeOnCustomerReply: 'yes' }),
      // @ts-expect-error: one of reopen, newTicket, newTicketAfter
      () => zammad({ followUp: 'sometimes' }),
      // @ts-expect-error: Zendesk's close automation can't be turned off
      () => zendesk({ closeAfter: false }),
      // @ts-expect-error: a list of durations, not one
      () => zendesk({ pendingNotifications: 'PT24H' }),
      // @ts-expect-error: a boolean
      () => zammad({ followUpAssignment: 'no' }),
      // @ts-expect-error: Chatwoot's SLA has no agent work time
      () => chatwoot({ sla: { targets: { agentWork: 'PT1H' } } }),
    ];
    expect(wrong.map(refusedWith)).toEqual(Array(7).fill(['invalidOption']));
  });
});

describe('presets: named guards for derived policies', () => {
  it('export exactly their guard names, read-only, and a derived policy keeps the preset status union', () => {
    expectTypeOf(zendeskGuards).toEqualTypeOf<{ readonly tagsAndPriorityOnly: GuardPredicate }>();
    expectTypeOf(helpScoutGuards).toEqualTypeOf<{ readonly snoozedUntilGiven: GuardPredicate }>();
    const derived = defineWorkflow({ ...zendesk().config, name: 'Zendesk, slower' }, { guards: zendeskGuards });
    expectTypeOf(derived).toEqualTypeOf<Workflow<ZendeskStatus>>();
    expect(derived.name).toBe('Zendesk, slower');
    // @ts-expect-error: Zendesk has no snooze guard
    void zendeskGuards.snoozedUntilGiven;
    // @ts-expect-error: shared by every zendesk() policy, never replaced
    expect(() => (zendeskGuards.tagsAndPriorityOnly = () => true)).toThrow(TypeError);
  });
});
