import { defineWorkflow, type GuardPredicate, type Workflow } from 'ticket-lifecycle';
import { PresetOptions } from './options.js';

/**
 * Options of the {@link helpScout} preset.
 *
 * @example
 * ```ts
 * import type { HelpScoutOptions } from 'ticket-lifecycle/presets';
 * const options: HelpScoutOptions = { unsnoozeOnCustomerReply: false };
 * ```
 */
export interface HelpScoutOptions {
  /**
   * The snooze's `unsnoozeOnCustomerReply`: a customer reply to a snoozed conversation makes it Active. Help
   * Scout asks for it on every snooze; here it is one choice for the whole workflow. Default `true`.
   */
  readonly unsnoozeOnCustomerReply?: boolean;
}

/**
 * Help Scout's conversation statuses, and `snoozed` for a conversation put aside until a time.
 *
 * @example
 * ```ts
 * import type { HelpScoutStatus } from 'ticket-lifecycle/presets';
 * const status: HelpScoutStatus = 'active';
 * ```
 */
export type HelpScoutStatus = 'active' | 'pending' | 'snoozed' | 'closed' | 'spam';

/** Help Scout's API refuses a snooze without `snoozedUntil`: this guard refuses it too. */
const SNOOZE_NEEDS_UNTIL = 'snoozedUntilGiven';

/**
 * The named guards `helpScout()`'s rules use, by name: what a policy derived from its `config` passes to
 * `defineWorkflow` (the JSON names a guard; its code travels beside it). `snoozedUntilGiven` refuses a `snooze`
 * without `until`: Help Scout always snoozes until a chosen time.
 *
 * @example
 * ```ts
 * import { defineWorkflow } from 'ticket-lifecycle';
 * import { helpScout, helpScoutGuards } from 'ticket-lifecycle/presets';
 * const base = helpScout();
 * const agentsOnly = defineWorkflow(
 *   { ...base.config, snooze: { by: 'agent', from: ['active', 'pending'], guards: 'snoozedUntilGiven' } },
 *   { guards: helpScoutGuards },
 * );
 * ```
 */
export const helpScoutGuards: { readonly snoozedUntilGiven: GuardPredicate } = Object.freeze({
  [SNOOZE_NEEDS_UNTIL]: (_ticket, event) => 'until' in event && event.until !== undefined,
} satisfies Record<typeof SNOOZE_NEEDS_UNTIL, GuardPredicate>);

/**
 * Help Scout's conversation lifecycle (https://docs.helpscout.com/article/11-understand-conversation-icons-and-colors;
 * every fact with its source, and the differences: docs/presets.md#help-scout), with FreeScout, its open-source
 * clone, where Help Scout's documentation is silent.
 *
 * - Conversations arrive Active.
 * - "If a customer replies back to a Pending or Closed conversation, the status will automatically be changed to
 *   Active."
 * - An agent reply sets the status chosen with it (`reply` with `status`), Pending by default (the mailbox's
 *   "Status After Replying", default Pending). "Keep current" is `status` set to the current status.
 * - Snooze (https://developer.helpscout.com/mailbox-api/endpoints/conversations/snooze/update/): agents and the
 *   system snooze an Active or Pending conversation until a time (`snooze` or `setStatus` to `snoozed`, always
 *   with `until`, as `snoozedUntil` is required). At that time it becomes Active again ("reactivated if needed",
 *   https://developer.helpscout.com/mailbox-api/endpoints/conversations/snooze/delete/); a customer reply
 *   makes it Active before then, unless `unsnoozeOnCustomerReply: false` (then it stays snoozed and the host
 *   gets `replyNeedsAttention`).
 * - Statuses can't be added or edited. Auto-close exists only as workflows the team writes, so the preset has no
 *   close timer.
 *
 * Where the model differs: Help Scout keeps a snooze beside the status (a conversation is Active or Pending and
 * also snoozed); here `snoozed` is a status of its own, and waking makes the conversation Active whatever it was.
 *
 * Choices where the sources are silent:
 * - Spam is a `closed`-category status next to Closed. A customer reply to Spam is refused with `replyRejected`
 *   (the host files it with the spam) instead of reactivating it as FreeScout does; an agent marks a
 *   conversation "not spam" by setting it Active (or replying to it).
 * - An agent reply to Spam, Closed or a snoozed conversation also takes the chosen status, Pending by default:
 *   replying to a conversation is working on it. A system reply (a workflow's) moves nothing.
 *
 * `lintWorkflow` warns that agents may close from Active with no guard: that is how Help Scout works.
 *
 * @throws {WorkflowError} (`invalidOption`) when `unsnoozeOnCustomerReply` is not a boolean, or for an option
 * this preset does not know.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { helpScout } from 'ticket-lifecycle/presets';
 * const wf = helpScout();
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'reply', by: 'agent', at: 60_000 });
 * if (r.ok) r.ticket.status; // 'pending'
 * ```
 */
export function helpScout(options: HelpScoutOptions = {}): Workflow<HelpScoutStatus> {
  const read = new PresetOptions(options, ['unsnoozeOnCustomerReply']);
  const unsnooze = read.boolean('unsnoozeOnCustomerReply', true);
  read.done();
  return defineWorkflow(
    {
      id: 'help-scout',
      name: 'Help Scout',
      statuses: [
        { id: 'active', category: 'open', labels: { agent: 'Active' } },
        { id: 'pending', category: 'pending', labels: { agent: 'Pending' } },
        { id: 'snoozed', category: 'snoozed', labels: { agent: 'Snoozed' }, requireUntil: true },
        { id: 'closed', category: 'closed', default: true, labels: { agent: 'Closed' } },
        { id: 'spam', category: 'closed', labels: { agent: 'Spam' } },
      ],
      replies: [
        { by: 'customer', from: 'spam', action: 'reject' },
        unsnooze
          ? { by: 'customer', from: 'snoozed', to: 'active' }
          : { by: 'customer', from: 'snoozed', action: 'stay' },
        { by: 'customer', from: ['pending', 'closed'], to: 'active' },
        { by: 'agent', to: 'pending' },
      ],
      snooze: { by: ['agent', 'system'], from: ['active', 'pending'], guards: SNOOZE_NEEDS_UNTIL },
      timers: [{ id: 'snooze-expiry', in: 'snoozed', since: 'until', action: 'move', to: 'active' }],
    },
    { guards: helpScoutGuards },
  );
}
