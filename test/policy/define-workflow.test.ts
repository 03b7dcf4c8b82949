import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, validateWorkflow, WorkflowError, type WorkflowIssueCode } from 'ticket-lifecycle';

const base = [
  { id: 'open', category: 'open' },
  { id: 'waiting', category: 'pending' },
  { id: 'closed', category: 'closed' },
] as const;

/** The codes (and paths) validateWorkflow reports for a config given as untrusted JSON. */
function issuesOf(config: unknown): { path: string; code: WorkflowIssueCode }[] {
  const result = validateWorkflow(config);
  if (result.ok) return [];
  return result.issues.map(({ path, code }) => ({ path, code }));
}

describe('defineWorkflow compiles a valid policy', () => {
  it('derives the initial status, defaults and labels', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'new', category: 'new' },
        { id: 'open', category: 'open', labels: { agent: 'Open', customer: 'In progress' } },
        { id: 'vendor', category: 'open', default: false },
        { id: 'open2', category: 'open', default: true },
      ],
    });
    expect(wf.initial).toBe('new');
    expect(wf.defaults).toEqual({ new: 'new', open: 'open2' });
    expect(wf.statuses[1]).toEqual({
      id: 'open',
      category: 'open',
      isDefault: false,
      labels: { agent: 'Open', customer: 'In progress' },
      slaPaused: false,
    });
    expect(wf.statuses[2]?.labels).toEqual({ agent: 'vendor', customer: 'vendor' });
  });

  it('starts in the open default when there is no new status, and in `initial` when given', () => {
    expect(defineWorkflow({ statuses: base }).initial).toBe('open');
    expect(defineWorkflow({ statuses: base, initial: 'waiting' }).initial).toBe('waiting');
  });

  it('keeps a deep-frozen copy of the config, not the caller’s object', () => {
    const config = { statuses: [{ id: 'open', category: 'open' as const }] };
    const wf = defineWorkflow(config);
    expect(wf.config).toEqual(config);
    expect(wf.config).not.toBe(config);
    expect(Object.isFrozen(wf.config.statuses[0])).toBe(true);
    expect(Object.isFrozen(config.statuses[0])).toBe(false);
  });

  it('compiles the same policy from its JSON text', () => {
    const config = {
      statuses: base,
      replies: [{ by: 'agent' as const, from: 'open' as const, to: 'waiting' as const }],
    };
    const again = validateWorkflow(JSON.parse(JSON.stringify(config)));
    expect(again.ok && again.workflow.config).toEqual(defineWorkflow(config).config);
  });

  it('handles a 300-status policy (Zendesk’s account limit)', () => {
    const statuses = Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      category: i === 0 ? ('open' as const) : ('pending' as const),
      default: i < 2,
    }));
    expect(defineWorkflow({ statuses }).statuses).toHaveLength(300);
  });
});

