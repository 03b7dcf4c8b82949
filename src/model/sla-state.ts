/**
 * What an SLA clock measures, with Zendesk's definitions (docs/sla.md):
 *
 * - `firstReply`: from the customer's first message (the ticket's creation, usually) to the first reply on the
 *   team's side.
 * - `nextReply`: from the oldest unanswered customer message to the next reply on the team's side (every
 *   exchange after the first).
 * - `periodicUpdate`: from one team reply to the next, while the ticket is worked on.
 * - `resolution`: from creation until solved; a reopen resumes it.
 * - `requesterWait`: the time the customer waits (Zendesk's requester wait time: not counted while pending).
 * - `agentWork`: the time the team works (Zendesk's agent work time: not counted while pending or on hold).
 *
 * @example
 * ```ts
 * import type { SlaMetric } from 'ticket-lifecycle';
 * const metric: SlaMetric = 'firstReply';
 * ```
 */
export type SlaMetric = 'firstReply' | 'nextReply' | 'periodicUpdate' | 'resolution' | 'requesterWait' | 'agentWork';

/**
 * One SLA clock inside a ticket: one cycle of one metric (a `nextReply` cycle per unanswered customer message, a
 * `periodicUpdate` cycle per team reply; the other metrics have one cycle per ticket). Times in epoch ms; `used` is
 * ms of the policy calendar's open time (plain time without a calendar).
 *
 * @example
 * ```ts
 * import type { SlaClock } from 'ticket-lifecycle';
 * const running: SlaClock = { start: 0, used: 0, since: 0, metAt: null, stage: 0 };
 * ```
 */
export interface SlaClock {
  /** When the cycle began: the target counts from here. */
  readonly start: number;
  /** Clock time counted before `since`: the stretches before the last pause. */
  readonly used: number;
  /** Counting since this moment; `null` while paused or stopped. */
  readonly since: number | null;
  /** When the cycle was met; `null` while open (a reopen clears `resolution`'s and resumes it). */
  readonly metAt: number | null;
  /** What was announced: `0` nothing, `1` the warning, `2` the breach. */
  readonly stage: 0 | 1 | 2;
}

/**
 * The SLA state a ticket carries (its `sla` field): the policy that applies (`null`: none matches) and one clock
 * per metric that has started. Clocks run for every metric some SLA policy of the workflow measures, so when
 * another policy starts to apply its targets count from each metric's start. About 90 bytes of JSON per clock.
 *
 * @example
 * ```ts
 * import type { SlaState } from 'ticket-lifecycle';
 * const state: SlaState = { policy: 'urgent', clocks: { firstReply: { start: 0, used: 0, since: 0, metAt: null, stage: 0 } } };
 * ```
 */
export interface SlaState {
  readonly policy: string | null;
  readonly clocks: { readonly [M in SlaMetric]?: SlaClock };
  /**
   * What `ticketMetrics` reports beyond the clocks: messages by side and time per category. The engine always
   * writes it; a state stored without it (before this field existed) is read with counting started at the ticket's
   * last status change.
   */
  readonly activity?: SlaActivity;
}

/**
 * A ticket's activity as `ticketMetrics` reports it, counted from `from`: the messages recorded on each side and
 * the time spent in each status category, in calendar time and in the SLA policy's business time (open time of its
 * calendar; equal to calendar time without one). About 200 bytes of JSON.
 *
 * @example
 * ```ts
 * import type { SlaActivity } from 'ticket-lifecycle';
 * const activity: SlaActivity = {
 *   from: 0, customerReplies: 1, teamReplies: 1, seenCustomerAt: 0, seenTeamAt: 1_800_000, seenAwaiting: 'customer',
 *   category: 'pending', since: 1_800_000, time: { new: [1_800_000, 1_800_000] },
 * };
 * ```
 */
export interface SlaActivity {
  /** When counting began: the ticket's creation (or, for a ticket stored before, its first change since). */
  readonly from: number;
  /** Messages recorded by the customer. */
  readonly customerReplies: number;
  /** Messages recorded by the team (agents and the system). */
  readonly teamReplies: number;
  /** The ticket's `lastCustomerMessageAt`, `lastAgentMessageAt` and `awaiting` when last counted: what tells a new message. */
  readonly seenCustomerAt: number | null;
  readonly seenTeamAt: number | null;
  readonly seenAwaiting: 'team' | 'customer' | null;
  /**
   * The status category (a `Category`; a string here, as the shared model names no policy type) the ticket is in,
   * and since when that stretch counts.
   */
  readonly category: string;
  readonly since: number;
  /** Finished stretches per category: `[calendar ms, business ms]`. */
  readonly time: { readonly [category: string]: readonly [calendar: number, business: number] };
}
