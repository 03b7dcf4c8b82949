import type { Ticket } from './ticket.js';

/** A ticket being built: only ever a fresh copy the engine made during the current call. */
export type DraftTicket = { -readonly [K in keyof Ticket]: Ticket[K] };

/**
 * A fresh copy of `ticket` with every field written out. V8 (Node 20–22) builds this literal in ~10 ns with every
 * field in-object, whereas `{ ...ticket, x }` on a ticket that itself came from a spread takes the runtime's slow
 * path (~250 ns for 19 fields): those spreads were most of `transition`'s time. Callers then set the changed
 * fields on the copy, which nobody else holds yet, so inputs are still never mutated.
 */
export function copyTicket(t: Ticket): DraftTicket {
  return {
    status: t.status,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    statusChangedAt: t.statusChangedAt,
    assignee: t.assignee,
    channel: t.channel,
    priority: t.priority,
    group: t.group,
    tags: t.tags,
    attributesChangedAt: t.attributesChangedAt,
    lastCustomerMessageAt: t.lastCustomerMessageAt,
    lastAgentMessageAt: t.lastAgentMessageAt,
    lastActivityAt: t.lastActivityAt,
    awaiting: t.awaiting,
    reopenCount: t.reopenCount,
    closedAt: t.closedAt,
    closedBy: t.closedBy,
    closeReason: t.closeReason,
    resolvedAt: t.resolvedAt,
    until: t.until,
    snoozedFrom: t.snoozedFrom,
    timersFired: t.timersFired,
  };
}
