import type { Workflow } from '../policy/workflow.js';
import { fail, readEvent } from './check-input.js';
import { show } from '../policy/show.js';
import type { Effect } from './effects.js';
import type { TicketEvent } from '../model/events.js';
import { NO_TIMERS_FIRED } from './enter-status.js';
import * as handle from './handlers.js';
import { lookUpStatus, readTicket } from './read-ticket.js';
import type { TransitionError, TransitionResult } from './result.js';
import type { DraftTicket } from './copy-ticket.js';
import type { Ticket } from '../model/ticket.js';
import { armBlockedTimers, catchUp } from './timers.js';
import { update } from './update.js';
import { NONE } from './none.js';
import { MAX_SAFE } from './time.js';

/**
 * Applies one event to a ticket under a policy. First it applies every timer due at or before the event's `at`,
 * each at its due time (the same-instant law: a reply at the very millisecond of an auto-close comes after the
 * close), so results never depend on how often the host sweeps; then the event itself.
 *
 * Total, pure and deterministic: never throws, never mutates its inputs, and refusals are values with a `code`
 * (and a `path` when one input field is at fault). Every field of the ticket and the event is read exactly once
 * and checked (a stored ticket edited by hand gets `invalidTicket` naming the field, or `unknownStatus` for a
 * status the policy lacks); the engine then works on that copy only. An event older than the ticket's
 * `updatedAt` is refused with `staleEvent` (stored times never go backwards); a stale `tick` simply finds nothing
 * due. A change to a ticket whose `version` is already 2^53 − 1 is refused with `versionLimit`.
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
export function transition<S extends string, P extends string>(
  workflow: Workflow<S, P>,
  ticket: Ticket<NoInfer<S>, NoInfer<P>>,
  event: TicketEvent<NoInfer<S>, NoInfer<P>>,
): TransitionResult<S, P> {
  try {
    return run(workflow as Workflow, ticket as Ticket, event) as TransitionResult<S, P>;
  } catch (error) {
    // Unreachable for well-typed input; a last line of defence for hostile objects (throwing getters, Proxies).
    // The thrown value is described, never converted: `String()` of a null-prototype object throws in turn.
    return refuse(ticket, fail('internalError', `thrown: ${show(error)}`)) as TransitionResult<S, P>;
  }
}

function refuse(ticket: Ticket, error: TransitionError): TransitionResult {
  return { ok: false, ticket, error };
}

function run(workflow: Workflow, input: Ticket, rawEvent: unknown): TransitionResult {
  const { compiled } = workflow;
  const event = readEvent(rawEvent);
  // Each result is told from a refusal by `'code' in` right here, not through the shared `isError`: one `in` site
  // fed events, statuses, tickets and errors goes megamorphic, and V8 then looks the key up along the prototype
  // chain on every call (measured: 2.7× → 1.96× the contract reducer). Each site here sees two or three shapes.
  if ('code' in event) return refuse(input, event);
  const status = lookUpStatus(compiled, input);
  if ('code' in status) return refuse(input, status);
  const ticket = readTicket(compiled, input, status);
  if ('code' in ticket) return refuse(input, ticket);
  if (event.type !== 'tick' && event.at < ticket.updatedAt) {
    return refuse(input, fail('staleEvent', `"at" must be >= updatedAt (${ticket.updatedAt})`, 'event.at'));
  }

  const effects: Effect[] = [];
  // Most statuses have no timer and most policies no SLA: then nothing can be due, and the call is skipped.
  const current =
    status.timers.length === 0 && compiled.sla === null
      ? ticket
      : catchUp(compiled, ticket, status, event.at, effects, null);
  // `current` is this call's own copy (the one read from the input, or the one the timers made): the handler
  // edits it in place and says so in `step.changed`.
  const timed = current !== ticket;
  const step: handle.Step = {
    workflow,
    ticket: current as DraftTicket,
    status: timed ? compiled.byId.get(current.status)! : status,
    effects,
    changed: false,
  };
  let outcome: handle.Outcome;
  switch (event.type) {
    case 'tick':
      outcome = current;
      break;
    case 'reply':
      outcome = handle.reply(step, event);
      break;
    case 'note':
      outcome = handle.touch(step, event.at);
      break;
    case 'assign':
      outcome = handle.assign(step, event);
      break;
    case 'setStatus':
      outcome = handle.setStatus(step, event);
      break;
    case 'resolve':
      outcome = handle.resolve(step, event);
      break;
    case 'close':
      outcome = handle.close(step, event);
      break;
    case 'reopen':
      outcome = handle.reopen(step, event);
      break;
    case 'snooze':
      outcome = handle.snooze(step, event);
      break;
    case 'merge':
      outcome = handle.merge(step, event);
      break;
    case 'update':
      outcome = update(step, event);
      break;
  }
  if ('code' in outcome) return refuse(input, outcome);
  // Only a ticket with fired timers in this stay can hold a blocked one: most skip the status lookup. (A tick
  // never sets `changed`: it arms nothing.)
  if (step.changed) {
    if (outcome.timersFired !== NO_TIMERS_FIRED) armBlockedTimers(compiled.byId.get(outcome.status)!, outcome);
    compiled.sla?.sync(outcome as DraftTicket, event.at, effects);
  }
  // Neither the timers nor the handler changed the copy read from the input: the input itself is the answer.
  if (!timed && !step.changed)
    return { ok: true, ticket: input, effects: effects.length === 0 ? NONE : effects, changed: false };
  if (ticket.version === MAX_SAFE) {
    return refuse(input, fail('versionLimit', '"version" is at its limit, 2^53 - 1', 'ticket.version'));
  }
  // The outcome is always a copy made during this call, so it takes its version in place.
  (outcome as DraftTicket).version = ticket.version + 1;
  return { ok: true, ticket: outcome, effects, changed: true };
}
