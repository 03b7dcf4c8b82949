// Issue 9, item 12: one compiled workflow serves every ticket, so nothing reachable from it may change. Before,
// only the top was frozen: `compiled.byId.get('solved').timers[0].after = 1` moved every ticket's deadline.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTicket, defineWorkflow, nextDeadline, transition, type Workflow } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';

const allPresets = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()] as const);

/** Every object reachable from `root`: own properties (symbols and getters' values included) and collection entries. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if ((typeof item !== 'object' && typeof item !== 'function') || item === null || seen.has(item)) continue;
    seen.add(item);
    stack.push(
      Object.getPrototypeOf(item) === Object.prototype ||
        Object.getPrototypeOf(item) === Array.prototype ||
        Object.getPrototypeOf(item) === Function.prototype
        ? null
        : Object.getPrototypeOf(item),
    );
    for (const key of Reflect.ownKeys(item)) {
      const descriptor = Object.getOwnPropertyDescriptor(item, key)!;
      stack.push('value' in descriptor ? descriptor.value : undefined);
    }
    // Read-only collections: what they hold through their read methods.
    const entries = (item as { values?: unknown }).values;
    const isInstance = !Object.hasOwn(item, 'values');
    if (typeof entries === 'function' && isInstance && !Array.isArray(item))
      for (const entry of (entries as () => Iterable<unknown>).call(item)) stack.push(entry);
  }
  return [...seen];
}

/** The objects a ticket's answers depend on, walked as the engine reads them. */
const compiledOf = (wf: Workflow): unknown => (wf as unknown as { compiled: unknown }).compiled;

describe('a compiled workflow is frozen all the way down', () => {
  it.each(allPresets)(
    '%s: every object reachable from the workflow is frozen, and none is a mutable Map or Set',
    (_name, wf) => {
      const objects = reachable(wf);
      expect(objects.length).toBeGreaterThan(50);
      expect(objects.filter((o) => !Object.isFrozen(o))).toEqual([]);
      expect(objects.filter((o) => o instanceof Map || o instanceof Set)).toEqual([]);
    },
  );

  it("editing a timer, a lookup table or a rule set throws, and every ticket's answers stay the same", () => {
    const wf = presets.zendesk();
    const solved = transition(
      wf,
      transition(wf, createTicket(wf, { at: 0 }), { type: 'assign', by: 'agent', at: 1, assignee: 'ana' }).ticket,
      {
        type: 'resolve',
        by: 'agent',
        at: 2,
      },
    );
    expect(solved.ok).toBe(true);
    const deadline = nextDeadline(wf, solved.ticket);
    expect(deadline).not.toBeNull();

    const compiled = compiledOf(wf) as {
      byId: ReadonlyMap<string, { timers: { after: number }[]; replies: Record<string, { to: string | null }> }>;
      close: { from: ReadonlySet<string> | null; by: number }[];
      initialByChannel: ReadonlyMap<string, string>;
    };
    const solvedStatus = compiled.byId.get('solved')!;
    expect(() => {
      solvedStatus.timers[0]!.after = 1;
    }).toThrow(TypeError);
    expect(() => {
      solvedStatus.timers.pop();
    }).toThrow(TypeError);
    expect(() => {
      solvedStatus.replies.customer!.to = 'closed';
    }).toThrow(TypeError);
    expect(() => {
      compiled.close[0]!.by = 0;
    }).toThrow(TypeError);
    // The collections have no mutators, and the built-in ones refuse them as receivers.
    expect((compiled.byId as unknown as { set?: unknown }).set).toBeUndefined();
    expect(() => Map.prototype.set.call(compiled.byId, 'solved', {})).toThrow(TypeError);
    expect(() => Map.prototype.clear.call(compiled.initialByChannel)).toThrow(TypeError);
    const from = compiled.close.find((rule) => rule.from !== null)?.from;
    expect(from).toBeDefined();
    expect((from as unknown as { add?: unknown }).add).toBeUndefined();
    expect(() => Set.prototype.add.call(from, 'new')).toThrow(TypeError);
    expect(() => Object.defineProperty(compiled.byId, 'get', { value: () => undefined })).toThrow(TypeError);
    expect(() => {
      Object.getPrototypeOf(compiled.byId).get = () => undefined;
    }).toThrow(TypeError);

    expect(nextDeadline(wf, solved.ticket)).toBe(deadline);
    expect(nextDeadline(presets.zendesk(), solved.ticket)).toBe(deadline);
  });

  it("never freezes the caller's own config or guard functions", () => {
    const checklistDone = (): boolean => true;
    const config = {
      statuses: [
        { id: 'open', category: 'open' as const },
        { id: 'done', category: 'closed' as const },
      ],
      close: { by: 'agent' as const, guards: 'checklistDone' },
    };
    defineWorkflow(config, { guards: { checklistDone } });
    expect(Object.isFrozen(config)).toBe(false);
    expect(Object.isFrozen(config.statuses[0])).toBe(false);
    expect(Object.isFrozen(checklistDone)).toBe(false);
  });
});

describe('the compiled form stays out of the public types', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('Workflow.compiled is @internal: stripped from the emitted Workflow type', () => {
    const source = readFileSync(`${root}src/policy/workflow.ts`, 'utf8');
    const { outputText } = ts.transpileDeclaration(source, {
      compilerOptions: { stripInternal: true, removeComments: true },
    });
    const workflowType = /export interface Workflow<[^{]*\{[^}]*\}/.exec(outputText)?.[0];
    expect(workflowType).toMatch(/readonly initial: S;/);
    expect(workflowType).not.toMatch(/\bcompiled\b|Compiled[A-Z]\w*/);
  });

  it('the build strips @internal declarations (tsup dts stripInternal)', () => {
    expect(readFileSync(`${root}tsup.config.ts`, 'utf8')).toMatch(
      /dts:\s*\{\s*compilerOptions:\s*\{\s*stripInternal:\s*true/,
    );
  });
});
