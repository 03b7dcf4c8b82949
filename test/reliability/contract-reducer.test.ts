// The bench's contract-equivalent reducer (issue 9, "Speed must not pay for it") is only a fair yardstick if it
// keeps exactly the engine's contract: same tickets, same effects, same `changed`, same refusal codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition, type Ticket, type TicketEvent, type TransitionResult, type Workflow } from 'ticket-lifecycle';
import { tawkTo } from 'ticket-lifecycle/presets';
import { tawkToContractReducer } from '../../bench/baselines/tawk-to-contract-reducer.js';
import { generateLifecycles } from '../../bench/fixtures/lifecycles.js';

const wf: Workflow = tawkTo();

function expectSame(ticket: Ticket, event: TicketEvent): TransitionResult {
  const ours = transition(wf, ticket, event);
  const theirs = tawkToContractReducer(ticket, event);
  expect(theirs.ok, JSON.stringify(event)).toBe(ours.ok);
  if (ours.ok && theirs.ok) {
    expect(theirs).toStrictEqual(ours);
    // Unchanged means the input itself, in both.
    expect(theirs.ticket === ticket).toBe(ours.ticket === ticket);
  } else if (!ours.ok && !theirs.ok) {
    expect(theirs.error.code, JSON.stringify(event)).toBe(ours.error.code);
    expect(theirs.ticket).toBe(ticket);
  }
  return ours;
}

describe('the bench’s contract-equivalent tawk.to reducer agrees with transition', () => {
  it('on every event of the bench’s own histories, effects included', () => {
    for (const { start, events } of generateLifecycles(wf, { tickets: 60, events: 30, seed: 1_000 })) {
      let ticket = start;
      for (const event of events) ticket = expectSame(ticket, event).ticket;
    }
  }, 60_000);

  const actor = fc.constantFrom('customer', 'agent', 'system', 'robot');
  const status = fc.constantFrom('open', 'pending', 'closed', 'gone', undefined);
  const event = (at: number): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.record({
        type: fc.constant('reply'),
        by: actor,
        at: fc.constant(at),
        status,
        auto: fc.constantFrom(undefined, true, false, 'yes'),
      }),
      fc.record({
        type: fc.constantFrom('note', 'resolve', 'snooze', 'tick', 'bogus'),
        by: actor,
        at: fc.constantFrom(at, at - 1, 1.5),
      }),
      fc.record({
        type: fc.constant('assign'),
        by: actor,
        at: fc.constant(at),
        assignee: fc.constantFrom('ana', 'ben', null, '', 7),
      }),
      fc.record({
        type: fc.constant('setStatus'),
        by: actor,
        at: fc.constant(at),
        to: status,
        until: fc.constantFrom(undefined, at + 1, at),
      }),
      fc.record({
        type: fc.constant('close'),
        by: actor,
        at: fc.constant(at),
        reason: fc.constantFrom(undefined, 'done', 3),
        force: fc.boolean(),
      }),
      fc.record({ type: fc.constant('reopen'), by: actor, at: fc.constant(at), to: status }),
      // The grown contract (issue 13): `merge`, `update` and an optional `actorId` on any event.
      fc.record(
        { type: fc.constant('merge'), by: actor, at: fc.constant(at), into: fc.constantFrom('t-2', '', 5, undefined) },
        { requiredKeys: ['type', 'by', 'at'] },
      ),
      fc.record(
        {
          type: fc.constant('update'),
          by: actor,
          at: fc.constant(at),
          priority: fc.constantFrom(null, 'high', 3),
          group: fc.constantFrom(null, 'tier-2', '', 'x'.repeat(65)),
          tags: fc.constantFrom([], ['vip'], ['b', 'a', 'b'], [''], ['x'], 'vip', Array(51).fill('t')),
          actorId: fc.constantFrom('ana', '', 'x'.repeat(65)),
        },
        { requiredKeys: ['type', 'by', 'at'] },
      ),
    );

  it('on random events, refusals included, from any reachable ticket', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { maxLength: 25 })
          .chain((gaps) => fc.tuple(...gaps.map((_, i) => event(gaps.slice(0, i + 1).reduce((a, b) => a + b, 0))))),
        (events) => {
          let ticket: Ticket = {
            ...generateLifecycles(wf, { tickets: 1, events: 0, seed: 7 })[0]!.start,
            createdAt: 0,
            updatedAt: 0,
            statusChangedAt: 0,
            lastActivityAt: 0,
            lastCustomerMessageAt: 0,
          };
          for (const e of events) ticket = expectSame(ticket, e as TicketEvent).ticket;
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
