import { defineWorkflow, type Duration, type Workflow } from 'ticket-lifecycle';
import { readSlaOption, type PresetSla, type VendorSla } from './sla-option.js';
import { MINUTE, PresetOptions } from './options.js';

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
  /**
   * `auto_resolve_after`: resolve open conversations idle this long, in whole minutes from 10 to 1,439,856 (about 999
   * days). Default off.
   */
  readonly autoResolveAfter?: Duration;
  /**
   * `auto_resolve_ignore_waiting`: never auto-resolve while the customer waits for an answer. Needs `autoResolveAfter`.
   * Default `false`.
   */
  readonly ignoreWaiting?: boolean;
  /** The inbox has an active bot: conversations start `pending` and reopen to `pending`. Default `false`. */
  readonly botActive?: boolean;
  /**
   * SLA targets (Chatwoot enterprise,
   * https://github.com/chatwoot/chatwoot/blob/e13e3c87/enterprise/app/services/sla/evaluate_applied_sla_service.rb):
   * first response, next response (only while the customer waits) and resolution time. No status pauses them,
   * snoozed and pending included; Chatwoot counts calendar time, so `businessHours` is this library's addition.
   */
  readonly sla?: PresetSla<'firstReply' | 'nextReply' | 'resolution'>;
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

// Chatwoot's own bounds in `app/models/account.rb`: 10 to 1,439,856 minutes (about 999 days).
const AUTO_RESOLVE_BOUNDS = {
  min: 10 * MINUTE,
  max: 1_439_856 * MINUTE,
  step: MINUTE,
  describe: 'whole minutes from 10 to 1,439,856',
};

/** What chatwoot's SLAs measure: no status pauses them (no `slaPaused` status), only resolving stops them. */
const SLA: VendorSla<'firstReply' | 'nextReply' | 'resolution'> = {
  metrics: ['firstReply', 'nextReply', 'resolution'],
  pause: { all: {} },
};

/**
 * Chatwoot's conversation lifecycle, read in its source at chatwoot/chatwoot@e13e3c87
 * (https://github.com/chatwoot/chatwoot/blob/e13e3c87/app/models/conversation.rb; sources and differences:
 * docs/presets.md#chatwoot).
 *
 * - Conversations start `open`, or `pending` when the inbox has an active bot (`determine_conversation_status`).
 * - An agent reply never changes the status (chatwoot/chatwoot#938).
 * - A customer message wakes `snoozed` → `open` whatever `snoozed_until` says, and reopens `resolved` → `open`
 *   (`pending` with an active bot); it leaves `pending` as it is.
 * - A snooze without `until` lasts until the customer writes; with `until` it wakes to `open` then
 *   (https://developers.chatwoot.com/api-reference/conversations/toggle-status).
 * - SLA (`sla`, enterprise): first response, next response and resolution, paused by no status.
 * - Auto-resolve (`autoResolveAfter`) acts only on `open` conversations idle that long, where any message or
 *   note counts as activity; with `ignoreWaiting`, conversations where the customer waits are skipped until the
 *   team answers. No reminder comes before it.
 *
 * Categories: `pending` means owned by a bot, so it is `onHold` (waiting for a third party: the customer's
 * message stays where the bot answers it); `resolved` is `solved` (Chatwoot has no closed status, so `close`
 * is refused with `noTargetStatus`).
 *
 * Choices where the sources are silent or the model differs:
 * - Idle time counts from the latest message, note or entry into `open`. Chatwoot writes an activity message on
 *   every status change a person makes, which bumps `last_activity_at`; a timed snooze that wakes is counted the
 *   same way, so a conversation is never auto-resolved the instant it wakes (the complaint in
 *   chatwoot/chatwoot#10241).
 * - Timers act at their exact time: Chatwoot's jobs run every 5 minutes (`config/schedule.yml`), so its snoozes
 *   wake and its auto-resolve acts up to 5 minutes late, and its snooze job skips snoozes that expired over 3
 *   days before it runs, a scheduler-downtime artefact the preset does not have.
 * - Agents and the system may set any status; there is one lifecycle per workflow (Chatwoot's per-inbox bot
 *   and the messaging channels that start a new conversation instead of reopening are the host's
 *   choice of workflow and of ticket).
 *
 * With `autoResolveAfter` and without `ignoreWaiting`, `lintWorkflow` warns (`prematureClose`) that an open
 * conversation can be resolved while the customer waits: that is Chatwoot's default.
 *
 * @throws {WorkflowError} (`invalidOption`) when `autoResolveAfter` is not whole minutes from 10 to 1,439,856
 * (Chatwoot's bounds, about 999 days), `ignoreWaiting` is given without it, or for an option this preset does
 * not know.
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
  const read = new PresetOptions(options, ['autoResolveAfter', 'ignoreWaiting', 'botActive', 'sla']);
  const resolveMs = read.duration('autoResolveAfter', null, AUTO_RESOLVE_BOUNDS);
  const ignoreWaiting = read.boolean('ignoreWaiting', false);
  const botActive = read.boolean('botActive', false);
  if (ignoreWaiting && !read.has('autoResolveAfter')) read.report('ignoreWaiting', 'needs autoResolveAfter');
  const sla = readSlaOption(read, 'chatwoot', SLA);
  read.done();
  const start = botActive ? 'pending' : 'open';

  return defineWorkflow({
    ...sla,
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
      ...(resolveMs === null
        ? []
        : [
            {
              id: 'auto-resolve',
              in: 'open' as const,
              since: ['lastActivity', 'statusEntered'] as const,
              after: resolveMs,
              skipWhileCustomerWaits: ignoreWaiting,
              action: 'move' as const,
              to: 'resolved' as const,
              reason: 'auto-resolve',
            },
          ]),
    ],
  });
}
