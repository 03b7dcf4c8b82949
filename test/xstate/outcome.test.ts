// The one-entry cache every guard and action of the generated machine asks (src/xstate/outcome.ts): a hit needs the
// same ticket, the same event object and every own field unchanged, so an event changed in any way between two asks
// is judged again, and a hostile event (a throwing getter, a Proxy) is never cached and never throws.
import { describe, expect, it } from 'vitest';
import { createTicket, transition, type Ticket, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { cachedOutcome } from '../../src/xstate/outcome.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const workflow: Workflow = zendesk();

/** A ticket assigned at T0 + 1000, and a cache whose `transition` calls are counted. */
function setup() {
  const created = createTicket(workflow, { at: T0 });
  const assigned = transition(workflow, created, { type: 'assign', by: 'agent', at: T0 + 1000, assignee: 'ana' });
  if (!assigned.ok) throw new Error('setup');
  return { ticket: assigned.ticket as Ticket, outcome: cachedOutcome(workflow) };
}

describe('cachedOutcome', () => {
  it('answers the same event object twice with the very same result', () => {
    const { ticket, outcome } = setup();
    const event: TicketEvent = { type: 'reply', by: 'customer', at: T0 + 2000 };
    expect(outcome(ticket, event)).toBe(outcome(ticket, event));
  });

  it('judges again an event whose field changed, was added or was removed', () => {
    const { ticket, outcome } = setup();
    const event = { type: 'reply', by: 'customer', at: T0 + 500 } as Record<string, unknown>;
    const stale = outcome(ticket, event as unknown as TicketEvent);
    expect(stale.ok).toBe(false);
    event.at = T0 + 2000;
    const fresh = outcome(ticket, event as unknown as TicketEvent);
    expect(fresh.ok).toBe(true);
    event.public = false;
    const withField = outcome(ticket, event as unknown as TicketEvent);
    expect(withField).not.toBe(fresh);
    delete event.public;
    expect(outcome(ticket, event as unknown as TicketEvent)).not.toBe(withField);
  });

  it('judges again an event whose list changed in place', () => {
    const { ticket, outcome } = setup();
    const event = { type: 'update', by: 'agent', at: T0 + 2000, tags: ['a', 'b'] };
    const first = outcome(ticket, event as TicketEvent);
    expect(outcome(ticket, event as TicketEvent)).toBe(first);
    event.tags[1] = 'c';
    const second = outcome(ticket, event as TicketEvent);
    expect(second).not.toBe(first);
    expect(second.ok && second.ticket.tags).toEqual(['a', 'c']);
    event.tags.push('d');
    expect(outcome(ticket, event as TicketEvent)).not.toBe(second);
  });

  it('asks the engine about the copy it compares, so a getter cannot answer the two differently', () => {
    const { ticket, outcome } = setup();
    let reads = 0;
    const event = {
      type: 'reply',
      by: 'customer',
      get at() {
        reads++;
        return reads === 1 ? T0 + 2000 : Number.NaN;
      },
    };
    const result = outcome(ticket, event as unknown as TicketEvent);
    expect(result.ok && result.ticket.updatedAt).toBe(T0 + 2000);
    // Asked again, the getter now answers NaN: not the value the cached verdict was about.
    const again = outcome(ticket, event as unknown as TicketEvent);
    expect(again).not.toBe(result);
    expect(again.ok).toBe(false);
  });

  it('never throws and never caches an event whose fields cannot be read', () => {
    const { ticket, outcome } = setup();
    const throwing = {
      type: 'reply',
      by: 'customer',
      get at(): number {
        throw Object.create(null);
      },
    };
    const trap = new Proxy(
      { type: 'reply', by: 'customer', at: T0 + 2000 },
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    // The engine reads fields, not key lists: the getter's event is refused, the Proxy's accepted; neither cached.
    for (const [event, ok] of [
      [throwing, false],
      [trap, true],
    ] as const) {
      const first = outcome(ticket, event as unknown as TicketEvent);
      expect(first.ok).toBe(ok);
      expect(outcome(ticket, event as unknown as TicketEvent)).not.toBe(first);
    }
  });
});
