import type { Ticket, TicketEvent } from 'ticket-lifecycle';

/** The status ids of the tawk.to preset. */
type TawkStatus = 'open' | 'pending' | 'closed';

type Draft = { -readonly [K in keyof Ticket]: Ticket[K] };

/**
 * The one allocation per change: every field written out. Not `{ ...ticket }`: on Node 20–22, spreading a
 * 19-field object that itself came from a spread takes V8's slow path (~250 ns against ~10 ns), which would
 * make the reference look far slower than hand-written code needs to be.
 */
function copy(t: Ticket): Draft {
  return {
    status: t.status,
    version: t.version + 1,
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

/** The ticket entering `to` at `at` (the caller has checked that `to` differs from the current status). */
function move(
  next: Draft,
  from: TawkStatus,
  to: TawkStatus,
  at: number,
  by: Ticket['closedBy'],
  closeReason: string | null,
): Draft {
  next.status = to;
  next.updatedAt = at;
  next.statusChangedAt = at;
  next.until = null;
  if (from === 'closed') next.reopenCount++;
  if (to === 'closed') {
    next.closedAt = at;
    next.closedBy = by;
    next.closeReason = closeReason;
  }
  return next;
}

/**
 * The tawk.to lifecycle written by hand as one `switch`, the way a team would code it without a library: no input
 * checks, no effects, no result wrapper, and exactly one plain object allocated per change. It produces the same
 * tickets as `transition(tawkTo(), …)` for every event the engine accepts (the bench checks this on every event
 * before timing), so the gap between the two is the whole price of the library's generality and safety.
 *
 * Events the engine would refuse are outside its contract: the bench only replays accepted ones.
 *
 * @example
 * ```ts
 * const next = tawkToReducer(ticket, { type: 'reply', by: 'agent', at: ticket.updatedAt + 1 }); // open → pending
 * ```
 */
export function tawkToReducer(ticket: Ticket, event: TicketEvent): Ticket {
  const status = ticket.status as TawkStatus;
  const at = event.at;
  switch (event.type) {
    case 'reply': {
      if (event.auto === true) {
        if (ticket.lastActivityAt === at && ticket.updatedAt === at) return ticket;
        const next = copy(ticket);
        next.lastActivityAt = at;
        next.updatedAt = at;
        return next;
      }
      const byCustomer = event.by === 'customer';
      // "Send and mark as" wins; otherwise an agent answer to Open marks it Pending, and any reply by an agent
      // or the customer to Pending or Closed opens it again.
      const to: TawkStatus =
        event.status !== undefined
          ? (event.status as TawkStatus)
          : event.by === 'agent' && status === 'open'
            ? 'pending'
            : event.by !== 'system' && status !== 'open'
              ? 'open'
              : status;
      if (
        to === status &&
        ticket.updatedAt === at &&
        ticket.lastActivityAt === at &&
        (byCustomer
          ? ticket.lastCustomerMessageAt === at && ticket.awaiting === 'team'
          : ticket.lastAgentMessageAt === at && ticket.awaiting === 'customer')
      ) {
        return ticket;
      }
      const next = copy(ticket);
      if (byCustomer) next.lastCustomerMessageAt = at;
      else next.lastAgentMessageAt = at;
      next.awaiting = byCustomer ? 'team' : 'customer';
      next.lastActivityAt = at;
      next.updatedAt = at;
      return to === status ? next : move(next, status, to, at, event.by, null);
    }
    case 'note': {
      if (ticket.lastActivityAt === at && ticket.updatedAt === at) return ticket;
      const next = copy(ticket);
      next.lastActivityAt = at;
      next.updatedAt = at;
      return next;
    }
    case 'assign': {
      if (event.assignee === ticket.assignee) return ticket;
      const next = copy(ticket);
      next.assignee = event.assignee;
      next.updatedAt = at;
      return next;
    }
    case 'setStatus':
      return event.to === status ? ticket : move(copy(ticket), status, event.to as TawkStatus, at, event.by, null);
    case 'close':
      return status === 'closed' ? ticket : move(copy(ticket), status, 'closed', at, event.by, event.reason ?? null);
    case 'reopen':
      return move(copy(ticket), status, (event.to ?? 'open') as TawkStatus, at, event.by, null);
    default:
      // tawk.to has no timers, no solved and no snoozed status: a tick changes nothing, resolve/snooze never pass.
      return ticket;
  }
}