describe('invalid policies: one WorkflowError listing every problem', () => {
  it('collects all problems of a config at once, with paths', () => {
    let error: unknown;
    try {
      defineWorkflow({
        statuses: [
          { id: 'open', category: 'open' },
          { id: 'open', category: 'open' },
          { id: 'x', category: 'nope' as never },
        ],
        timers: [{ id: 'late', in: 'open', after: 'P0D', action: 'remind' }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowError);
    const issues = (error as WorkflowError).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['statuses[1].id', 'duplicateId'],
      ['statuses[2].category', 'unknownCategory'],
      ['timers[0].after', 'invalidDuration'],
    ]);
    expect((error as WorkflowError).message).toContain('timers[0].after');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved status id %s', (id) => {
    expect(issuesOf({ statuses: [{ id, category: 'open' }] })).toContainEqual({
      path: 'statuses[0].id',
      code: 'reservedId',
    });
  });

  it('refuses reserved and malformed timer ids', () => {
    expect(
      issuesOf({ statuses: base, timers: [{ id: 'constructor', in: 'open', after: 1000, action: 'remind' }] }),
    ).toContainEqual({ path: 'timers[0].id', code: 'reservedId' });
    expect(issuesOf({ statuses: [{ id: 'has space', category: 'open' }] })).toContainEqual({
      path: 'statuses[0].id',
      code: 'invalidId',
    });
  });

  it('refuses references to unknown statuses wherever a status is named', () => {
    const codes = issuesOf({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'done', category: 'closed', reopenTo: 'gone' },
      ],
      initial: 'nowhere',
      replies: [{ by: 'agent', from: 'missing', to: 'absent' }],
      assignments: [{ to: 'void' }],
      timers: [{ id: 't', in: 'ghost', after: 'P1D', action: 'move', to: 'open' }],
    });
    expect(codes.filter((c) => c.code === 'unknownStatus').map((c) => c.path)).toEqual([
      'statuses[1].reopenTo',
      'initial',
      'replies[0].from',
      'replies[0].to',
      'assignments[0].to',
      'timers[0].in',
    ]);
  });

  it('needs exactly one default in a category with several statuses', () => {
    expect(issuesOf({ statuses: [...base, { id: 'open2', category: 'open' }] })).toEqual([
      { path: 'statuses', code: 'missingDefault' },
    ]);
    expect(
      issuesOf({
        statuses: [
          { id: 'a', category: 'open', default: true },
          { id: 'b', category: 'open', default: true },
        ],
      }),
    ).toEqual([{ path: 'statuses', code: 'multipleDefaults' }]);
  });

  it.each([[-5], [0], ['P0D'], ['PT-1H'], ['seven days'], ['P1M'], ['P1Y'], [1.5], [Number.MAX_SAFE_INTEGER]])(
    'refuses the duration %s',
    (after) => {
      expect(
        issuesOf({ statuses: base, timers: [{ id: 't', in: 'waiting', after, action: 'move', to: 'closed' }] }),
      ).toContainEqual({
        path: 'timers[0].after',
        code: 'invalidDuration',
      });
    },
  );

  it('refuses more than 1,000 statuses', () => {
    const statuses = Array.from({ length: 1001 }, (_, i) => ({ id: `s${i}`, category: 'open', default: i === 0 }));
    expect(issuesOf({ statuses })).toEqual([{ path: 'statuses', code: 'tooManyStatuses' }]);
  });

  it.each([
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a class instance', new (class Status {})()],
    ['a bigint', 1n],
  ])('refuses %s anywhere in the config (non-JSON)', (_what, value) => {
    expect(issuesOf({ statuses: [{ id: 'open', category: 'open', labels: { agent: value } }] })).toEqual([
      { path: 'statuses[0].labels.agent', code: 'notJson' },
    ]);
  });

  it('refuses cycles instead of looping', () => {
    const statuses: Record<string, unknown>[] = [{ id: 'open', category: 'open' }];
    statuses[0]!.self = statuses;
    expect(issuesOf({ statuses })).toEqual([{ path: 'statuses[0].self', code: 'notJson' }]);
  });

  it('never lets untrusted JSON pollute a prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "statuses": [{"id": "open", "category": "open", "__proto__": {"polluted": true}}], "initialByChannel": {"__proto__": "open"}}',
    );
    const issues = issuesOf(hostile);
    expect(issues).toContainEqual({ path: '__proto__', code: 'unexpectedField' });
    expect(issues).toContainEqual({ path: 'statuses[0].__proto__', code: 'unexpectedField' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports unknown fields, so typos in a stored policy surface', () => {
    expect(issuesOf({ statuses: base, replies: [{ by: 'agent', form: 'open', to: 'waiting' }] })).toContainEqual({
      path: 'replies[0].form',
      code: 'unexpectedField',
    });
  });

  it('refuses timer self-loops and cycles of timer moves', () => {
    expect(
      issuesOf({ statuses: base, timers: [{ id: 't', in: 'waiting', after: 1000, action: 'move', to: 'waiting' }] }),
    ).toContainEqual({ path: 'timers[0].to', code: 'timerSelfLoop' });
    expect(
      issuesOf({
        statuses: base,
        timers: [
          { id: 'a', in: 'open', after: 1000, action: 'move', to: 'waiting' },
          { id: 'b', in: 'waiting', after: 1000, action: 'move', to: 'open' },
        ],
      }),
    ).toEqual([{ path: 'timers', code: 'timerCycle' }]);
  });

  it('refuses a reopen that lands in a solved or closed status, and a start in one', () => {
    expect(
      issuesOf({ statuses: base, replies: [{ by: 'customer', from: 'closed', action: 'reopen', to: 'closed' }] }),
    ).toContainEqual({ path: 'replies[0].to', code: 'invalidReopenTarget' });
    expect(
      issuesOf({ statuses: [...base.slice(0, 2), { id: 'closed', category: 'closed', reopenTo: 'closed' }] }),
    ).toContainEqual({ path: 'statuses[2].reopenTo', code: 'invalidReopenTarget' });
    expect(issuesOf({ statuses: base, initial: 'closed' })).toEqual([{ path: 'initial', code: 'invalidInitial' }]);
    expect(issuesOf({ statuses: base, initialByChannel: { chat: 'closed' } })).toEqual([
      { path: 'initialByChannel.chat', code: 'invalidInitial' },
    ]);
  });

  it('refuses a guard that has no implementation, and accepts one that does', () => {
    const config = { statuses: base, close: { guards: 'checklistDone' } };
    expect(issuesOf(config)).toEqual([{ path: 'close.guards', code: 'unknownGuard' }]);
    expect(validateWorkflow(config, { guards: { checklistDone: () => true } }).ok).toBe(true);
  });

  it('refuses selectors that select nothing and rules without an actor', () => {
    expect(
      issuesOf({ statuses: base, replies: [{ by: 'agent', fromCategory: 'snoozed', to: 'open' }] }),
    ).toContainEqual({ path: 'replies[0]', code: 'emptySelector' });
    expect(issuesOf({ statuses: base, replies: [{ from: 'open', to: 'waiting' }] })).toContainEqual({
      path: 'replies[0].by',
      code: 'missingField',
    });
    expect(issuesOf({ statuses: base, replies: [{ by: 'robot', to: 'waiting' }] })).toContainEqual({
      path: 'replies[0].by',
      code: 'unknownActor',
    });
  });

  it('validateWorkflow never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withMap: true,
          withSet: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withNullPrototype: true,
        }),
        (junk) => {
          expect(typeof validateWorkflow(junk).ok).toBe('boolean');
          expect(typeof validateWorkflow({ statuses: junk }).ok).toBe('boolean');
        },
      ),
    );
  });

  it('validateWorkflow reports a hostile getter instead of throwing', () => {
    const hostile = {
      get statuses(): never {
        throw new Error('boom');
      },
    };
    expect(validateWorkflow(hostile)).toMatchObject({ ok: false, issues: [{ code: 'notJson' }] });
  });
});

describe('timer anchor is named since', () => {
  it('refuses the pre-0.1 name "from" with a message that says what to write', () => {
    const result = validateWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'done', category: 'closed' },
      ],
      timers: [{ id: 't', in: 'open', from: 'statusEntered', after: 'P1D', action: 'move', to: 'done' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual(expect.objectContaining({ code: 'renamedField', path: 'timers[0].from' }));
      expect(result.issues.find((i) => i.code === 'renamedField')?.message).toContain('since');
    }
  });
});
