import type { CalendarConfig, Duration, WorkflowConfig } from 'ticket-lifecycle';
import type { PresetOptions } from './options.js';

/** The id the `businessHours` option's calendar takes in the policy (the SLA option's is `business`). */
export const AUTOMATIONS = 'automations';

/**
 * A preset's `businessHours` option: the calendar its timers count in ("hours since …" in business hours). Checked as
 * an object here, as a calendar by `defineWorkflow` (path `calendars.automations`).
 */
export interface BusinessHours {
  readonly calendar: CalendarConfig | undefined;
  /** The policy's `calendars` to spread in it: the SLA option's (if any) and this one; `{}` without either. */
  calendars(sla: WorkflowConfig['calendars']): Pick<WorkflowConfig, 'calendars'>;
  /**
   * A timer's `after` and `calendar`: in plain time the checked milliseconds; on the calendar the duration as
   * written, for a day there is one business day's worth of open time, not 24 hours (docs/calendars.md).
   */
  after(ms: number, written: Duration | undefined, fallback: Duration): { after: Duration; calendar?: string };
}

export function readBusinessHours(read: PresetOptions): BusinessHours {
  const calendar = read.record('businessHours') as CalendarConfig | undefined;
  return {
    calendar,
    calendars: (sla) =>
      calendar === undefined
        ? sla === undefined
          ? {}
          : { calendars: sla }
        : { calendars: { ...sla, [AUTOMATIONS]: calendar } },
    after: (ms, written, fallback) =>
      calendar === undefined ? { after: ms } : { after: written ?? fallback, calendar: AUTOMATIONS },
  };
}
