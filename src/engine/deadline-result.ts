import type { Workflow } from '../policy/workflow.js';
import { nextDeadline } from './auto-close.js';
import { isError } from './handlers.js';
import { readStoredTicket } from './read-stored-ticket.js';
import type { TransitionError } from './result.js';
import type { Ticket } from '../model/ticket.js';

/**
 * `nextDeadline` with its reason when there is none to give: `{ ok: true, at }` (`at` is `null` when nothing will
 * come due), or `{ ok: false, error }` when the stored ticket is not one of this policy — malformed
 * (`invalidTicket`), or in a status the policy no longer has (`unknownStatus`, after a policy change). A sweeper
 * that stores deadlines uses it so such tickets are reported instead of silently never swept again. The error is
 * exactly the one `transition` would give for the same ticket, with the field's `path`.
 *
 * @example
 * ```ts
 * import { createTicket, defineWorkflow, nextDeadlineResult } from 'ticket-lifecycle';
 * const wf = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }] });
 * const stored = { ...createTicket(wf, { at: 0 }), status: 'hold' };     // saved under an older policy
 * const r = nextDeadlineResult(wf, stored);
 * if (!r.ok) console.log(r.error.code); // 'unknownStatus': migrate it with migrateTicket
 * ```
 */
export function nextDeadlineResult<S extends string>(
  workflow: Workflow<S>,
  ticket: Ticket,
): { readonly ok: true; readonly at: number | null } | { readonly ok: false; readonly error: TransitionError } {
  const read = readStoredTicket(workflow.compiled, ticket);
  if (isError(read)) return { ok: false, error: read };
  return { ok: true, at: nextDeadline(workflow as Workflow, read) };
}
