import { defineWorkflow, type CalendarConfig, type Duration, type Workflow } from 'ticket-lifecycle';
import { readBusinessHours } from './business-hours.js';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { DAY, PresetOptions } from './options.js';

/**
 * Options of the {@link jiraServiceManagement} preset: the legacy automation rules "Close resolved issue" and
 * "Prompt customer for comment". `false` turns a rule off.
 *
 * @example
 * ```ts
 * import type { JiraServiceManagementOptions } from 'ticket-lifecycle/presets';
 * const options: JiraServiceManagementOptions = { closeResolvedAfter: 'P3D', remindWaitingAfter: false };
 * ```
 */
export interface JiraServiceManagementOptions {
  /** Close a Resolved issue this long after it was resolved. Default `P10D`. */
  readonly closeResolvedAfter?: Duration | false;
  /** Remind (`reminderDue`) once an issue has waited this long for the customer. Default `P5D`. */
  readonly remindWaitingAfter?: Duration | false;
  /**
   * Count both automations in these business hours (a day is then one business day's worth of open time,
   * docs/calendars.md). With `closeResolvedAfter: 'P3D'` this is the ITSM template's "auto-close 3 business days
   * after resolved"
   * (https://support.atlassian.com/ja/jira-service-management-cloud/docs/auto-close-incidents-after-they-are-resolved).
   * Default: calendar time.
   */
  readonly businessHours?: CalendarConfig;
  /**
   * SLA goals: time to first response and time to resolution, on an SLA calendar or around the clock; both pause
   * while Waiting for customer (https://confluence.atlassian.com/jirakb/understanding-why-an-sla-is-paused-in-a-jira-service-management-ticket-1271267987.html).
   */
  readonly sla?: PresetSla<'firstReply' | 'resolution'>;
}

/**
 * The statuses of Jira Service Management's service-request workflow, in snake case.
 *
 * @example
 * ```ts
 * import type { JiraServiceManagementStatus } from 'ticket-lifecycle/presets';
 * const status: JiraServiceManagementStatus = 'waiting_for_customer';
 * ```
 */
export type JiraServiceManagementStatus =
  | 'waiting_for_support'
  | 'waiting_for_customer'
  | 'in_progress'
  | 'resolved'
  | 'closed';

const WORKING = ['waiting_for_support', 'waiting_for_customer', 'in_progress'] as const;

/** What jira-service-management's SLAs measure and where they pause (docs/sla.md). */
const SLA: VendorSla<'firstReply' | 'resolution'> = {
  metrics: ['firstReply', 'resolution'],
  // "Pause on: Waiting for customer", the shipped SLA goals' only pause condition (slaPaused).
  pause: { all: {} },
};

/**
 * Jira Service Management's service-request lifecycle with its legacy automation presets
 * (https://confluence.atlassian.com/servicedeskcloud/automating-your-service-desk-732528900.html; sources and
 * differences: docs/presets.md#jira-service-management).
 *
 * - Requests are created Waiting for support.
 * - "Comment updates reply status": a customer comment moves Waiting for customer → Waiting for support; a team
 *   comment moves Waiting for support → Waiting for customer.
 * - Agents resolve from Waiting for support, Waiting for customer and In progress.
 * - "Comment reopens issue": a customer comment on a Resolved issue reopens it to Waiting for support.
 * - "Close resolved issue": Resolved closes `closeResolvedAfter` after it was resolved (default 10 days).
 * - "Prompt customer for comment": `reminderDue` once after `remindWaitingAfter` in Waiting for customer
 *   (default 5 days), once per stay.
 * - Waiting for customer pauses the SLA (`slaPaused`, the usual "Pause on" condition).
 * - Statuses move along the workflow's transitions only: any working status to any other or to
 *   Resolved; Resolved back to Waiting for support (reopen) or to Closed; Closed is final.
 *
 * Choices where the sources are silent:
 * - A comment on In progress moves nothing, from either side: the preset rules test the status (the team put
 *   it in progress on purpose). A customer comment on Waiting for support and a team comment on Waiting for
 *   customer move nothing either; a system comment (an automation's) moves nothing.
 * - Closed is non-editable (`jira.issue.editable = false`, as in Jira's default workflows): a customer comment
 *   yields `followUpRequested` (the host raises a linked request), a team comment is rejected.
 * - Closing is the Resolved → Closed transition, by agents or the system; customers change the status only by
 *   commenting. The automations count calendar time unless `businessHours` is given: then they count its open
 *   time, and `{ closeResolvedAfter: 'P3D', businessHours }` is the ITSM template's "auto-close 3 business days
 *   after resolved".
 *
 * @throws {WorkflowError} (`invalidOption`) when a duration option is neither a positive duration nor `false`,
 * `businessHours` is not an object, or for an option this preset does not know; an invalid calendar is reported by
 * `defineWorkflow` under `calendars.automations`.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { jiraServiceManagement } from 'ticket-lifecycle/presets';
 * const wf = jiraServiceManagement({ closeResolvedAfter: 'P3D' });
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'reply', by: 'agent', at: 60_000 });
 * if (r.ok) r.ticket.status; // 'waiting_for_customer'
 * ```
 */
