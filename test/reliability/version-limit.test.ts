// Issue 9, item 8: a ticket at version 2^53 − 1 is refused with a code on its next change, instead of overflowing to
// 2^53 (after which every event failed).
import { describe, expect, it } from 'vitest';
import { createTicket, transition } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';

const wf = zendesk();
const last = { ...createTicket(wf, { at: 0 }), version: Number.MAX_SAFE_INTEGER };

describe('version at 2^53 − 1', () => {
  it('refuses a change with versionLimit and returns the ticket untouched', () => {
    const r = transition(wf, last, { type: 'note', by: 'agent', at: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'versionLimit', path: 'ticket.version' });
    expect(r.ticket).toBe(last);
  });

  it('still answers events that change nothing', () => {
    const r = transition(wf, last, { type: 'tick', at: 1 });
    expect(r.ok && r.changed).toBe(false);
  });

  it('accepts the change to 2^53 − 1 itself', () => {
    const r = transition(wf, { ...last, version: Number.MAX_SAFE_INTEGER - 1 }, { type: 'note', by: 'agent', at: 1 });
    expect(r.ok && r.ticket.version).toBe(Number.MAX_SAFE_INTEGER);
  });
});
