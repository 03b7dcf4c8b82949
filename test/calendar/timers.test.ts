// Timers with `calendar` count open time only; on a 24/7 calendar they behave exactly as plain timers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  createTicket,
  defineWorkflow,
  evaluateAutoClose,
  nextDeadline,
  transition,
  validateWorkflow,
  type TimerConfig,
  type Workflow,
  type WorkflowConfig,
} from 'ticket-lifecycle';
import { ARBITRARY_GUARDS, arbitraryEvents, arbitraryWorkflowConfig } from 'ticket-lifecycle/testing';

const officeDay = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
] as const;
const support = defineWorkflow({
  statuses: [
    { id: 'open', category: 'open' },
    { id: 'solved', category: 'solved' },
    { id: 'closed', category: 'closed' },
  ],
  calendars: {
    rome: {
      timeZone: 'Europe/Rome',
      week: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
      holidays: ['2026-04-06'],
    },
  },
  timers: [
    { id: 'nudge', in: 'open', after: 'PT4H', action: 'remind', repeatEvery: 'PT4H', calendar: 'rome' },
    {
      id: 'auto-close',
      in: 'solved',
      after: 'P3D',
      action: 'move',
      to: 'closed',
      reminders: ['P2D'],
      calendar: 'rome',
    },
  ],
});
const at = (iso: string): number => Date.parse(iso);

describe('a calendar timer', () => {
  it('closes 3 business days after solving, across the Easter Monday holiday', () => {
    // Solved Friday 2026-04-03 15:00 in Rome (13:00Z); Monday 6 April is a holiday: Thursday 9 April 15:00.
    let ticket = createTicket(support, { at: at('2026-04-01T08:00:00Z') });
    const solved = transition(support, ticket, { type: 'resolve', by: 'agent', at: at('2026-04-03T13:00:00Z') });
    if (!solved.ok) throw new Error(solved.error.message);
    ticket = solved.ticket;
    expect(new Date(nextDeadline(support, ticket)!).toISOString()).toBe('2026-04-08T13:00:00.000Z'); // the reminder, 2 business days
    const evaluation = evaluateAutoClose(support, ticket, at('2026-04-20T00:00:00Z'));
    expect(evaluation.due.map((d) => [d.timer, d.kind, new Date(d.dueAt).toISOString()])).toEqual([
      ['auto-close', 'reminder', '2026-04-08T13:00:00.000Z'],
      ['auto-close', 'move', '2026-04-09T13:00:00.000Z'],
    ]);
    expect(evaluation.status).toBe('closed');
  });

  it('repeats every 4 open hours, and a late sweep fires the latest repetition once, at its business-time moment', () => {
    const created = at('2026-03-02T08:00:00Z'); // Monday 09:00 in Rome
    const ticket = createTicket(support, { at: created });
    expect(nextDeadline(support, ticket)).toBe(addBusinessTime(support, 'rome', created, 'PT4H'));
    // By Wednesday 12:00 (11:00Z) 8 + 8 + 3 = 19 open hours have passed: repetitions at 4, 8, 12 and 16 h are due.
    const swept = transition(support, ticket, { type: 'tick', at: at('2026-03-04T11:00:00Z') });
    expect(swept.ok && swept.effects).toEqual([
      { type: 'reminderDue', timer: 'nudge', dueAt: at('2026-03-03T17:00:00Z'), status: 'open', index: 3 },
    ]);
    if (!swept.ok) return;
    expect(nextDeadline(support, swept.ticket)).toBe(at('2026-03-04T12:00:00Z')); // Wednesday 13:00, the end of the morning
  });
});

describe('on a 24/7 calendar every timer behaves exactly as without one', () => {
  const always = {
    timeZone: 'America/Sao_Paulo',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  };
  const compile = (config: WorkflowConfig): Workflow => {
    const result = validateWorkflow(config, { guards: ARBITRARY_GUARDS });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.workflow;
  };
  it('same tickets and effects for the same events', () => {
    const pairs = arbitraryWorkflowConfig().chain((config) => {
      const plain = compile({
        ...config,
        timers: (config.timers ?? []).map(({ calendar: _, ...t }) => t as TimerConfig),
        ...(config.sla !== undefined && { sla: config.sla.map(({ calendar: _, ...p }) => p) }),
        calendars: {},
      });
      const onCalendar = compile({
        ...config,
        timers: (config.timers ?? []).map((t) => ({ ...t, calendar: 'always' })),
        // SLA clocks too: the kit's random policies carry SLA policies, some on calendars.
        ...(config.sla !== undefined && { sla: config.sla.map((p) => ({ ...p, calendar: 'always' })) }),
        calendars: { always },
      });
      return arbitraryEvents(plain, { maxLength: 25, start: Date.UTC(2018, 9, 1) }).map((events) => ({
        plain,
        onCalendar,
        events,
      }));
    });
    fc.assert(
      fc.property(pairs, ({ plain, onCalendar, events }) => {
        let a = createTicket(plain, { at: Date.UTC(2018, 9, 1) });
        let b = createTicket(onCalendar, { at: Date.UTC(2018, 9, 1) });
        for (const event of events) {
          const ra = transition(plain, a, event);
          const rb = transition(onCalendar, b, event);
          expect(rb).toEqual(ra);
          if (ra.ok) a = ra.ticket;
          if (rb.ok) b = rb.ticket;
          expect(nextDeadline(onCalendar, b)).toBe(nextDeadline(plain, a));
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
