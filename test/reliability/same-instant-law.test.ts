// Issue 9, item 10: every event, `tick` included, first applies every timer due at or before its `at`. So a reply at
// the very instant of a deadline comes after the close, and inserting ticks anywhere — at the same instant as
// another event included — changes no outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  transition,
  type Ticket,
  type TicketEvent,
  type TransitionResult,
  type Workflow,
} from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { arbitraryEvents } from 'ticket-lifecycle/testing';

const DAY = 86_400_000;
const numRuns = process.env.CI ? 500 : 100;

describe('same-instant law', () => {
  const wf = presets.zendesk();
  let solved = createTicket(wf, { at: 0 });
  for (const e of [
    { type: 'assign', by: 'agent', at: 1, assignee: 'ana' },
    { type: 'resolve', by: 'agent', at: 2 },
  ] as const) {
    solved = transition(wf, solved, e).ticket;
  }
  const D = 2 + 4 * DAY;

  it('Zendesk: reply(D) alone ends exactly like tick(D) then reply(D): closed, with a follow-up', () => {
    const alone = transition(wf, solved, { type: 'reply', by: 'customer', at: D });
    const ticked = transition(wf, transition(wf, solved, { type: 'tick', at: D }).ticket, {
      type: 'reply',
      by: 'customer',
      at: D,
    });
    expect(alone.ok && alone.ticket.status).toBe('closed');
    expect(ticked.ok && ticked.ticket.status).toBe('closed');
    expect(alone.ok && alone.effects.map((e) => e.type)).toEqual(['statusChanged', 'timerFired', 'followUpRequested']);
    expect({ ...alone.ticket, version: 0 }).toEqual({ ...ticked.ticket, version: 0 });
  });
});

const presetWorkflows: [string, Workflow][] = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()]);

const withoutVersion = (r: TransitionResult): unknown => (r.ok ? { ...r.ticket, version: 0 } : r.error.code);

/** Replays `events`, returning each result; `ticks[i]` inserts a tick at the same instant before event `i`. */
function replay(
  workflow: Workflow,
  start: Ticket,
  events: readonly TicketEvent[],
  ticks: readonly boolean[] = [],
): TransitionResult[] {
  let ticket = start;
  return events.map((event, i) => {
    if (ticks[i] === true) ticket = transition(workflow, ticket, { type: 'tick', at: event.at }).ticket;
    const result = transition(workflow, ticket, event);
    ticket = result.ticket;
    return result;
  });
}

describe.each(presetWorkflows)('sweeper independence at the same instant: %s', (_name, workflow) => {
  it('ticks inserted at the very time of events change no outcome (same acceptance, same ticket but version)', () => {
    fc.assert(
      fc.property(
        arbitraryEvents(workflow, { maxLength: 15 }),
        fc.array(fc.boolean(), { maxLength: 15 }),
        (events, ticks) => {
          const start = createTicket(workflow, { at: Date.UTC(2026, 0, 1) });
          const plain = replay(workflow, start, events);
          const ticked = replay(workflow, start, events, ticks);
          plain.forEach((result, i) => {
            expect(withoutVersion(ticked[i]!), JSON.stringify(events[i])).toEqual(withoutVersion(result));
          });
        },
      ),
      { numRuns },
    );
  }, 60_000);
});
