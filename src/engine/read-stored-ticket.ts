import type { CompiledWorkflow } from '../policy/workflow.js';
import { fail } from './check-input.js';
import { show } from '../policy/show.js';
import type { DraftTicket } from './copy-ticket.js';
import { isError } from './handlers.js';
import { lookUpStatus, readTicket, type TicketSpan } from './read-ticket.js';
import type { TransitionError } from './result.js';

/**
 * A stored ticket read and checked exactly as `transition` reads it — its status looked up, every other field copied
 * once — or the refusal `transition` would give (`unknownStatus` for a status the policy lacks, `invalidTicket` with
 * the field's path). Never throws: a hostile object (a throwing getter, a Proxy) is an `invalidTicket` too.
 * `forClocks` reads it for a query of the SLA clocks, as {@link readTicket} says: `sla` unread, and in a status without
 * timers only its {@link TicketSpan} kept.
 */
export function readStoredTicket(compiled: CompiledWorkflow, ticket: unknown): DraftTicket | TransitionError;
export function readStoredTicket(
  compiled: CompiledWorkflow,
  ticket: unknown,
  forClocks: boolean,
): DraftTicket | TicketSpan | TransitionError;
export function readStoredTicket(
  compiled: CompiledWorkflow,
  ticket: unknown,
  forClocks = false,
): DraftTicket | TicketSpan | TransitionError {
  try {
    const status = lookUpStatus(compiled, ticket);
    return isError(status) ? status : readTicket(compiled, ticket as object, status, forClocks);
  } catch (error) {
    return fail('invalidTicket', `the ticket could not be read: ${show(error)}`, 'ticket');
  }
}