export function jiraServiceManagement(
  options: JiraServiceManagementOptions = {},
): Workflow<JiraServiceManagementStatus> {
  const read = new PresetOptions(options, ['closeResolvedAfter', 'remindWaitingAfter', 'businessHours', 'sla']);
  const rule = { describe: 'a positive duration', offWith: false } as const;
  const closeMs = read.duration('closeResolvedAfter', 10 * DAY, rule);
  const remindMs = read.duration('remindWaitingAfter', 5 * DAY, rule);
  const hours = readBusinessHours(read);
  const sla = readSlaOption(read, 'jira-service-management', SLA);
  read.done();
  // `false` turned a rule off above (null): what is left is a duration or absent.
  const written = (value: Duration | false | undefined): Duration | undefined => (value === false ? undefined : value);

  return defineWorkflow({
    ...sla,
    ...hours.calendars(sla.calendars),
    id: 'jira-service-management',
    name: 'Jira Service Management',
    statuses: [
      { id: 'waiting_for_support', category: 'open', default: true, labels: { agent: 'Waiting for support' } },
      { id: 'waiting_for_customer', category: 'pending', labels: { agent: 'Waiting for customer' }, slaPaused: true },
      { id: 'in_progress', category: 'open', labels: { agent: 'In progress' } },
      { id: 'resolved', category: 'solved', labels: { agent: 'Resolved' } },
      { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
    ],
    replies: [
      { by: 'customer', from: 'waiting_for_customer', to: 'waiting_for_support' },
      { by: 'customer', from: 'resolved', action: 'reopen', to: 'waiting_for_support' },
      { by: 'customer', from: 'closed', action: 'followUp' },
      { by: 'agent', from: 'waiting_for_support', to: 'waiting_for_customer' },
      { by: ['agent', 'system'], from: 'closed', action: 'reject' },
    ],
    statusChanges: [
      { by: ['agent', 'system'], from: WORKING, to: [...WORKING, 'resolved'] },
      { by: ['agent', 'system'], from: 'resolved', to: ['waiting_for_support', 'closed'] },
    ],
    resolve: { by: ['agent', 'system'], from: WORKING },
    close: { by: ['agent', 'system'], from: 'resolved' },
    reopen: { by: ['agent', 'system'], from: 'resolved' },
    timers: [
      ...(closeMs === null
        ? []
        : [
            {
              id: 'close-resolved',
              in: 'resolved' as const,
              ...hours.after(closeMs, written(options.closeResolvedAfter), 'P10D'),
              action: 'move' as const,
              to: 'closed' as const,
              reason: 'resolved-timeout',
            },
          ]),
      ...(remindMs === null
        ? []
        : [
            {
              id: 'prompt-customer',
              in: 'waiting_for_customer' as const,
              ...hours.after(remindMs, written(options.remindWaitingAfter), 'P5D'),
              action: 'remind' as const,
            },
          ]),
    ],
  });
}
