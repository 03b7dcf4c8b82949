import { describe, expect, it } from 'vitest';
import { ACTORS, defineWorkflow, type Workflow, type WorkflowConfig } from 'ticket-lifecycle';
import * as presets from 'ticket-lifecycle/presets';
import { mermaidIds } from '../../src/diagram/mermaid-text.js';
import { movesOf } from '../../src/policy/moves.js';
import { toMermaid } from 'ticket-lifecycle';

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The transitions of a diagram, read back from its text. */
function edgesOf(text: string): Edge[] {
  return [...text.matchAll(/^ {2}(\S+) --> (\S+)(?: : (.*))?$/gm)].map(([, from, to, label]) => ({
    from: from!,
    to: to!,
    label: label ?? '',
  }));
}

/** State id → its description, read back from `state "…" as id` lines. */
function statesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^ {2}state "(.*)" as (\S+)$/gm)].map(([, label, id]) => [id!, label!]));
}

const allPresets = Object.entries(presets)
  .filter(([, make]) => typeof make === 'function')
  .map(([name, make]) => [name, (make as () => Workflow)()] as const);

describe('toMermaid on every preset', () => {
  it.each(allPresets)('%s: every status, reply, assignment, timer and merge appears', (_name, wf) => {
    const text = toMermaid(wf);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    const states = statesOf(text);
    const edges = edgesOf(text);
    const has = (from: string, to: string, ...words: string[]): boolean =>
      edges.some((e) => e.from === from && e.to === to && words.every((w) => e.label.includes(w)));

    const statusStates = [...states].filter(([, label]) => !label.startsWith('set status by '));
    expect(statusStates.map(([id]) => id)).toEqual(wf.statuses.map((s) => s.id));
    for (const s of wf.statuses) expect(states.get(s.id)).toContain(s.labels.agent);
    expect(has('[*]', wf.initial)).toBe(true);

    for (const { id } of wf.statuses) {
      const status = wf.compiled.byId.get(id)!;
      for (const actor of ACTORS) {
        const reply = status.replies[actor];
        if ((reply.action === 'move' || reply.action === 'reopen') && reply.to !== null && reply.to !== id) {
          expect(has(id, reply.to, actor, 'reply'), `${actor} reply ${id} → ${reply.to}`).toBe(true);
        } else if (
          reply.action === 'followUp' ||
          reply.action === 'reject' ||
          (reply.action === 'stay' && reply.rule >= 0)
        ) {
          expect(has(id, id, actor, 'reply'), `${actor} reply loop on ${id}`).toBe(true);
        }
      }
      if (status.assignTo !== null) expect(has(id, status.assignTo, 'assign')).toBe(true);
      // A merge closes the source ticket: the moves table's merge moves are drawn like close moves.
      for (const move of movesOf(wf).byStatus.get(id)!.moves)
        if (move.event === 'merge') expect(has(id, move.to[0]!, 'merge by'), `merge from ${id}`).toBe(true);
      for (const timer of status.timers) {
        if (timer.action === 'move') expect(has(id, timer.to!, '⏱', timer.id), `timer ${timer.id} in ${id}`).toBe(true);
        else expect(text).toMatch(new RegExp(`note right of ${id}\\n(?: {4}.*\\n)*? {4}⏱ .*${timer.id}`));
      }
    }
    for (const category of new Set(wf.statuses.map((s) => s.category))) {
      expect(text).toContain(`  classDef ${category} `);
      const members = wf.statuses.filter((s) => s.category === category).map((s) => s.id);
      expect(text).toContain(`  class ${members.join(',')} ${category}\n`);
    }
  });
});

