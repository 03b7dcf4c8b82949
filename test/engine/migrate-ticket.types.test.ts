// migrateTicket takes a ticket of any older policy and returns one typed by the new policy's statuses.
import { describe, expectTypeOf, it } from 'vitest';
import { createTicket, defineWorkflow, migrateTicket, nextDeadlineResult, type MigrationErrorCode, type Ticket, type TransitionError } from 'ticket-lifecycle';

const v1 = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'hold', category: 'onHold' }] });
const v2 = defineWorkflow({ statuses: [{ id: 'open', category: 'open' }, { id: 'vendor', category: 'onHold' }] });
const stored = createTicket(v1, { at: 0 });

describe('migrateTicket types', () => {
  it('types the migrated ticket by the new policy', () => {
    const r = migrateTicket(v1, v2, stored, { statuses: { hold: 'vendor' } });
    if (r.ok) {
      expectTypeOf(r.ticket).toEqualTypeOf<Ticket<'open' | 'vendor'>>();
      expectTypeOf(r.nextDeadline).toEqualTypeOf<number | null>();
      // @ts-expect-error 'hold' is not a status of the new policy
      r.ticket.status === 'hold';
    } else {
      expectTypeOf(r.error.code).toEqualTypeOf<MigrationErrorCode>();
      expectTypeOf(r.error.path).toEqualTypeOf<string>();
    }
  });

  it('refuses a mapping that is not strings, and a timer mapping beyond string or null', () => {
    // @ts-expect-error status mappings name statuses by id
    migrateTicket(v1, v2, stored, { statuses: { hold: 1 } });
    // @ts-expect-error a timer maps to an id or to null, never to undefined or a number
    migrateTicket(v1, v2, stored, { timers: { nudge: 2 } });
  });

  it('accepts a ticket stored under any policy for nextDeadlineResult', () => {
    expectTypeOf(nextDeadlineResult(v2, stored)).toEqualTypeOf<
      { readonly ok: true; readonly at: number | null } | { readonly ok: false; readonly error: TransitionError }
    >();
  });
});
