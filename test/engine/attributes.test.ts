// Ticket attributes (issue 13): priority, group and tags on the ticket, the `update` event and its rules, and
// `when` on rules. Reply rules per channel: Chatwoot and FreeScout open a new conversation on some channels only
// (docs/reference/helpdesk-systems.md).
import { describe, expect, it } from 'vitest';
import {
  createTicket,
  defineWorkflow,
  TICKET_LIMITS,
  transition,
  validateWorkflow,
  type Ticket,
  type TicketEvent,
} from 'ticket-lifecycle';
import { HOUR, T0 } from './fixtures.js';

const desk = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'waiting', category: 'pending' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  priorities: ['low', 'normal', 'high', 'urgent'],
  groups: ['tier-1', 'tier-2', 'billing'],
  replies: [
    { by: 'agent', to: 'waiting' },
    // On chat a closed conversation reopens; on email a new ticket is opened (Chatwoot / FreeScout per channel).
    { by: 'customer', from: 'closed', action: 'reopen', when: { channel: 'chat' } },
    { by: 'customer', from: 'closed', action: 'followUp' },
    { by: 'customer', from: ['waiting', 'solved'], action: 'reopen' },
  ],
  // Only urgent tickets of tier-2 may be closed by an agent without solving them first; anyone may close solved.
  close: [
    { by: ['agent', 'system'], from: 'solved' },
    { by: 'agent', when: { priority: 'urgent', group: 'tier-2' } },
  ],
  update: [{ by: ['agent', 'system'] }, { by: 'customer', when: { tags: { none: 'locked' } } }],
});
type Desk = Ticket<'open' | 'waiting' | 'solved' | 'closed', 'low' | 'normal' | 'high' | 'urgent'>;

const apply = (ticket: Desk, event: TicketEvent<Desk['status'], NonNullable<Desk['priority']>>) =>
  transition(desk, ticket, event);

describe('createTicket takes priority, group and tags', () => {
  it('stores them, tags sorted and deduplicated', () => {
    const t = createTicket(desk, { at: T0, priority: 'high', group: 'billing', tags: ['vip', 'api', 'vip'] });
    expect(t).toMatchObject({ priority: 'high', group: 'billing', tags: ['api', 'vip'] });
  });

  it('defaults to null, null and []', () => {
    expect(createTicket(desk, { at: T0 })).toMatchObject({ priority: null, group: null, tags: [] });
  });

  it('throws a RangeError for a priority or group the policy lacks, or tags beyond TICKET_LIMITS', () => {
    expect(() => createTicket(desk, { at: T0, priority: 'critical' as never })).toThrow(/priority "critical"/);
    expect(() => createTicket(desk, { at: T0, group: 'sales' })).toThrow(/group "sales"/);
    expect(() => createTicket(desk, { at: T0, tags: [''] })).toThrow(RangeError);
    expect(() => createTicket(desk, { at: T0, tags: ['x'.repeat(TICKET_LIMITS.maxTagLength + 1)] })).toThrow(
      RangeError,
    );
    const many = Array.from({ length: TICKET_LIMITS.maxTags + 1 }, (_, i) => `t${i}`);
    expect(() => createTicket(desk, { at: T0, tags: many })).toThrow(RangeError);
  });
});

describe('stored tickets from before the attributes', () => {
  it('are read with null, null and [] and come back with the fields', () => {
    const { priority: _p, group: _g, tags: _t, ...old } = createTicket(desk, { at: T0 });
    const r = transition(desk, old as Desk, { type: 'note', by: 'agent', at: T0 + HOUR });
    expect(r.ok && r.ticket).toMatchObject({ priority: null, group: null, tags: [], version: 2 });
    if (r.ok) expect(Object.keys(r.ticket)).toEqual(Object.keys(createTicket(desk, { at: T0 })));
  });

  it('a hand-edited attribute is refused with its code and path', () => {
    const t = createTicket(desk, { at: T0 });
    const tick = { type: 'tick', at: T0 } as const;
    const refusal = (ticket: unknown) => {
      const r = transition(desk, ticket as Desk, tick);
      return r.ok ? null : r.error;
    };
    expect(refusal({ ...t, priority: 'critical' })).toMatchObject({ code: 'unknownPriority', path: 'ticket.priority' });
    expect(refusal({ ...t, group: 'sales' })).toMatchObject({ code: 'unknownGroup', path: 'ticket.group' });
    expect(refusal({ ...t, group: '' })).toMatchObject({ code: 'invalidGroup', path: 'ticket.group' });
    expect(refusal({ ...t, tags: ['b', 'a'] })).toMatchObject({ code: 'invalidTicket', path: 'ticket.tags' });
    expect(refusal({ ...t, tags: ['a', 'a'] })).toMatchObject({ code: 'invalidTicket', path: 'ticket.tags' });
    expect(refusal({ ...t, tags: 'a' })).toMatchObject({ code: 'invalidTicket', path: 'ticket.tags' });
  });
});

