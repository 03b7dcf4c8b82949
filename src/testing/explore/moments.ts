import { nextDeadline, transition, type Ticket, type Workflow } from 'ticket-lifecycle';

/** A time the explorer tries for the next event, and how a counterexample names it. */
export interface Moment {
  readonly at: number;
  readonly label: string;
}

/**
 * The times worth trying for the next event on `ticket`: now (its `updatedAt`); just before, at and just after
 * each deadline it will pass through if nothing happens (the first from `nextDeadline`, the next ones from the
 * ticket a `tick` at that deadline leaves, up to `deadlines` of them); just before and at the end of each reopen
 * window counted from its last close; and "much later", a `horizon` after the last of those, when everything
 * pending has happened and every window has passed. Between two of these moments nothing changes but the time
 * itself, so no other time tells more at this depth.
 */
export function moments(
  workflow: Workflow,
  ticket: Ticket,
  deadlines: number,
  windows: readonly number[],
  horizon: number,
): Moment[] {
  const now = ticket.updatedAt;
  const found = new Map<number, string>([[now, 'now']]);
  const add = (at: number, label: string): void => {
    if (at >= now && !found.has(at)) found.set(at, label);
  };
  let last = now;
  let current = ticket;
  for (let i = 1; i <= deadlines; i++) {
    const due = nextDeadline(workflow, current);
    if (due === null || due < last) break;
    const name = deadlines === 1 ? 'the deadline' : `deadline ${i}`;
    add(due - 1, `1 ms before ${name}`);
    add(due, `at ${name}`);
    add(due + 1, `1 ms after ${name}`);
    last = due;
    if (i === deadlines) break;
    const ticked = transition(workflow, current, { type: 'tick', at: due });
    if (ticked.ticket === current) break;
    current = ticked.ticket;
  }
  if (ticket.closedAt !== null) {
    for (const within of windows) {
      const end = ticket.closedAt + within;
      add(end - 1, '1 ms before the reopen window ends');
      add(end, 'as the reopen window ends');
      last = Math.max(last, end);
    }
  }
  add(last + horizon, 'much later');
  return [...found].sort(([a], [b]) => a - b).map(([at, label]) => ({ at, label }));
}
