import type { Actor } from '../model/actor.js';
import type { SlaMetric } from '../sla/sla-config.js';
import type { TransitionErrorCode } from './result.js';

/**
 * What the host should do after a transition. Effects are declarative: the library never sends mail, opens
 * tickets or calls anyone.
 *
 * - `statusChanged`: the status moved (`cause` says by what).
 * - `reopened`: a solved or closed ticket went back to work.
 * - `followUpRequested`: a reply reached a locked ticket; open a new ticket linked to this one.
 * - `replyRejected`: the policy refuses replies here; tell the sender (osTicket rejects mail to closed tickets).
 * - `replyNeedsAttention`: a customer wrote and the ticket stays where the team does not look (for example
 *   Resolved with reopening off); notify someone.
 * - `reminderDue`: a reminder timer came due.
 * - `timerFired`: a timer moved the ticket (auto-close, auto-solve, snooze wake-up).
 * - `timerBlocked`: a timer came due but the rules refuse the `system` its move (`code` says why: an assignee
 *   is missing, a guard refused …). The ticket stays; the timer is tried again after the next event that
 *   changes the ticket.
 * - `merged`: the ticket was merged into ticket `into` and closed; move its conversation there.
 * - `assigned`: the assignee changed, `cause` says why: an `assign` event, a `reopen` that clears it
 *   (`reopenAssignee: 'clear'`), or the agent who solved an unassigned ticket (`solver`: `assignSolver`).
 * - `slaWarning`: an SLA target of `policy` is due at `dueAt` (announced `warnBefore` earlier, at `at`).
 * - `slaBreached`: an SLA target was missed: `dueAt` was its due time (`at` equals it, except when a change of
 *   policy made a target already past: then both are the change's time).
 * - `slaMet`: a metric's cycle was met at `at`, after `elapsed` ms of clock time against its `target`.
 * - `slaPolicyChanged`: another SLA policy applies from `at` (a change of priority, group, channel or tags).
 * - `updated`: the priority, group or tags changed (`changes` holds each changed one, before and after), by an
 *   `update` event (`timer: null`) or by a timer's `set` (`timer` names it: the escalation's why).
 *
 * @example
 * ```ts
 * import type { Effect } from 'ticket-lifecycle';
 * function handle(effect: Effect<string>): string {
 *   switch (effect.type) {
 *     case 'followUpRequested': return `open a ticket linked to this one`;
 *     case 'reminderDue': return `send reminder ${effect.timer}`;
 *     default: return effect.type;
 *   }
 * }
 * ```
 */
export type Effect<S extends string = string, P extends string = string> =
  | {
      readonly type: 'statusChanged';
      readonly from: S;
      readonly to: S;
      readonly at: number;
      readonly cause: EffectCause;
    }
  | { readonly type: 'reopened'; readonly from: S; readonly to: S; readonly at: number; readonly by: Actor }
  | { readonly type: 'followUpRequested'; readonly status: S; readonly at: number; readonly by: Actor }
  | {
      readonly type: 'replyRejected';
      readonly status: S;
      readonly at: number;
      readonly by: Actor;
      readonly reason: string;
    }
  | { readonly type: 'replyNeedsAttention'; readonly status: S; readonly at: number }
  | {
      readonly type: 'reminderDue';
      readonly timer: string;
      readonly dueAt: number;
      readonly status: S;
      readonly index: number;
    }
  | {
      readonly type: 'timerFired';
      readonly timer: string;
      readonly dueAt: number;
      readonly from: S;
      readonly to: S;
    }
  | {
      readonly type: 'timerBlocked';
      readonly timer: string;
      readonly dueAt: number;
      readonly from: S;
      readonly to: S;
      readonly code: TransitionErrorCode;
      readonly message: string;
    }
  | { readonly type: 'merged'; readonly into: string; readonly at: number; readonly by: Actor }
  | {
      readonly type: 'assigned';
      readonly from: string | null;
      readonly to: string | null;
      readonly at: number;
      readonly cause: AssignCause;
    }
  | {
      readonly type: 'slaWarning';
      readonly policy: string;
      readonly metric: SlaMetric;
      readonly dueAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'slaBreached';
      readonly policy: string;
      readonly metric: SlaMetric;
      readonly dueAt: number;
      readonly at: number;
    }
  | {
      readonly type: 'slaMet';
      readonly policy: string;
      readonly metric: SlaMetric;
      readonly at: number;
      readonly elapsed: number;
      readonly target: number;
      readonly breached: boolean;
    }
  | {
      readonly type: 'slaPolicyChanged';
      readonly from: string | null;
      readonly to: string | null;
      readonly at: number;
    }
  | {
      readonly type: 'updated';
      readonly at: number;
      readonly by: Actor;
      readonly changes: AttributeChanges<P>;
      readonly timer: string | null;
    };

/**
 * What an `updated` effect says changed: each changed attribute with its value before and after; unchanged ones are
 * absent.
 *
 * @example
 * ```ts
 * import type { AttributeChanges } from 'ticket-lifecycle';
 * const escalated: AttributeChanges<'normal' | 'urgent'> = { priority: { from: 'normal', to: 'urgent' } };
 * ```
 */
export interface AttributeChanges<P extends string = string> {
  readonly priority?: { readonly from: P | null; readonly to: P | null };
  readonly group?: { readonly from: string | null; readonly to: string | null };
  readonly tags?: { readonly from: readonly string[]; readonly to: readonly string[] };
  readonly assignee?: { readonly from: string | null; readonly to: string | null };
}

/**
 * Why the assignee changed: an `assign` event, a reopen that clears it (`reopenAssignee: 'clear'`), or the agent who
 * solved an unassigned ticket becoming its assignee (`solver`: a `resolve` rule with `assignSolver`).
 *
 * @example
 * ```ts
 * import type { AssignCause } from 'ticket-lifecycle';
 * const cause: AssignCause = 'solver';
 * ```
 */
export type AssignCause = 'assign' | 'reopen' | 'solver';

/**
 * What caused a status change.
 *
 * @example
 * ```ts
 * import type { EffectCause } from 'ticket-lifecycle';
 * const cause: EffectCause = 'timer';
 * ```
 */
export type EffectCause =
  | 'reply'
  | 'setStatus'
  | 'assign'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'snooze'
  | 'merge'
  | 'timer';
