import type { Actor } from '../model/actor.js';
import type { Workflow } from '../policy/workflow.js';
import { checkGroup, checkPriority, checkTags } from './attributes.js';
import { badActor, badAssignee, badTime, isActor, isAssignee } from './check-input.js';
import { NO_TIMERS_FIRED } from './enter-status.js';
import { badChannel, isChannel } from './read-ticket.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import { isTime } from './time.js';

/**
 * How a ticket comes to be: when, by whom (default `customer`: a customer wrote in), through which channel
 * (a policy may start channels in different statuses), for whom, and with which priority, group and tags (default
 * `null`, `null`, `[]`).
 *
 * @example
 * ```ts
 * import type { CreateTicketInput } from 'ticket-lifecycle';
 * const input: CreateTicketInput = { at: Date.UTC(2026, 0, 5), channel: 'email', assignee: null };
 * ```
 */
export interface CreateTicketInput<P extends string = string> {
  readonly at: number;
  readonly by?: Actor;
  /** A short name (1 to 64 characters): `email`, `chat`, `whatsapp`. */
  readonly channel?: string;
  readonly assignee?: string | null;
  /** One of the policy's `priorities` (a typo does not compile). */
  readonly priority?: P | null;
  readonly group?: string | null;
  /** Sorted and deduplicated on the way in. */
  readonly tags?: readonly string[];
}

/**
 * A new ticket in the policy's initial status (or its channel's). Created by a customer, it records their first
 * message and waits on the team; created by an agent or the system, nobody has written yet.
 *
 * @throws {RangeError} when `at` is not whole epoch milliseconds in the Date range, `by` is not an actor, or
 * `channel` is not a short name (1 to 64 characters, `MAX_CHANNEL_LENGTH`), `priority` or `group` is not one the
 * policy declares, or `tags` break `TICKET_LIMITS`: a ticket is never born invalid. Each input field is read once.
 *
 * @example
 * ```ts
 * import { createTicket } from 'ticket-lifecycle';
 * import { liveAgent } from 'ticket-lifecycle/presets';
 * const ticket = createTicket(liveAgent(), { at: Date.UTC(2026, 0, 5, 9), channel: 'email' });
 * ticket.status;   // 'new'
 * ticket.awaiting; // 'team'
 * ```
 */
export function createTicket<S extends string, P extends string>(
  workflow: Workflow<S, P>,
  input: CreateTicketInput<NoInfer<P>>,
): Ticket<S, P> {
  const { at, by = 'customer', channel = null, assignee = null, priority = null, group = null, tags = [] } = input;
  const compiled = workflow.compiled;
  // The refusals an event or a stored ticket would get for the same value, each checked in this order.
  const checked = [
    isTime(at) ? null : badTime('input'),
    isActor(by) ? null : badActor(by, 'input'),
    isAssignee(assignee) ? null : badAssignee(),
    isChannel(channel) ? null : badChannel(),
    checkPriority(compiled, priority, 'input'),
    checkGroup(compiled, group, 'input'),
    checkTags(tags, 'input', false),
  ] as const;
  for (const value of checked)
    if (value !== null && typeof value === 'object' && 'code' in value)
      throw new RangeError(`createTicket: ${value.message}`);
  const byCustomer = by === 'customer';
  // The map has string keys only: no channel (`null`) finds nothing.
  const status = compiled.initialByChannel.get(channel as string) ?? workflow.initial;
  const ticket: DraftTicket = {
    status,
    version: 1,
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    assignee,
    channel,
    priority,
    group,
    tags: checked[6] as readonly string[],
    attributesChangedAt: null,
    lastCustomerMessageAt: byCustomer ? at : null,
    lastAgentMessageAt: null,
    lastActivityAt: at,
    awaiting: byCustomer ? 'team' : null,
    reopenCount: 0,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    resolvedAt: null,
    until: null,
    snoozedFrom: null,
    timersFired: NO_TIMERS_FIRED,
    sla: null,
  };
  // The SLA clocks start with the ticket (resolution, and first reply when a customer wrote in).
  compiled.sla?.sync(ticket, at, null);
  return ticket as Ticket<S, P>;
}