describe('toMermaid labels', () => {
  const config: WorkflowConfig = {
    name: 'Demo',
    statuses: [
      { id: 'new', category: 'new', labels: { agent: 'New' } },
      { id: 'open', category: 'open', labels: { agent: 'Open "now"; please', customer: 'In progress' } },
      { id: 'waiting', category: 'pending' },
      { id: 'snoozed', category: 'snoozed' },
      { id: 'solved', category: 'solved' },
      { id: 'closed', category: 'closed' },
    ],
    initialByChannel: { chat: 'open' },
    replies: [
      { by: 'agent', fromCategory: ['new', 'open'], to: 'waiting' },
      { by: 'customer', from: 'new', action: 'stay' },
      { by: ['customer', 'agent'], from: 'waiting', to: 'open' },
      { by: 'customer', from: 'solved', action: 'reopen', within: 'PT48H', otherwise: 'followUp' },
      { by: 'customer', from: 'closed', action: 'followUp' },
      { by: ['agent', 'system'], from: 'closed', action: 'reject' },
    ],
    assignments: [{ from: 'new', to: 'open' }],
    statusChanges: [{ by: 'agent', fromCategory: ['new', 'open'], to: ['waiting', 'solved'] }],
    resolve: { by: 'agent', requireAssignee: true, guards: 'checklistDone' },
    close: [
      { by: ['customer', 'system'], fromCategory: 'solved' },
      { by: 'agent', from: 'waiting', notWhileCustomerWaits: true, forceBy: 'agent' },
    ],
    timers: [
      { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open', restorePrevious: ['new'] },
      { id: 'nudge', in: 'waiting', after: 'P5D', action: 'remind', repeatEvery: 'P1D' },
      {
        id: 'auto-solve',
        in: 'waiting',
        since: ['statusEntered', 'lastAgentMessage'],
        after: 604_800_000,
        skipWhileCustomerWaits: true,
        action: 'move',
        to: 'solved',
      },
      { id: 'auto-close', in: 'solved', after: 'PT96H', action: 'move', to: 'closed', reminders: ['P3D'] },
    ],
  };
  const wf = defineWorkflow(config, { guards: { checklistDone: () => true } });
  const text = toMermaid(wf);
  const lines = text.split('\n');
  // Parallel moves share one arrow with their labels joined by ' | ': one line per move they stand for.
  const moves = edgesOf(text).flatMap((e) =>
    e.label === ''
      ? [`  ${e.from} --> ${e.to}`]
      : e.label.split(' | ').map((part) => `  ${e.from} --> ${e.to} : ${part}`),
  );

  it('starts at the initial status and at each channel start', () => {
    expect(lines).toContain('  [*] --> new');
    expect(lines).toContain('  [*] --> open : chat');
    expect(lines).toContain('  accTitle: Demo ticket lifecycle');
  });

  it('labels states with agent and customer labels, escaped for Mermaid', () => {
    expect(lines).toContain('  state "Open #quot;now#quot;#59; please (customer sees: In progress)" as open');
  });

  it('labels replies by actor, with reopen windows, loops for stay, follow-up and reject', () => {
    expect(moves).toEqual(
      expect.arrayContaining([
        '  new --> waiting : agent reply',
        '  new --> new : customer reply (stays)',
        '  waiting --> open : customer, agent reply',
        '  solved --> open : customer reply within PT48H (reopen)',
        '  solved --> solved : customer reply after PT48H (follow-up)',
        '  closed --> closed : customer reply (follow-up)',
        '  closed --> closed : agent, system reply (rejected)',
        '  snoozed --> open : customer reply',
      ]),
    );
  });

  it('labels assignments, and timers by duration as written (milliseconds formatted back to ISO)', () => {
    expect(moves).toEqual(
      expect.arrayContaining([
        '  new --> open : assign',
        '  snoozed --> open : ⏱ until wake',
        '  snoozed --> new : ⏱ until wake (if snoozed from there)',
        '  waiting --> solved : ⏱ P7D auto-solve (since entry / agent message, paused while the customer waits)',
        '  solved --> closed : ⏱ PT96H auto-close',
      ]),
    );
    expect(text).toContain('  note right of waiting\n    ⏱ P5D nudge: reminder, then every P1D\n  end note');
    expect(text).toContain('  note right of solved\n    ⏱ P3D reminder before auto-close\n  end note');
  });

  it('labels resolve, close, snooze and reopen with who may, conditions and guard names', () => {
    expect(moves).toEqual(
      expect.arrayContaining([
        '  open --> solved : resolve by agent [requireAssignee, checklistDone]',
        '  waiting --> closed : close by agent [notWhileCustomerWaits] (force: agent)',
        '  solved --> closed : close by customer, system',
        '  open --> snoozed : snooze by agent, system',
        '  closed --> open : reopen by agent, system',
      ]),
    );
  });

  it('draws merge like close: without merge rules of its own, a merge passes the close rules', () => {
    expect(moves).toEqual(
      expect.arrayContaining([
        '  waiting --> closed : merge by agent [notWhileCustomerWaits] (force: agent)',
        '  solved --> closed : merge by customer, system',
      ]),
    );
    expect(moves.filter((line) => line.includes(': merge '))).toHaveLength(2);
  });

  it('draws one arrow per source and target, with the labels of every move it stands for', () => {
    const pairs = edgesOf(text).map((e) => `${e.from} ${e.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(lines).toContain('  closed --> closed : customer reply (follow-up) | agent, system reply (rejected)');
    expect(lines).toContain(
      '  solved --> closed : ⏱ PT96H auto-close | close by customer, system | merge by customer, system',
    );
  });

  it('draws each statusChanges rule as a hub with an edge to every status it lets someone enter', () => {
    expect(lines).toContain('  state "set status by agent from new, open" as s_set_status_0');
    expect(
      edgesOf(text)
        .filter((e) => e.from === 's_set_status_0')
        .map((e) => e.to),
    ).toEqual(['waiting', 'solved']);
    expect(lines).toContain('  class s_set_status_0 statusChange');
  });

  it('is deterministic', () => {
    expect(toMermaid(wf)).toBe(text);
  });
});

describe('statusChanges hubs', () => {
  const statuses = [
    { id: 'open', category: 'open' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ] as const;

  it('draws the default as agents and the system setting any status they may enter', () => {
    const text = toMermaid(defineWorkflow({ statuses: [...statuses], close: { by: 'system', from: 'solved' } }));
    expect(text).toContain('  state "set status by agent, system from any status" as s_set_status_0');
    expect(
      edgesOf(text)
        .filter((e) => e.from === 's_set_status_0')
        .map((e) => e.to),
    ).toEqual(['open', 'solved', 'closed']);
  });

  it('leaves out targets that the action rules refuse, and hubs with no target', () => {
    const wf = defineWorkflow({
      statuses: [...statuses],
      statusChanges: [
        { by: 'customer', to: 'closed' },
        { by: 'agent', from: 'open', to: ['solved', 'closed'] },
      ],
      close: { by: 'system', from: 'solved' },
    });
    const text = toMermaid(wf);
    expect(text).not.toContain('set status by customer');
    expect(
      edgesOf(text)
        .filter((e) => e.from.startsWith('s_set_status'))
        .map((e) => `${e.from} ${e.to}`),
    ).toEqual(['s_set_status_1 solved']);
  });
});

describe('Mermaid-safe state ids', () => {
  it('keeps plain ids and aliases ids with -, ., :, a leading digit or a keyword', () => {
    const ids = mermaidIds(['open', 'in-progress', 'v1.waiting', 'team:ops', 'end', 'State', '9lives', 'a_b']);
    expect([...ids.values()]).toEqual([
      'open',
      's_in_progress',
      's_v1_waiting',
      's_team_ops',
      's_end',
      's_State',
      's_9lives',
      'a_b',
    ]);
  });

  it('never gives two statuses the same id', () => {
    const ids = mermaidIds(['a-b', 'a.b', 's_a_b', 'a:b']);
    expect(new Set(ids.values()).size).toBe(4);
    expect(ids.get('s_a_b')).toBe('s_a_b');
  });

  it('uses the aliases in every line of the diagram', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'in-progress', category: 'open' },
        { id: 'end', category: 'closed' },
      ],
      replies: [{ by: 'customer', from: 'end', to: 'in-progress' }],
    });
    const text = toMermaid(wf);
    expect(text).toContain('  state "in-progress" as s_in_progress');
    expect(text).toContain('  s_end --> s_in_progress : customer reply');
    expect(text).toContain('  class s_end closed');
    expect(text).not.toMatch(/(?:-->|as|of|class) (?:in-progress|end)\b/);
  });
});
