// A policy derived from a preset's `config` names the preset's guards and must pass their code: the presets export it
// (`zendeskGuards`, `helpScoutGuards`). Before round 12 nothing did, and bench/cases/calendar.ts copied Zendesk's guard.
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type GuardPredicate, validateWorkflow, type Workflow } from 'ticket-lifecycle';
import {
  chatwoot,
  freshdesk,
  helpScout,
  helpScoutGuards,
  jiraServiceManagement,
  liveAgent,
  osTicket,
  tawkTo,
  zammad,
  zendesk,
  zendeskGuards,
} from 'ticket-lifecycle/presets';
import { DAY, HOUR, refusal, run, T0 } from './helpers.js';

/** Every guard name a policy's rules use, wherever a rule sits (`guards: 'x'` or `guards: ['x', 'y']`). */
function guardNames(config: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(config)) for (const item of config) guardNames(item, into);
  else if (typeof config === 'object' && config !== null) {
    for (const [key, value] of Object.entries(config)) {
      if (key === 'guards') for (const name of [value].flat()) into.add(name as string);
      else guardNames(value, into);
    }
  }
  return into;
}

const PRESETS: readonly [string, Workflow, Readonly<Record<string, GuardPredicate>>][] = [
  ['zendesk', zendesk(), zendeskGuards],
  ['helpScout', helpScout(), helpScoutGuards],
  ['freshdesk', freshdesk(), Object.freeze({})],
  ['zammad', zammad(), Object.freeze({})],
  ['chatwoot', chatwoot(), Object.freeze({})],
  ['osTicket', osTicket(), Object.freeze({})],
  ['liveAgent', liveAgent(), Object.freeze({})],
  ['tawkTo', tawkTo(), Object.freeze({})],
  ['jiraServiceManagement', jiraServiceManagement(), Object.freeze({})],
];

describe('preset guards, exported for policies derived from a preset', () => {
  it.each(PRESETS)(
    '%s: the export names exactly the guards its rules use, and its config compiles with them',
    (_, wf, guards) => {
      expect(Object.keys(guards).sort()).toEqual([...guardNames(wf.config)].sort());
      expect(validateWorkflow(wf.config, { guards }).ok).toBe(true);
      expect(Object.isFrozen(guards)).toBe(true); // a shared object: no user may swap a preset's guard for everyone
    },
  );

  it('a derived Zendesk policy cannot be built without them, and with them keeps the Closed-ticket rule', () => {
    const base = zendesk();
    const derived = { ...base.config, timers: base.config.timers?.map((t) => ({ ...t, after: 'P7D' as const })) };
    expect(() => defineWorkflow(derived)).toThrow(/tagsAndPriorityOnly/);
    const wf = defineWorkflow(derived, { guards: zendeskGuards });
    const closed = run(
      wf,
      [
        { type: 'assign', by: 'agent', at: T0 + HOUR, assignee: 'ana' },
        { type: 'resolve', by: 'agent', at: T0 + 2 * HOUR },
        { type: 'tick', at: T0 + 2 * HOUR + 8 * DAY },
      ],
      { at: T0, group: 'tier-1' },
    ).ticket;
    expect(closed.status).toBe('closed');
    const later = T0 + 10 * DAY;
    expect(refusal(wf, closed, { type: 'update', by: 'agent', at: later, group: 'tier-2' }).code).toBe('guardRejected');
    expect(run(wf, [{ type: 'update', by: 'agent', at: later, tags: ['refund'] }], closed).ticket.tags).toEqual([
      'refund',
    ]);
  });

  it('a derived Help Scout policy keeps "a snooze needs a time"', () => {
    const base = helpScout();
    const derived = {
      ...base.config,
      snooze: { by: 'agent', from: ['active', 'pending'], guards: 'snoozedUntilGiven' } as const,
    };
    expect(() => defineWorkflow(derived)).toThrow(/snoozedUntilGiven/);
    const wf = defineWorkflow(derived, { guards: helpScoutGuards });
    const active = run(wf, [{ type: 'reply', by: 'customer', at: T0 }], { at: T0 }).ticket;
    expect(active.status).toBe('active');
    expect(refusal(wf, active, { type: 'snooze', by: 'agent', at: T0 + HOUR }).code).toBe('guardRejected');
    expect(run(wf, [{ type: 'snooze', by: 'agent', at: T0 + HOUR, until: T0 + DAY }], active).ticket.status).toBe(
      'snoozed',
    );
    expect(refusal(wf, active, { type: 'snooze', by: 'system', at: T0 + HOUR, until: T0 + DAY }).code).toBe(
      'snoozeNotAllowed',
    );
  });
});
