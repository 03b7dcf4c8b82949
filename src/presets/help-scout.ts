import { defineWorkflow, type Workflow } from 'ticket-lifecycle';

/**
 * Options of the {@link helpScout} preset: Help Scout's statuses can't be configured, so there are none yet.
 *
 * @example
 * ```ts
 * import type { HelpScoutOptions } from 'ticket-lifecycle/presets';
 * const options: HelpScoutOptions = {};
 * ```
 */
export type HelpScoutOptions = Record<string, never>;

/**
 * Help Scout's conversation statuses.
 *
 * @example
 * ```ts
 * import type { HelpScoutStatus } from 'ticket-lifecycle/presets';
 * const status: HelpScoutStatus = 'active';
 * ```
 */
export type HelpScoutStatus = 'active' | 'pending' | 'closed' | 'spam';

/**
 * Help Scout's conversation lifecycle (reference §7 and §11.29-30; FreeScout, its open-source clone, where Help
 * Scout's own documentation is silent).
 *
 * - Conversations arrive Active.
 * - "If a customer replies back to a Pending or Closed conversation, the status will automatically be changed to
 *   Active."
 * - An agent reply sets the status chosen with it (`reply` with `status`), Pending by default (the mailbox's
 *   "Status After Replying", default Pending). "Keep current" is `status` set to the current status.
 * - Statuses can't be added or edited. Auto-close exists only as workflows the team writes, so the preset has no
 *   timer and `nextDeadline` is always `null`.
 *
 * Choices where the reference is silent:
 * - Spam is a `closed`-category status next to Closed. A customer reply to Spam is refused with `replyRejected`
 *   (the host files it with the spam) instead of reactivating it as FreeScout does; an agent marks a
 *   conversation "not spam" by setting it Active (or replying to it).
 * - An agent reply to Spam or Closed also takes the chosen status, Pending by default: replying to a
 *   conversation is working on it. A system reply (a workflow's) moves nothing.
 * - Agents and the system may set any status; Help Scout's snooze is not modelled (its behaviour was not in the
 *   available documentation).
 *
 * `lintWorkflow` warns that agents may close from Active with no guard: that is how Help Scout works.
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
export function helpScout(_options: HelpScoutOptions = {}): Workflow<HelpScoutStatus> {
  return defineWorkflow({
    id: 'help-scout',
    name: 'Help Scout',
    statuses: [
      { id: 'active', category: 'open', labels: { agent: 'Active' } },
      { id: 'pending', category: 'pending', labels: { agent: 'Pending' } },
      { id: 'closed', category: 'closed', default: true, labels: { agent: 'Closed' } },
      { id: 'spam', category: 'closed', labels: { agent: 'Spam' } },
    ],
    replies: [
      { by: 'customer', from: 'spam', action: 'reject' },
      { by: 'customer', from: ['pending', 'closed'], to: 'active' },
      { by: 'agent', to: 'pending' },
    ],
  });
}
