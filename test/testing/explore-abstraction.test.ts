// The explorer merges tickets whose keys are equal (times relative to now, times older than the horizon folded).
// That is sound when equal keys have equal futures. This checks the step that the induction rests on, on real
// policies: explore with exact keys, group the states by their relative key, and for every group compare, letter
// by letter and moment by moment, what each member does next: the same refusal, the same status, the same effects
// shifted by the members' difference in time (or all from long ago), and successors with equal keys again.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, transition, type Effect, type Ticket, type Workflow } from 'ticket-lifecycle';
import { zammad, zendesk } from 'ticket-lifecycle/presets';
import { EXPLORE_EVENT_TYPES } from '../../src/testing/explore/alphabet.js';
import { Explorer } from '../../src/testing/explore/explorer.js';
import { moments } from '../../src/testing/explore/moments.js';
import { policyTimes } from '../../src/testing/explore/policy-times.js';
import { starts, type SearchSettings } from '../../src/testing/explore/search.js';
import { stateKey } from '../../src/testing/explore/state-key.js';

/** The letters to try: every kind by every actor, unless a check narrows them to stay fast at a greater depth. */
interface Alphabet {
  readonly types: SearchSettings['types'];
  readonly actors: SearchSettings['actors'];
}
const EVERY_LETTER: Alphabet = { types: EXPLORE_EVENT_TYPES, actors: ['customer', 'agent', 'system'] };

function settings(workflow: Workflow, mode: 'exact' | 'relative', alphabet: Alphabet): SearchSettings {
  const times = policyTimes(workflow);
  const horizon = Math.max(2 * times.longest, 2 * 86_400_000);
  return {
    depth: 3,
    maxStates: 50_000,
    // No wall-clock budget: the check needs the whole graph to depth, whatever the load (vitest's timeout guards a
    // hang); a budget running out would silently compare fewer states.
    timeLimitMs: Number.POSITIVE_INFINITY,
    ...alphabet,
    deadlines: 2,
    horizon,
    untilAfter: 86_400_000,
    start: Date.UTC(2026, 0, 5, 9),
    times,
    key: stateKey(mode, times, horizon),
  };
}

/** An effect with its times relative to the ticket's now, so members of a group compare. */
function shifted(effects: readonly Effect[], now: number): string {
  return JSON.stringify(effects, (key, value: unknown) =>
    (key === 'at' || key === 'dueAt') && typeof value === 'number' ? value - now : value,
  );
}

function checkGroups(
  workflow: Workflow,
  depth: number,
  alphabet: Alphabet = EVERY_LETTER,
): { groups: number; compared: number } {
  const exact = settings(workflow, 'exact', alphabet);
  const relative = settings(workflow, 'relative', alphabet);
  const explorer = new Explorer(workflow, { ...exact, depth }, starts(workflow));
  for (let s = 0; s < explorer.graph.size && explorer.graph.depth[s]! < depth; s++) explorer.expand(s, null);
  const byKey = new Map<string, Ticket[]>();
  for (const t of explorer.graph.tickets) {
    const k = relative.key(t);
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  let groups = 0;
  let compared = 0;
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    groups++;
    const futures = members.map((ticket) => {
      const lines: string[] = [];
      for (const m of moments(workflow, ticket, relative.deadlines, relative.times.windows, relative.horizon)) {
        for (const letter of explorer.letters) {
          const r = transition(workflow, ticket, letter.event(m.at));
          const what = r.ok ? `${r.ticket.status} ${shifted(r.effects, ticket.updatedAt)}` : r.error.code;
          lines.push(`${m.label} | ${letter.label} | ${what} | ${relative.key(r.ticket)}`);
        }
      }
      return lines;
    });
    for (const other of futures.slice(1)) {
      expect(other).toEqual(futures[0]);
      compared++;
    }
  }
  return { groups, compared };
}

describe('the relative abstraction is sound: equal keys, equal next steps', () => {
  it('zendesk', () => {
    const { compared } = checkGroups(zendesk(), 3);
    expect(compared).toBeGreaterThan(50);
  });

  it('a policy with reopen windows, reminders, pauses and a snooze that restores', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'waiting', category: 'pending' },
        { id: 'snoozed', category: 'snoozed' },
        { id: 'solved', category: 'solved' },
        { id: 'closed', category: 'closed' },
      ],
      replies: [
        { by: 'agent', from: 'open', to: 'waiting' },
        { by: 'customer', from: 'waiting', to: 'open' },
        { by: 'customer', from: 'closed', action: 'reopen', within: 'P2D', otherwise: 'followUp' },
      ],
      timers: [
        { id: 'nudge', in: 'waiting', after: 'P1D', action: 'remind' },
        { id: 'solve', in: 'waiting', after: 'P3D', action: 'move', to: 'solved', reminders: ['P2D'] },
        { id: 'close', in: 'solved', after: 'P1D', action: 'move', to: 'closed', skipWhileCustomerWaits: true },
        { id: 'wake', in: 'snoozed', since: 'until', action: 'move', to: 'open', restorePrevious: true },
      ],
    });
    const { compared } = checkGroups(wf, 2);
    expect(compared).toBeGreaterThan(50);
  });

  it('attribute updates: timers with a when (one repeating), attributesChangedAt folds where no repeat runs', () => {
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'waiting', category: 'pending' },
        { id: 'closed', category: 'closed' },
      ],
      priorities: ['low', 'high'],
      replies: [
        { by: 'agent', from: 'open', to: 'waiting' },
        { by: 'customer', from: 'waiting', to: 'open' },
      ],
      timers: [
        {
          id: 'escalate',
          in: 'open',
          after: 'PT4H',
          action: 'remind',
          repeatEvery: 'PT2H',
          when: { priority: 'high' },
        },
        { id: 'close', in: 'waiting', after: 'P1D', action: 'move', to: 'closed', when: { tags: { none: 'vip' } } },
      ],
    });
    const { compared } = checkGroups(wf, 2);
    expect(compared).toBeGreaterThan(50);
  });

  it('re-entering a status where a repeat runs: anchors a horizon before the stay began fold there too', () => {
    // Close (old agent replies fold), then reopen into the repeat's status: the merged tickets must stay merged.
    const wf = defineWorkflow({
      statuses: [
        { id: 'open', category: 'open' },
        { id: 'closed', category: 'closed' },
      ],
      timers: [{ id: 'nudge', in: 'open', after: 'PT1H', action: 'remind', repeatEvery: 'PT1H' }],
    });
    const { compared } = checkGroups(wf, 3, { types: ['tick', 'reply', 'close', 'reopen'], actors: ['agent'] });
    expect(compared).toBeGreaterThan(10);
  });

  it('zammad: a repeating reminder keeps its anchors exact, and the rest still folds', () => {
    const { compared } = checkGroups(zammad(), 2);
    expect(compared).toBeGreaterThan(10);
  });
});