describe('the update event', () => {
  const t = createTicket(desk, { at: T0, tags: ['api'] });

  it('changes what it names and says what changed, before and after', () => {
    const r = apply(t, { type: 'update', by: 'agent', at: T0 + 1, priority: 'urgent', tags: ['vip', 'api'] });
    expect(r.ok && r.changed).toBe(true);
    if (!r.ok) return;
    expect(r.ticket).toMatchObject({ priority: 'urgent', group: null, tags: ['api', 'vip'], updatedAt: T0 + 1 });
    expect(r.effects).toEqual([
      {
        type: 'updated',
        at: T0 + 1,
        by: 'agent',
        changes: { priority: { from: null, to: 'urgent' }, tags: { from: ['api'], to: ['api', 'vip'] } },
        timer: null,
      },
    ]);
  });

  it('changing nothing is accepted and changes nothing (tags compared as sets)', () => {
    const r = apply(t, { type: 'update', by: 'agent', at: T0 + 1, tags: ['api', 'api'], group: null });
    expect(r).toMatchObject({ ok: true, changed: false, effects: [] });
    expect(r.ticket).toBe(t);
  });

  it('refuses bad values with a code and the field path', () => {
    const refused = (event: Record<string, unknown>) => {
      const r = transition(desk, t, { type: 'update', by: 'agent', at: T0 + 1, ...event } as never);
      return r.ok ? null : r.error;
    };
    expect(refused({ priority: 'critical' })).toMatchObject({ code: 'unknownPriority', path: 'event.priority' });
    expect(refused({ group: 'sales' })).toMatchObject({ code: 'unknownGroup', path: 'event.group' });
    expect(refused({ group: 7 })).toMatchObject({ code: 'invalidGroup', path: 'event.group' });
    expect(refused({ tags: [1] })).toMatchObject({ code: 'invalidTags', path: 'event.tags' });
    expect(refused({ tags: 'vip' })).toMatchObject({ code: 'invalidTags', path: 'event.tags' });
    expect(refused({})).toMatchObject({ code: 'invalidEvent' });
    expect(refused({ priority: 'high', actorId: '' })).toMatchObject({ code: 'invalidEvent', path: 'event.actorId' });
  });

  it('passes the update rules, when included: customers may tag unless the ticket is locked', () => {
    const byCustomer = apply(t, { type: 'update', by: 'customer', at: T0 + 1, tags: ['api', 'locked'] });
    expect(byCustomer.ok).toBe(true);
    if (!byCustomer.ok) return;
    const again = apply(byCustomer.ticket, { type: 'update', by: 'customer', at: T0 + 2, tags: [] });
    expect(again.ok ? null : again.error.code).toBe('updateNotAllowed');
  });

  it('by default: agents and the system, never customers, and never on a closed ticket', () => {
    const plain = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      priorities: ['low', 'high'],
    });
    const open = createTicket(plain, { at: T0 });
    const up = (ticket: typeof open, by: 'agent' | 'customer', at: number) =>
      transition(plain, ticket, { type: 'update', by, at, priority: 'high' });
    expect(up(open, 'agent', T0 + 1).ok).toBe(true);
    expect(up(open, 'customer', T0 + 1)).toMatchObject({ ok: false, error: { code: 'updateNotAllowed' } });
    const closed = transition(plain, open, { type: 'close', by: 'agent', at: T0 + 1 });
    if (!closed.ok) throw new Error('close refused');
    expect(up(closed.ticket, 'agent', T0 + 2)).toMatchObject({ ok: false, error: { code: 'updateNotAllowed' } });
  });
});

describe('when on rules', () => {
  const closedOn = (channel: string): Desk => {
    const t = createTicket(desk, { at: T0, channel });
    const solved = apply(t, { type: 'resolve', by: 'agent', at: T0 + 1 });
    if (!solved.ok) throw new Error(solved.error.message);
    const closed = apply(solved.ticket, { type: 'close', by: 'agent', at: T0 + 2 });
    if (!closed.ok) throw new Error(closed.error.message);
    return closed.ticket;
  };

  it('reply rules per channel: the first rule whose when holds wins', () => {
    const chat = apply(closedOn('chat'), { type: 'reply', by: 'customer', at: T0 + HOUR });
    expect(chat.ok && chat.ticket.status).toBe('open');
    const email = apply(closedOn('email'), { type: 'reply', by: 'customer', at: T0 + HOUR });
    expect(email.ok && email.ticket.status).toBe('closed');
    expect(email.ok && email.effects.map((e) => e.type)).toEqual(['followUpRequested']);
  });

  it('a permission rule whose when does not hold does not apply; another may', () => {
    const t = createTicket(desk, { at: T0, group: 'tier-2' });
    expect(apply(t, { type: 'close', by: 'agent', at: T0 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'closeNotAllowed' },
    });
    const urgent = apply(t, { type: 'update', by: 'agent', at: T0 + 1, priority: 'urgent' });
    if (!urgent.ok) throw new Error(urgent.error.message);
    const closed = apply(urgent.ticket, { type: 'close', by: 'agent', at: T0 + 2 });
    expect(closed.ok && closed.ticket.status).toBe('closed');
  });

  it('tags: any, all and none', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      close: { by: 'agent', when: { tags: { any: ['a', 'b'], all: 'c', none: 'd' } } },
    });
    const closes = (tags: string[]) =>
      transition(wf, createTicket(wf, { at: T0, tags }), { type: 'close', by: 'agent', at: T0 + 1 }).ok;
    expect(closes(['a', 'c'])).toBe(true);
    expect(closes(['b', 'c'])).toBe(true);
    expect(closes(['c'])).toBe(false);
    expect(closes(['a'])).toBe(false);
    expect(closes(['a', 'c', 'd'])).toBe(false);
  });

  it('null in a list matches a ticket without the attribute', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      priorities: ['low', 'high'],
      close: { by: 'agent', when: { priority: [null, 'low'] } },
    });
    const closes = (priority: 'low' | 'high' | null) =>
      transition(wf, createTicket(wf, { at: T0, priority }), { type: 'close', by: 'agent', at: T0 + 1 }).ok;
    expect([closes(null), closes('low'), closes('high')]).toEqual([true, true, false]);
  });
});

