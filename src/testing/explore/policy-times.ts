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
  /**
   * The statuses where a repeating reminder runs. Only there does a repeat's phase reach back into old times:
   * entering any status starts its timers from the entry at the earliest, so an old anchor is then past and the
   * floor (fresh) decides.
   */
  readonly phaseStatuses: ReadonlySet<string>;
}

const DAY = 86_400_000;

/** A policy field that takes one value or a list of them, as a list. */
export const list = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

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
  const phaseStatuses = new Set<string>();
  for (const timer of config.timers ?? []) {
    longest = Math.max(longest, ms(timer.after));
    if (timer.calendar !== undefined) calendars = true;
    if (timer.action === 'move') for (const r of timer.reminders ?? []) longest = Math.max(longest, ms(r));
    if (timer.action === 'remind' && timer.repeatEvery !== undefined) {
      longest = Math.max(longest, ms(timer.repeatEvery));
      phaseAnchors ??= new Set<TimerAnchor>(['statusEntered', 'lastAgentMessage']);
      for (const anchor of list(timer.since ?? 'statusEntered')) phaseAnchors.add(anchor);
      const ids = new Set<string>(list(timer.in));
      const categories = new Set<string>(list(timer.inCategory));
      for (const s of workflow.statuses) if (ids.has(s.id) || categories.has(s.category)) phaseStatuses.add(s.id);
    }
  }
  for (const rule of config.replies ?? []) {
    if (rule.within === undefined) continue;
    const within = ms(rule.within);
    longest = Math.max(longest, within);
    if (!windows.includes(within)) windows.push(within);
  }
  return { longest, windows, calendars, phaseAnchors, phaseStatuses };
}
