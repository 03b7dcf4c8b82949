import type { Workflow } from '../policy/workflow.js';
import { checkEvent, checkTicket } from './check-input.js';
import type { Effect } from './effects.js';
import type { TicketEvent } from './events.js';
import * as handle from './handlers.js';
import type { TransitionError, TransitionResult } from './result.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Ticket } from './ticket.js';
import { catchUp } from './timers.js';

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/**
 * Applies one event to a ticket under a policy. First it applies every timer that came due strictly before the
 * event (a `tick` also applies those due at its own time), each at its due time, so results never depend on how
 * often the host sweeps; then the event itself.
 *
 * Total, pure and deterministic: never throws, never mutates its inputs, and refusals are values with a `code`.
 * An event older than the ticket's `updatedAt` is refused with `staleEvent` (stored times never go backwards); a
 * stale `tick` simply finds nothing due.
 *
 * @example
 * ```ts
 * import { createTicket, transition } from 'ticket-lifecycle';
 * import { zendesk } from 'ticket-lifecycle/presets';
 *
 * const wf = zendesk();
 * let ticket = createTicket(wf, { at: Date.UTC(2026, 0, 5, 9) });
 * const r = transition(wf, ticket, { type: 'assign', by: 'agent', at: Date.UTC(2026, 0, 5, 10), assignee: 'ana' });
 * if (r.ok) {
 *   ticket = r.ticket;          // status 'open', version 2
 *   console.log(r.effects);     // [{ type: 'assigned', … }, { type: 'statusChanged', from: 'new', to: 'open', … }]
 * } else {
 *   console.log(r.error.code);  // e.g. 'staleEvent'
 * }
 * ```
 */
export function transition<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket<NoInfer<S>>,
  event: TicketEvent<NoInfer<S>>,
): TransitionResult<S> {
  try {
    return run(workflow as Workflow, ticket as Ticket, event as TicketEvent) as TransitionResult<S>;
  } catch (error) {
    // Unreachable for well-typed input; a last line of defence for hostile objects (throwing getters, Proxies).
    return refuse(ticket, { code: 'internalError', message: `could not apply the event: ${String(error)}` }) as TransitionResult<S>;
  }
}

function refuse(ticket: Ticket, error: TransitionError): TransitionResult {
  return { ok: false, ticket, error };
}

function run(workflow: Workflow, ticket: Ticket, event: TicketEvent): TransitionResult {
  const { compiled } = workflow;
  const invalid = checkEvent(event) ?? checkTicket(compiled, ticket);
  if (invalid !== null) return refuse(ticket, invalid);
  if (event.type !== 'tick' && event.at < ticket.updatedAt) {
    return refuse(ticket, { code: 'staleEvent', message: `the event (at ${event.at}) is older than the ticket's last update (${ticket.updatedAt})` });
  }

  const effects: Effect[] = [];
  const current = catchUp(compiled, ticket, event.at, event.type === 'tick', effects, null);
  const step: handle.Step = { workflow, ticket: current, status: compiled.byId.get(current.status)!, effects };
  let outcome: handle.Outcome;
  switch (event.type) {
    case 'tick': outcome = current; break;
    case 'reply': outcome = handle.reply(step, event); break;
    case 'note': outcome = handle.note(step, event); break;
    case 'assign': outcome = handle.assign(step, event); break;
    case 'setStatus': outcome = handle.setStatus(step, event); break;
    case 'resolve': outcome = handle.resolve(step, event); break;
    case 'close': outcome = handle.close(step, event); break;
    case 'reopen': outcome = handle.reopen(step, event); break;
    case 'snooze': outcome = handle.snooze(step, event); break;
  }
  if (handle.isError(outcome)) return refuse(ticket, outcome);
  if (outcome === ticket) return { ok: true, ticket, effects: effects.length === 0 ? NO_EFFECTS : effects, changed: false };
  // Any ticket other than the input was made by the engine during this call, so it takes its version in place.
  (outcome as DraftTicket).version = ticket.version + 1;
  return { ok: true, ticket: outcome, effects, changed: true };
}