describe('policy validation of priorities, groups and when', () => {
  const base = { statuses: [{ id: 'open', category: 'open' }] };
  const issues = (config: Record<string, unknown>) => {
    const r = validateWorkflow({ ...base, ...config });
    return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
  };

  it('reports unknown, duplicate and malformed entries with their paths', () => {
    expect(issues({ priorities: ['low', 'low'] })).toEqual([['priorities[1]', 'duplicateId']]);
    expect(issues({ priorities: ['bad id'] })).toEqual([['priorities[0]', 'invalidId']]);
    expect(issues({ groups: ['a', 'a'] })).toEqual([['groups[1]', 'duplicateId']]);
    expect(issues({ priorities: ['low'], close: { when: { priority: ['low', 'hgh'] } } })).toEqual([
      ['close.when.priority[1]', 'unknownPriority'],
    ]);
    expect(issues({ close: { when: { priority: 'low' } } })).toEqual([['close.when.priority', 'unknownPriority']]);
    expect(issues({ groups: ['a'], replies: [{ by: 'agent', when: { group: 'b' } }] })).toEqual([
      ['replies[0].when.group', 'unknownGroup'],
    ]);
    expect(issues({ statusChanges: [{ when: { channel: '' } }] })).toEqual([
      ['statusChanges[0].when.channel', 'invalidType'],
    ]);
    expect(issues({ close: { when: { tags: { all: [''] } } } })).toEqual([['close.when.tags.all[0]', 'invalidTag']]);
    expect(issues({ close: { when: { priority: [] } } })).toEqual([['close.when.priority', 'emptySelector']]);
    expect(issues({ close: { when: { colour: 'red' } } })).toEqual([['close.when.colour', 'unexpectedField']]);
    expect(issues({ close: { when: { tags: { some: 'x' } } } })).toEqual([['close.when.tags.some', 'unexpectedField']]);
  });

  it('any group is accepted when the policy declares none', () => {
    expect(issues({ close: { when: { group: ['sales', null] } } })).toEqual([]);
  });

  it('exposes the priorities in order', () => {
    expect(desk.priorities).toEqual(['low', 'normal', 'high', 'urgent']);
  });
});

describe('reopenAssignee', () => {
  // Zammad resets the owner on a follow-up; osTicket assigns back (docs/reference/helpdesk-systems.md, Zammad and
  // osTicket sections).
  const policy = (reopenAssignee: 'keep' | 'clear') =>
    defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'solved', category: 'solved' },
      ],
      replies: [{ by: 'customer', from: 'solved', action: 'reopen' }],
      reopenAssignee,
    });
  const reopened = (reopenAssignee: 'keep' | 'clear') => {
    const wf = policy(reopenAssignee);
    const t = createTicket(wf, { at: T0, assignee: 'ana' });
    const solved = transition(wf, t, { type: 'resolve', by: 'agent', at: T0 + 1 });
    if (!solved.ok) throw new Error(solved.error.message);
    return transition(wf, solved.ticket, { type: 'reply', by: 'customer', at: T0 + 2 });
  };

  it('keep: the assignee stays', () => {
    const r = reopened('keep');
    expect(r.ok && r.ticket).toMatchObject({ status: 'open', assignee: 'ana' });
  });

  it('clear: the reopen unassigns, with an assigned effect', () => {
    const r = reopened('clear');
    expect(r.ok && r.ticket).toMatchObject({ status: 'open', assignee: null });
    expect(r.ok && r.effects.find((e) => e.type === 'assigned')).toEqual({
      type: 'assigned',
      from: 'ana',
      to: null,
      at: T0 + 2,
      cause: 'reopen',
    });
  });

  it('anything else is a policy error', () => {
    expect(validateWorkflow({ statuses: [{ id: 'open', category: 'open' }], reopenAssignee: 'drop' }).ok).toBe(false);
  });
});
