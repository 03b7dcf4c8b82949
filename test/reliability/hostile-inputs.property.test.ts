// Fuzz for the "never throws" and "reads once" classes (issue 9, items 5 and 6): events and tickets behind Proxies
// whose getters throw anything (null-prototype objects, Symbols, Errors with throwing getters) or answer
// differently on every read. The engine never throws, and it acts exactly on the first value it read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  can,
  evaluateAutoClose,
  nextDeadline,
  transition,
  validateWorkflow,
  type Ticket,
  type TicketEvent,
  type Workflow,
} from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { arbitraryEvent, arbitraryTicket } from 'ticket-lifecycle/testing';

const wf: Workflow = zendesk();
const numRuns = process.env.CI ? 1000 : 200;

const thrown = fc.oneof(
  fc.constant(Object.create(null) as unknown),
  fc.string().map((s) => Symbol(s) as unknown),
  fc.anything(),
  fc.constant(
    Object.defineProperty(new Error(), 'message', {
      get: () => {
        throw Object.create(null);
      },
    }) as unknown,
  ),
);

/** Each property read either throws one of `thrown`, or returns the real value first and junk afterwards. */
function hostile<T extends object>(
  target: T,
  plan: readonly { throws: boolean; value: unknown; junk: unknown }[],
): { proxy: T; firstReads: Map<PropertyKey, unknown> } {
  const firstReads = new Map<PropertyKey, unknown>();
  let n = 0;
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      const step = plan[n++ % Math.max(plan.length, 1)];
      if (step?.throws === true) throw step.value;
      if (firstReads.has(key)) return step === undefined ? Reflect.get(t, key, receiver) : step.junk;
      const value = Reflect.get(t, key, receiver);
      firstReads.set(key, value);
      return value;
    },
  });
  return { proxy, firstReads };
}

const plan = fc.array(fc.record({ throws: fc.boolean(), value: thrown, junk: fc.anything() }), { maxLength: 8 });

describe('hostile getters', () => {
  it('transition, can, evaluateAutoClose and nextDeadline never throw, and a copy of what was read once gives the same answer', () => {
    fc.assert(
      fc.property(arbitraryTicket(wf), arbitraryEvent(wf), plan, plan, (ticket, event, ticketPlan, eventPlan) => {
        const t = hostile({ ...ticket }, ticketPlan);
        const e = hostile({ ...event }, eventPlan);
        const result = transition(wf, t.proxy as Ticket, e.proxy as TicketEvent);
        expect(typeof result.ok).toBe('boolean');
        expect(typeof can(wf, t.proxy, e.proxy)).toBe('boolean');
        expect(Array.isArray(evaluateAutoClose(wf, t.proxy, 0).due)).toBe(true);
        expect(() => nextDeadline(wf, t.proxy)).not.toThrow();
        if (result.ok && result.changed) {
          // Whatever the getters said later, the answer is the one for the values first read.
          const again = transition(wf, { ...ticket }, { ...event });
          expect(again.ok && { ...again.ticket }).toEqual({ ...result.ticket });
        }
      }),
      { numRuns },
    );
  }, 60_000);

  it('validateWorkflow never throws on configs behind throwing or shifting getters', () => {
    fc.assert(
      fc.property(plan, (configPlan) => {
        const config = hostile(
          {
            statuses: [
              { id: 'open', category: 'open' },
              { id: 'closed', category: 'closed' },
            ],
          },
          configPlan,
        );
        const result = validateWorkflow(config.proxy);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) for (const issue of result.issues) expect(typeof issue.message).toBe('string');
      }),
      { numRuns },
    );
  }, 60_000);
});
