// Issue 9, item 6: every input field is read exactly once; the engine and the policy reader check a copy and then
// use only that copy, so a getter that answers differently on each read cannot slip a value past the checks.
import { describe, expect, it } from 'vitest';
import { createTicket, transition, validateWorkflow, type Ticket, type Workflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';

const wf: Workflow = zendesk();
const ticket = createTicket(wf, { at: 0 });

/** A getter that returns each value in turn, then the last one for ever. */
function changing<T>(...values: T[]): () => T {
  let n = 0;
  return () => values[Math.min(n++, values.length - 1)]!;
}

/** `target` behind a Proxy that counts the reads of each property. */
function counted<T extends object>(target: T): { proxy: T; reads: Map<PropertyKey, number> } {
  const reads = new Map<PropertyKey, number>();
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      reads.set(key, (reads.get(key) ?? 0) + 1);
      return Reflect.get(t, key, receiver);
    },
  });
  return { proxy, reads };
}

describe('reads each input field once', () => {
  it('a version getter answering 1 then "1" cannot give version "11"', () => {
    const hostile = Object.defineProperty({ ...ticket }, 'version', {
      get: changing<unknown>(1, '1'),
      enumerable: true,
    });
    const result = transition(wf, hostile as Ticket, { type: 'note', by: 'agent', at: 5 });
    expect(result.ok && result.ticket.version).toBe(2);
  });

  it('an "at" getter answering 2000 then NaN cannot give updatedAt NaN', () => {
    const event = Object.defineProperty({ type: 'note', by: 'agent' }, 'at', {
      get: changing<unknown>(2000, Number.NaN),
      enumerable: true,
    });
    const result = transition(wf, ticket, event as never);
    expect(result.ok && result.ticket.updatedAt).toBe(2000);
  });

  it('transition reads every field of the ticket and of the event at most once', () => {
    const t = counted({ ...ticket });
    const e = counted({ type: 'assign', by: 'agent', at: 10, assignee: 'ana' });
    expect(transition(wf, t.proxy, e.proxy as never).ok).toBe(true);
    for (const [key, n] of [...t.reads, ...e.reads]) expect(n, String(key)).toBe(1);
  });

  it('validateWorkflow compiles exactly what it checked: a status id getter cannot change between check and use', () => {
    const status = Object.defineProperty({ category: 'open' }, 'id', {
      get: changing<unknown>('open', '__proto__'),
      enumerable: true,
    });
    const result = validateWorkflow({ statuses: [status] });
    expect(result.ok && result.workflow.statuses.map((s) => s.id)).toEqual(['open']);
    expect(result.ok && result.workflow.config.statuses[0]!.id).toBe('open');
  });

  it('validateWorkflow reads every config field once', () => {
    const timer = counted({ id: 'close', in: 'solved', after: 'P4D', action: 'move', to: 'closed' });
    const config = counted({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
        { id: 'closed', category: 'closed' },
      ],
      timers: [timer.proxy],
    });
    expect(validateWorkflow(config.proxy).ok).toBe(true);
    for (const [key, n] of [...config.reads, ...timer.reads]) expect(n, String(key)).toBe(1);
  });
});
