// xstate/graph sees the real workflow: every status of every preset is reachable through the machine's own
// transitions, and each shortest path, replayed through the pure engine, ends in the same status and ticket.
import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  createTicket,
  nextDeadline,
  transition,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { initialTransition, transition as xstateTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { DAY, PRESETS } from './helpers.js';

const T0 = Date.UTC(2026, 0, 5, 9);

/** Every kind of event each actor can send a ticket now, plus a sweep at its next deadline. */
function eventsFor(workflow: Workflow, ticket: Ticket): TicketEvent[] {
  const at = ticket.updatedAt + 60_000;
  const events: TicketEvent[] = [];
  for (const by of ACTORS) {
    events.push(
      { type: 'reply', by, at },
      { type: 'note', by, at },
      { type: 'assign', by, at, assignee: ticket.assignee === null ? 'ana' : null },
      { type: 'resolve', by, at },
      { type: 'close', by, at },
      { type: 'close', by, at, force: true },
      { type: 'reopen', by, at },
      { type: 'snooze', by, at },
      { type: 'snooze', by, at, until: at + DAY },
    );
    for (const { id } of workflow.statuses) {
      events.push(
        { type: 'setStatus', by, at, to: id },
        { type: 'setStatus', by, at, to: id, until: at + DAY },
        { type: 'reply', by, at, status: id },
      );
    }
  }
  const due = nextDeadline(workflow, ticket);
  if (due !== null) events.push({ type: 'tick', at: due });
  return events;
}

describe.each(PRESETS)('xstate/graph on the %s preset', (_name, workflow) => {
  const machine = createTicketMachine(workflow);
  const paths = getShortestPaths(machine, {
    input: { at: T0 },
    events: (snapshot) => eventsFor(workflow, snapshot.context.ticket),
    // One vertex per status: the question is which statuses the machine's transitions reach.
    serializeState: (snapshot) => String(snapshot.value),
  });

  it('reaches every status', () => {
    expect(new Set(paths.map((p) => p.state.value))).toEqual(new Set(workflow.statuses.map((s) => s.id)));
  });

  it('ends each path where the pure engine ends it', () => {
    for (const path of paths) {
      let ticket = createTicket(workflow, { at: T0 });
      let [snapshot] = initialTransition(machine, { at: T0 });
      for (const { event } of path.steps) {
        if ((event as { type: string }).type === 'xstate.init') continue;
        const result = transition(workflow, ticket, event);
        expect(result.ok).toBe(true);
        if (result.ok) ticket = result.ticket;
        [snapshot] = xstateTransition(machine, snapshot, event);
      }
      expect(ticket.status).toBe(path.state.value);
      // Vertices are statuses, so `path.state` is one snapshot in that status; replaying the path's own events
      // through the machine gives exactly the engine's ticket.
      expect(snapshot.context.ticket).toEqual(ticket);
    }
  });
});
