import { parseDuration, type TimerAnchor, type Workflow } from 'ticket-lifecycle';

/** What the explorer reads from a policy's own durations, through its public `config` only. */
export interface PolicyTimes {
  /** The longest duration the policy names (timer delays, reminders, repeats, reopen windows), in ms. */
  readonly longest: number;
  /** Reopen windows (`within` of reply rules), in ms: their ends are moments worth trying, like deadlines. */
  readonly windows: readonly number[];
  /** Some timer counts business hours: the engine is then not invariant under a shift of time. */
  readonly calendars: boolean;
  /**
   * The anchors of repeating reminders (plus `statusEntered`, their floor): a repeat's phase depends on their
   * exact value however old, so these are never folded into "long ago" (see state-key.ts).
   */
  readonly phaseAnchors: ReadonlySet<TimerAnchor> | null;
}

const DAY = 86_400_000;

function ms(value: unknown): number {
  return parseDuration(value) ?? 0;
}

/** Reads the durations of a policy; linear in its size. */
export function policyTimes(workflow: Workflow): PolicyTimes {
  const { config } = workflow;
  let longest = DAY;
  const windows: number[] = [];
  let calendars = false;
  let phaseAnchors: Set<TimerAnchor> | null = null;
  for (const timer of config.timers ?? []) {
    longest = Math.max(longest, ms(timer.after));
    if (timer.calendar !== undefined) calendars = true;
    if (timer.action === 'move') for (const r of timer.reminders ?? []) longest = Math.max(longest, ms(r));
    if (timer.action === 'remind' && timer.repeatEvery !== undefined) {
      longest = Math.max(longest, ms(timer.repeatEvery));
      phaseAnchors ??= new Set<TimerAnchor>(['statusEntered', 'lastAgentMessage']);
      const since = timer.since ?? 'statusEntered';
      for (const anchor of Array.isArray(since) ? since : [since]) phaseAnchors.add(anchor as TimerAnchor);
    }
  }
  for (const rule of config.replies ?? []) {
    if (rule.within === undefined) continue;
    const within = ms(rule.within);
    longest = Math.max(longest, within);
    if (!windows.includes(within)) windows.push(within);
  }
  return { longest, windows, calendars, phaseAnchors };
}
