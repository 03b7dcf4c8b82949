import { addBusinessTime, validateWorkflow, type CalendarConfig, type Workflow } from 'ticket-lifecycle';
import { helpScoutGuards, zendeskGuards } from 'ticket-lifecycle/presets';
import { historiesFor, replay } from './transition-throughput.js';
import { countEvents } from '../fixtures/lifecycles.js';
import { presetNamed } from '../fixtures/presets.js';
import { formatDuration, formatRate } from '../support/format.js';
import { measure, sink } from '../support/measure.js';
import { createRng } from '../support/rng.js';
import type { BenchCase } from '../support/report.js';

const CALLS = 1_000_000;
const BUDGET_MS = 2_000;
const HOUR = 3_600_000;
const officeDay = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
] as const;
/** Office hours with a lunch break in a zone with DST, and a few holidays: 8 open hours a business day. */
const ROME: CalendarConfig = {
  timeZone: 'Europe/Rome',
  week: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
  holidays: ['2026-01-06', '2026-04-06', '2026-05-01', '2026-06-02', '2026-08-15', '2026-12-25', '2026-12-26'],
};

/** A preset whose every timer counts the office calendar's open time instead of plain time. */
function onCalendar(preset: Workflow): Workflow {
  const config = {
    ...preset.config,
    calendars: { office: ROME },
    timers: (preset.config.timers ?? []).map((t) => ({ ...t, calendar: 'office' })),
  };
  // A policy derived from a preset's config passes the preset's named guards: the presets export them.
  const result = validateWorkflow(config, { guards: { ...zendeskGuards, ...helpScoutGuards } });
  if (!result.ok) throw new Error(`bench: ${JSON.stringify(result.issues)}`);
  return result.workflow;
}

/**
 * Issue 13: 1 M `addBusinessTime` calls with durations up to 5 business days (40 open hours) take under 2 s, and
 * `transition` on a policy whose timers count business time still applies ≥ 1 M events/s.
 */
export const calendarCase: BenchCase = {
  name: 'calendar',
  subjects: () => ['addBusinessTime', 'transition zendesk on a calendar'],
  async run(subject) {
    if (subject === 'addBusinessTime') {
      const workflow = onCalendar(presetNamed('zendesk'));
      const rng = createRng(13);
      // Starts anywhere in 2026 (both DST changes), durations from a minute to 5 business days.
      const starts = Float64Array.from(
        { length: CALLS },
        () => Date.UTC(2026, 0, 1) + rng.int(0, 364 * 24 * 60) * 60_000 + rng.int(0, 59_999),
      );
      const durations = Float64Array.from({ length: CALLS }, () => rng.int(60_000, 40 * HOUR));
      const ns = measure(
        [
          {
            name: subject,
            opsPerCall: CALLS,
            fn: () => {
              let sum = 0;
              for (let i = 0; i < CALLS; i++) sum += addBusinessTime(workflow, 'office', starts[i]!, durations[i]!)!;
              sink.value ^= sum;
            },
          },
        ],
        { minSamples: 3 },
      ).get(subject)!;
      const totalMs = (ns * CALLS) / 1e6;
      return [
        {
          case: '1 M addBusinessTime (≤ 5 business days)',
          subject: 'Europe/Rome office hours',
          ours: `${totalMs.toFixed(0)} ms (${formatDuration(ns)}/call)`,
          reference: '',
          ratio: '',
          target: `< ${BUDGET_MS} ms`,
          verdict: totalMs < BUDGET_MS ? 'PASS' : 'MISS',
        },
      ];
    }
    // The same histories through the same preset with plain timers, measured side by side: the price of calendars.
    const plain = presetNamed('zendesk');
    const workflow = onCalendar(plain);
    const histories = historiesFor(workflow);
    const events = countEvents(histories);
    const ns = measure([
      { name: 'calendar', fn: () => replay(workflow, histories), opsPerCall: events },
      { name: 'plain', fn: () => replay(plain, histories), opsPerCall: events },
    ]);
    const ours = ns.get('calendar')!;
    const reference = ns.get('plain')!;
    return [
      {
        case: 'transition, events/s, calendar timers',
        subject: 'zendesk, timers on office hours',
        ours: `${formatRate(ours)} (${formatDuration(ours)}/event)`,
        reference: `${formatRate(reference)} plain timers`,
        ratio: `${(ours / reference).toFixed(2)}×`,
        target: '≥ 1 M/s',
        verdict: 1e9 / ours >= 1_000_000 ? 'PASS' : 'MISS',
      },
    ];
  },
};
