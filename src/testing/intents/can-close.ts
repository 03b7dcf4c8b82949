import { transition, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import type { Intent } from '../intent.js';
import { MAX_TIME } from '../options.js';
import { categoryOf, hasCategory } from './categories.js';

const YEAR = 366 * 86_400_000;
/** Three moves reach closed from anywhere in a sound policy (assign, solve, wait); more means a maze. */
const DEPTH = 3;

/** What the team, the customer and time can do next, at `at`. */
function moves(workflow: Workflow, at: number): TicketEvent[] {
  return [
    { type: 'assign', by: 'agent', at, assignee: 'verifier' },
    { type: 'reply', by: 'agent', at },
    { type: 'reply', by: 'customer', at },
    { type: 'resolve', by: 'agent', at },
    { type: 'close', by: 'agent', at },
    { type: 'close', by: 'customer', at },
    { type: 'reopen', by: 'agent', at },
    { type: 'tick', at: at + YEAR },
    ...workflow.statuses.slice(0, 50).map((s): TicketEvent => ({ type: 'setStatus', by: 'agent', at, to: s.id })),
  ];
}

/** What decides, as far as these moves can tell, whether a ticket can still close. */
const shape = (t: Ticket): string =>
  `${t.status}|${t.assignee === null}|${t.awaiting}|${t.until === null}|${t.snoozedFrom}|${JSON.stringify(t.timersFired)}`;

const cache = new WeakMap<Workflow, Map<string, boolean>>();

/** Whether some sequence of at most `DEPTH` moves closes the ticket (breadth-first, by shape). */
function canClose(workflow: Workflow, ticket: Ticket): boolean {
  let known = cache.get(workflow);
  if (known === undefined) {
    known = new Map();
    cache.set(workflow, known);
  }
  const key = shape(ticket);
  // The shape leaves time out, which holds only while every move of the search is a valid time: within reach of
  // the Date range's end a `tick` is refused, so the verdict there is not cached (it decided later checks of the same
  // workflow at ordinary times: a false "cannot close", depending on which scenario ran first).
  const nearEnd = Math.max(ticket.updatedAt, ticket.until ?? 0) + DEPTH * (YEAR + 1) > MAX_TIME;
  const hit = nearEnd ? undefined : known.get(key);
  if (hit !== undefined) return hit;
  let frontier = [ticket];
  const seen = new Set([key]);
  let found = false;
  for (let depth = 0; depth < DEPTH && !found && frontier.length > 0; depth++) {
    const next: Ticket[] = [];
    for (const t of frontier) {
      for (const event of moves(workflow, Math.max(t.updatedAt, t.until ?? 0) + 1)) {
        const result = transition(workflow, t, event);
        if (!result.ok) continue;
        if (categoryOf(workflow, result.ticket.status) === 'closed') found = true;
        const k = shape(result.ticket);
        if (!seen.has(k)) {
          seen.add(k);
          next.push(result.ticket);
        }
      }
    }
    frontier = next;
  }
  if (!nearEnd) known.set(key, found);
  return found;
}

/**
 * Wherever a ticket is, the team (with the customer and time) can still bring it to a closed status: no dead end,
 * no working status nobody may leave.
 */
export function everyTicketCanClose(): Intent {
  return {
    name: 'everyTicketCanClose',
    description: 'from wherever a ticket is, agents, the customer and time can still close it',
    incident:
      'an "Escalated" status had no way out for agents and no timer: 1,200 tickets sat there for a year, ' +
      'counted as open work, until someone changed the database by hand',
    applies: (workflow) => hasCategory(workflow, 'closed'),
    check: ({ workflow, after }) =>
      categoryOf(workflow, after.status) === 'closed' || canClose(workflow, after)
        ? null
        : `from ${after.status}${after.assignee === null ? ' (unassigned)' : ''} no sequence of ${DEPTH} moves by agents, the customer or time closes the ticket`,
  };
}
