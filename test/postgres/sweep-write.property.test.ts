// The patch a sweep merges into the stored ticket (`data || patch`, sweep-write.ts): whatever the engine changed,
// added or removed, the stored document after the merge is exactly the ticket the engine returned.
import fc from 'fast-check';
import type { Ticket } from 'ticket-lifecycle';
import { describe, expect, it } from 'vitest';
import { ticketChange } from '../../src/postgres/sweep-write.js';

const key = fc.constantFrom('status', 'version', 'tags', 'timersFired', 'sla', 'closedAt', 'assignee');
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant([]), fc.constant({}));
/** What the engine does to a field: leaves it (the same value, shared), drops it, or sets a new value. */
const edit = fc.oneof(fc.constant({ op: 'keep' as const }), fc.constant({ op: 'drop' as const }), value);

function applyEdits(before: Record<string, unknown>, edits: Record<string, unknown>): Record<string, unknown> {
  const after: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(edits)])) {
    const e = edits[k] as { op?: string } | undefined;
    if (e === undefined || e?.op === 'keep') {
      if (Object.hasOwn(before, k)) after[k] = before[k];
    } else if (e?.op !== 'drop') after[k] = e;
  }
  return after;
}

describe('ticketChange', () => {
  it('gives a patch that merges into the stored ticket to exactly the new one, or the whole ticket when a field went', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.dictionary(key, edit), (before, edits) => {
        const after = applyEdits(before, edits);
        const { data, full } = ticketChange(before as unknown as Ticket, after as unknown as Ticket);
        const removed = Object.keys(before).some((k) => !Object.hasOwn(after, k));
        expect(full).toBe(removed);
        // jsonb `||` keeps the stored fields the patch does not name and replaces those it names.
        const stored = full ? data : { ...before, ...data };
        expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(after)));
        // Only changed fields travel: a field the engine left alone (the same value) is never in the patch.
        if (!full) for (const k of Object.keys(data)) expect(data[k] !== before[k]).toBe(true);
      }),
    );
  });
});
