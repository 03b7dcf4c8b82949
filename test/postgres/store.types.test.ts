// What must and must not compile with the store's `create` and its idempotency key (docs/postgres.md): the options
// are exact, the result says `duplicate` only when it succeeded, and the ticket keeps the workflow's status union.
import { describe, expectTypeOf, it } from 'vitest';
import type { Ticket } from 'ticket-lifecycle';
import type { CreateOptions, CreateResult, PostgresStore } from 'ticket-lifecycle/postgres';
import type { DeskStatus } from './fixtures.js';

type Create = PostgresStore<DeskStatus>['create'];
/** Never called: the calls below are checked by the compiler, not run. */
const store = {} as PostgresStore<DeskStatus>;

describe('store.create with an idempotency key: types', () => {
  it('takes an optional options argument with an optional string key', () => {
    expectTypeOf<Create>().parameters.toEqualTypeOf<[input?: Parameters<PostgresStore['create']>[0], options?: CreateOptions]>();
    expectTypeOf<CreateOptions>().toEqualTypeOf<{ readonly idempotencyKey?: string }>();
    void (() => store.create({ channel: 'email' }, { idempotencyKey: 'hook-1' }));
    void (() => store.create(undefined, {}));
    // @ts-expect-error a key is a string
    void (() => store.create({}, { idempotencyKey: 42 }));
    // @ts-expect-error apply's options are not create's
    void (() => store.create({}, { expectedVersion: 3 }));
  });

  it('answers `duplicate` on success only, with the workflow status union', () => {
    expectTypeOf<Create>().returns.resolves.toEqualTypeOf<CreateResult<DeskStatus>>();
    const answer = async () => {
      const created = await store.create({}, { idempotencyKey: 'hook-1' });
      if (created.ok) {
        expectTypeOf(created.duplicate).toEqualTypeOf<boolean>();
        expectTypeOf(created.ticket).toEqualTypeOf<Ticket<DeskStatus>>();
        expectTypeOf(created.id).toEqualTypeOf<string>();
      } else {
        expectTypeOf(created.id).toEqualTypeOf<null>();
        // @ts-expect-error a refusal created nothing, duplicate or not
        void created.duplicate;
      }
    };
    void answer;
  });
});
