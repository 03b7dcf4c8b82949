// Issue 9, item 5: validateWorkflow, transition and can never throw, even when a getter throws a value that cannot
// be turned into a string (a null-prototype object, a Symbol, a Proxy whose every trap throws).
import { describe, expect, it } from 'vitest';
import { can, createTicket, evaluateAutoClose, nextDeadline, transition, validateWorkflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';

const wf = zendesk();
const ticket = createTicket(wf, { at: 0 });

/** Values whose `String()` throws, and a Proxy that throws on every trap. */
const unprintable: [string, () => unknown][] = [
  ['a null-prototype object', () => Object.create(null)],
  ['a Symbol', () => Symbol('boom')],
  [
    'a Proxy that throws on every trap',
    () =>
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
          getPrototypeOf: () => {
            throw new Error('trap');
          },
        },
      ),
  ],
  [
    'an Error whose message getter throws',
    () =>
      Object.defineProperty(new Error(), 'message', {
        get: () => {
          throw Object.create(null);
        },
      }),
  ],
];

describe('never throws, whatever a getter throws', () => {
  it.each(unprintable)(
    'validateWorkflow with a statuses getter throwing %s → ok: false with a message',
    (_name, make) => {
      const result = validateWorkflow({
        get statuses(): never {
          throw make();
        },
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(typeof result.issues[0]!.message).toBe('string');
    },
  );

  it.each(unprintable)(
    'transition and can with an event getter throwing %s → internalError, no throw',
    (_name, make) => {
      const event = {
        type: 'note',
        by: 'agent',
        get at(): never {
          throw make();
        },
      };
      const result = transition(wf, ticket, event as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('internalError');
      expect(result.ticket).toBe(ticket);
      expect(can(wf, ticket, event as never)).toBe(false);
    },
  );

  it.each(unprintable)(
    'transition, evaluateAutoClose and nextDeadline with a ticket getter throwing %s',
    (_name, make) => {
      const hostile = {
        ...ticket,
        status: 'solved',
        get updatedAt(): never {
          throw make();
        },
      };
      expect(transition(wf, hostile as never, { type: 'tick', at: 1 }).ok).toBe(false);
      expect(evaluateAutoClose(wf, hostile as never, 1).due).toEqual([]);
      expect(nextDeadline(wf, hostile as never)).toBeNull();
    },
  );
});
