import { defineWorkflow, type Duration, type Workflow } from 'ticket-lifecycle';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { DAY, HOUR, PresetOptions } from './options.js';

/**
 * Options of the {@link freshdesk} preset.
 *
 * @example
 * ```ts
 * import type { FreshdeskOptions } from 'ticket-lifecycle/presets';
 * const options: FreshdeskOptions = { closeResolvedAfter: 'PT48H' };
 * ```
 */
export interface FreshdeskOptions {
  /**
   * A time-trigger automation "Hours since resolved ≥ N → set status Closed": from one hour to 30 days (time
   * triggers only see tickets updated in the last 30 days). Default: off, as Freshdesk ships it.
   */
  readonly closeResolvedAfter?: Duration;
  /**
   * SLA targets: first response, every response and resolution due, in calendar or business hours. The clocks
   * stop in statuses whose SLA timer is off: Pending (https://support.freshdesk.com/en/support/solutions/articles/37600-understanding-ticket-statuses).
   */
  readonly sla?: PresetSla<'firstReply' | 'nextReply' | 'resolution'>;
}

/**
 * Freshdesk's default status ids.
 *
 * @example
 * ```ts
 * import type { FreshdeskStatus } from 'ticket-lifecycle/presets';
 * const status: FreshdeskStatus = 'resolved';
 * ```
 */
export type FreshdeskStatus = 'open' | 'pending' | 'resolved' | 'closed';

/** What freshdesk's SLAs measure and where they pause (docs/sla.md). */
const SLA: VendorSla<'firstReply' | 'nextReply' | 'resolution'> = {
  metrics: ['firstReply', 'nextReply', 'resolution'],
  // Only statuses whose "SLA timer" is off pause the clocks: Pending, as Freshdesk ships it (slaPaused).
  pause: { all: {} },
};

/**
 * Freshdesk's lifecycle
 * (https://support.freshdesk.com/en/support/solutions/articles/37600-understanding-ticket-statuses;
 * sources and differences: docs/presets.md#freshdesk).
 *
 * - Tickets are created Open.
 * - "Every time a customer replies to a ticket that has a different status, it always moves back to open",
 *   Closed included.
 * - An agent reply moves nothing by itself: the agent picks the status ("send and mark as", a `reply` with
 *   `status`, typically Pending).
 * - Pending stops the SLA clock: a status flag (`slaPaused`), not the status identity.
 * - Auto-close is a time trigger, off by default; `closeResolvedAfter` (for example `PT48H`, a common
 *   configuration) closes Resolved tickets that long after they were resolved.
 *
 * Choices where the sources are silent: agents and the system may set any status, resolve and close from any
 * open status, and reopen Resolved or Closed; customers change the status only by replying. An agent reply to a
 * Closed ticket leaves it Closed. The SLA flag is set on Pending only, as Freshdesk states; Resolved and Closed
 * end the SLA rather than pause it.
 *
 * Timing differs on purpose: Freshdesk's time triggers run once an hour over tickets updated in the last 30 days
 * (https://support.freshdesk.com/en/support/solutions/articles/50000009474), so a ticket closes at the first run
 * after its time, up to an hour late. The preset closes at the exact due time, whenever the host's sweeper runs.
 *
 * `lintWorkflow` warns that agents may close from Open with no guard: that is how Freshdesk works.
 *
 * @throws {WorkflowError} (`invalidOption`) when `closeResolvedAfter` is not a duration from one hour to 30 days,
 * or for an option this preset does not know.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { freshdesk } from 'ticket-lifecycle/presets';
 * const wf = freshdesk({ closeResolvedAfter: 'PT48H' });
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'reply', by: 'agent', at: 60_000, status: 'pending' });
 * if (r.ok) r.ticket.status; // 'pending'
 * ```
 */
export function freshdesk(options: FreshdeskOptions = {}): Workflow<FreshdeskStatus> {
  const read = new PresetOptions(options, ['closeResolvedAfter', 'sla']);
  // Time triggers only see tickets updated in the last 30 days: a longer delay would never fire.
  const closeMs = read.duration('closeResolvedAfter', null, {
    min: HOUR,
    max: 30 * DAY,
    describe: 'a duration from one hour to 30 days',
  });
  const sla = readSlaOption(read, 'freshdesk', SLA);
  read.done();
  return defineWorkflow({
    ...sla,
    id: 'freshdesk',
    name: 'Freshdesk',
    statuses: [
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'pending', category: 'pending', labels: { agent: 'Pending' }, slaPaused: true },
      { id: 'resolved', category: 'solved', labels: { agent: 'Resolved' } },
      { id: 'closed', category: 'closed', labels: { agent: 'Closed' } },
    ],
    replies: [{ by: 'customer', to: 'open' }],
    timers:
      closeMs === null
        ? []
        : [
            {
              id: 'close-resolved',
              in: 'resolved',
              after: closeMs,
              action: 'move',
              to: 'closed',
              reason: 'resolved-timeout',
            },
          ],
  });
}
