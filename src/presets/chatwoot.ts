import { defineWorkflow, parseDuration, WorkflowError, type Duration, type Workflow, type WorkflowIssue } from 'ticket-lifecycle';

/**
 * Options of the {@link chatwoot} preset: the account's auto-resolve settings and whether the inbox has an active
 * bot (Agent Bot or Captain assistant).
 *
 * @example
 * ```ts
 * import type { ChatwootOptions } from 'ticket-lifecycle/presets';
 * const options: ChatwootOptions = { autoResolveAfter: 'P7D', ignoreWaiting: true };
 * ```
 */
export interface ChatwootOptions {
  /** `auto_resolve_after`: resolve open conversations idle this long, in whole minutes from 10 to 1,439,856 (about 999 days). Default off. */
  readonly autoResolveAfter?: Duration;
  /** `auto_resolve_ignore_waiting`: never auto-resolve while the customer waits for an answer. Needs `autoResolveAfter`. Default `false`. */
  readonly ignoreWaiting?: boolean;
  /** The inbox has an active bot: conversations start `pending` and reopen to `pending`. Default `false`. */
  readonly botActive?: boolean;
}

/**
 * Chatwoot's conversation statuses (`enum status` in `app/models/conversation.rb`).
 *
 * @example
 * ```ts
 * import type { ChatwootStatus } from 'ticket-lifecycle/presets';
 * const status: ChatwootStatus = 'snoozed';
 * ```
 */
export type ChatwootStatus = 'open' | 'pending' | 'snoozed' | 'resolved';

const MINUTE = 60_000;
const MIN_AUTO_RESOLVE = 10 * MINUTE;
// Chatwoot's own bound in `app/models/account.rb`: 1,439,856 minutes, which the reference rounds to "999 days".
const MAX_AUTO_RESOLVE = 1_439_856 * MINUTE;

/**
 * Chatwoot's conversation lifecycle, read in its source at chatwoot/chatwoot@e13e3c87 (reference §6 and
 * §11.25-28).
 *
 * - Conversations start `open`, or `pending` when the inbox has an active bot (`determine_conversation_status`).
 * - An agent reply never changes the status (chatwoot/chatwoot#938).
 * - A customer message wakes `snoozed` → `open` whatever `snoozed_until` says, and reopens `resolved` → `open`
 *   (`pending` with an active bot); it leaves `pending` as it is (§11.25-26).
 * - A snooze without `until` lasts until the customer writes; with `until` it wakes to `open` then (§11.26).
 * - Auto-resolve (`autoResolveAfter`) acts only on `open` conversations idle that long, where any message or
 *   note counts as activity; with `ignoreWaiting`, conversations where the customer waits are skipped until the
 *   team answers. No reminder comes before it (§11.27).
 *
 * Categories: `pending` means owned by a bot, so it is `onHold` (waiting for a third party: the customer's
 * message stays where the bot answers it); `resolved` is `solved` (Chatwoot has no closed status, so `close`
 * is refused with `noTargetStatus`).
 *
 * Choices where the reference is silent or the model differs:
 * - Idle time counts from the latest message, note or entry into `open`. Chatwoot writes an activity message on
 *   every status change a person makes, which bumps `last_activity_at`; a timed snooze that wakes is counted the
 *   same way, so a conversation is never auto-resolved the instant it wakes (the complaint in
 *   chatwoot/chatwoot#10241).
 * - A snooze wakes whenever it is due: Chatwoot's job skips snoozes that expired over 3 days before it runs, a
 *   scheduler-downtime artefact that the `tick` model does not have.
 * - Agents and the system may set any status; there is one lifecycle per workflow (Chatwoot's per-inbox bot
 *   and the messaging channels that start a new conversation instead of reopening, §11.28, are the host's
 *   choice of workflow and of ticket).
 *
 * With `autoResolveAfter` and without `ignoreWaiting`, `lintWorkflow` warns (`prematureClose`) that an open
 * conversation can be resolved while the customer waits: that is Chatwoot's default.
 *
 * @throws {WorkflowError} (`invalidOption`) when `autoResolveAfter` is not whole minutes from 10 to 1,439,856
 * (Chatwoot's bounds, about 999 days), or `ignoreWaiting` is given without it.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { chatwoot } from 'ticket-lifecycle/presets';
 * const wf = chatwoot({ autoResolveAfter: 'PT1H' });
 * const t = createTicket(wf, { at: 0 });
 * const r = transition(wf, t, { type: 'tick', at: 3_600_000 });
 * if (r.ok) r.ticket.status; // 'resolved'
 * ```
 */
export function chatwoot(options: ChatwootOptions = {}): Workflow<ChatwootStatus> {
  const { autoResolveAfter, ignoreWaiting = false, botActive = false } = options;
  const resolveMs = autoResolveAfter === undefined ? null : parseDuration(autoResolveAfter);
  const issues = checkOptions(autoResolveAfter, resolveMs, ignoreWaiting, botActive);
  if (issues.length > 0) throw new WorkflowError(issues);
  const start = botActive ? 'pending' : 'open';

  return defineWorkflow({
    id: 'chatwoot',
    name: 'Chatwoot',
    statuses: [
      { id: 'open', category: 'open', labels: { agent: 'Open' } },
      { id: 'pending', category: 'onHold', labels: { agent: 'Pending' } },
      { id: 'snoozed', category: 'snoozed', labels: { agent: 'Snoozed' } },
      { id: 'resolved', category: 'solved', labels: { agent: 'Resolved' } },
    ],
    initial: start,
    replies: [
      { by: 'customer', from: 'snoozed', to: 'open' },
      { by: 'customer', from: 'resolved', action: 'reopen', to: start },
    ],
    timers: [
      { id: 'snooze-expiry', in: 'snoozed', since: 'until', action: 'move', to: 'open' },
      ...(resolveMs === null ? [] : [{
        id: 'auto-resolve',
        in: 'open' as const,
        since: ['lastActivity', 'statusEntered'] as const,
        after: resolveMs,
        skipWhileCustomerWaits: ignoreWaiting,
        action: 'move' as const,
        to: 'resolved' as const,
        reason: 'auto-resolve',
      }]),
    ],
  });
}

function checkOptions(raw: unknown, ms: number | null, ignoreWaiting: unknown, botActive: unknown): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  if (raw !== undefined && (ms === null || ms < MIN_AUTO_RESOLVE || ms > MAX_AUTO_RESOLVE || ms % MINUTE !== 0)) {
    issues.push({
      path: 'autoResolveAfter',
      code: 'invalidOption',
      message: `autoResolveAfter must be whole minutes from 10 to 1,439,856 (about 999 days), not ${JSON.stringify(raw)}`,
    });
  }
  if (typeof ignoreWaiting !== 'boolean') {
    issues.push({ path: 'ignoreWaiting', code: 'invalidOption', message: 'ignoreWaiting must be true or false' });
  } else if (ignoreWaiting && raw === undefined) {
    issues.push({ path: 'ignoreWaiting', code: 'invalidOption', message: 'ignoreWaiting only means something with autoResolveAfter' });
  }
  if (typeof botActive !== 'boolean') {
    issues.push({ path: 'botActive', code: 'invalidOption', message: 'botActive must be true or false' });
  }
  return issues;
}
