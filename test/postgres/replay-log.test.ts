// replayLog on logs read by hand (an export, another table): every answer is a value with the entry at fault.
// Before round 10, a null entry, an entry without an event or a log that is not an array threw a TypeError.
import { describe, expect, it } from 'vitest';
import { replayLog, type LogEntry } from 'ticket-lifecycle/postgres';
import { desk } from './fixtures.js';

const create = { seq: 0, event: { type: 'create', at: 0 }, ticket: null } as const;

describe('replayLog given junk', () => {
  it.each([
    ['a log that is not an array', null, 0],
    ['a log that is a string', 'entries', 0],
    ['a null entry', [null], 0],
    ['an entry without an event', [{ seq: 0, event: null, ticket: null }], 0],
    ['a later entry without an event', [create, { seq: 1, ticket: null }], 1],
  ])('%s', (_what, log, seq) => {
    const r = replayLog(desk, log as unknown as LogEntry[]);
    expect(r).toEqual({ ok: false, seq, message: expect.stringMatching(/not a log entry|must be an array/) });
  });

  it('still replays a well-formed log', () => {
    const r = replayLog(desk, [create, { seq: 1, event: { type: 'note', by: 'agent', at: 1 }, ticket: null }]);
    expect(r.ok && r.ticket.version).toBe(2);
  });
});
