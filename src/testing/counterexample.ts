import type { Effect, TicketEvent, TransitionError, Workflow } from 'ticket-lifecycle';
import type { TimerEffect } from './intent.js';
import type { Scenario } from './laws.js';
import type { Violation } from './run-intents.js';
import { scenarioSteps } from './run-intents.js';

/**
 * One event of a counterexample, as a person reads it: when (an offset from the ticket's creation), what, where the
 * ticket went, the timers that fired inside the step, every effect, the refusal, and — on the step that broke it —
 * the intent's or law's message.
 *
 * @example
 * ```ts
 * import type { CounterexampleStep } from 'ticket-lifecycle/testing';
 * const firedInside = (s: CounterexampleStep): string[] => s.timers.map((t) => t.timer);
 * ```
 */
export interface CounterexampleStep {
  /** Time since the ticket was created: `+4d 00:00:00.001`. */
  readonly offset: string;
  readonly event: TicketEvent;
  readonly from: string;
  readonly to: string;
  readonly timers: readonly TimerEffect[];
  readonly effects: readonly Effect[];
  readonly refusal: TransitionError | null;
  /** What broke at this step, on the step that broke it. */
  readonly violation: string | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `+0`, `+45s`, `+3h 05m`, `+4d 00:00:00.001`: short when round, to the millisecond when not. */
export function formatOffset(ms: number): string {
  if (ms === 0) return '+0';
  const sign = ms < 0 ? '-' : '+';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const milli = rest % 1000;
  if (milli !== 0 || s !== 0)
    return `${sign}${days > 0 ? `${days}d ` : ''}${pad(h)}:${pad(m)}:${pad(s)}.${pad(milli, 3)}`;
  if (days === 0) return h === 0 ? `${sign}${m}m` : `${sign}${h}h ${pad(m)}m`;
  return h === 0 && m === 0 ? `${sign}${days}d` : `${sign}${days}d ${pad(h)}h ${pad(m)}m`;
}

/** An event as words: "agent setStatus (to=pending, until=+2d)". */
function describeEvent(event: TicketEvent, start: number): string {
  const { type, at: _at, ...rest } = event;
  const by = 'by' in rest ? `${rest.by} ` : '';
  const details = Object.entries(rest)
    .filter(([k]) => k !== 'by')
    .map(([k, v]) => `${k}=${k === 'until' && typeof v === 'number' ? formatOffset(v - start) : String(v)}`);
  return `${by}${type}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function describeEffect(effect: Effect, start: number): string {
  switch (effect.type) {
    case 'timerFired':
      return `timer ${effect.timer} ${effect.from} → ${effect.to} (due ${formatOffset(effect.dueAt - start)})`;
    case 'timerBlocked':
      return `timer ${effect.timer} blocked ${effect.from} → ${effect.to} (${effect.code}, due ${formatOffset(effect.dueAt - start)})`;
    case 'reminderDue':
      return `reminder ${effect.timer} (due ${formatOffset(effect.dueAt - start)})`;
    case 'statusChanged':
      return `statusChanged ${effect.from} → ${effect.to}`;
    default:
      return effect.type;
  }
}

/**
 * A scenario replayed step by step, for a report: each step with its offset, the timers that fired inside it, the
 * effects and refusal, and the violation at the step that broke (when known).
 */
export function counterexampleSteps(
  workflow: Workflow,
  scenario: Scenario,
  violation: Violation | null,
): CounterexampleStep[] {
  return scenarioSteps(workflow, scenario).map((step, index) => ({
    offset: formatOffset(step.event.at - scenario.start),
    event: step.event,
    from: step.before.status,
    to: step.after.status,
    timers: step.timers,
    effects: step.effects.filter(
      (e) => e.type !== 'timerFired' && e.type !== 'reminderDue' && e.type !== 'timerBlocked',
    ),
    refusal: step.refusal,
    violation: violation !== null && violation.index === index ? violation.message : null,
  }));
}

/**
 * The same steps as lines, one per event (and one for the creation), each saying where the ticket went and, after
 * `;`, the timers that fired inside the step, the effects, the refusal and the violation.
 */
export function counterexampleLines(scenario: Scenario, steps: readonly CounterexampleStep[]): string[] {
  const width = Math.max(2, ...steps.map((s) => s.offset.length));
  const lines = [
    `${'+0'.padEnd(width)}  ticket created by ${scenario.by}${scenario.channel === undefined ? '' : ` via ${scenario.channel}`}`,
  ];
  for (const step of steps) {
    const parts = [
      `${step.offset.padEnd(width)}  ${describeEvent(step.event, scenario.start)} [${step.from === step.to ? step.to : `${step.from} → ${step.to}`}]`,
    ];
    if (step.timers.length > 0)
      parts.push(`fired inside: ${step.timers.map((t) => describeEffect(t, scenario.start)).join(', ')}`);
    const effects = step.effects
      .filter((e) => e.type !== 'statusChanged')
      .map((e) => describeEffect(e, scenario.start));
    if (effects.length > 0) parts.push(`effects: ${effects.join(', ')}`);
    if (step.refusal !== null) parts.push(`refused: ${step.refusal.code}`);
    if (step.violation !== null) parts.push(`✗ ${step.violation}`);
    lines.push(parts.join('; '));
  }
  return lines;
}
