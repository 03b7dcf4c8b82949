import { join, type Reader } from './reader.js';
import type { CompiledTimer } from './workflow.js';

const SETTABLE = ['assignee', 'group', 'priority'] as const;

/**
 * Refuses two repeating reminders of one status that `set` the same attribute to different values: each
 * repetition would undo the other's change, so the ticket would flip back and forth for as long as it stays, one
 * `updated` effect per flip, and catching up after an outage would cost a step per flip. Without such a pair,
 * reminders change a ticket's attributes a bounded number of times per stay, whatever the outage (a one-shot
 * reminder fires once; a repeating one keeps setting the same value). One pass over each status's timers.
 */
export function reportSetConflicts(reader: Reader, byStatus: ReadonlyMap<string, readonly CompiledTimer[]>): void {
  const reported = new Set<number>();
  for (const [status, timers] of byStatus) {
    const first = new Map<string, CompiledTimer>();
    for (const timer of timers) {
      if (timer.action !== 'remind' || timer.repeatEvery === null || timer.set === null) continue;
      for (const key of SETTABLE) {
        const value = timer.set[key];
        if (value === undefined) continue;
        const other = first.get(key);
        if (other === undefined) first.set(key, timer);
        else if (other.set![key] !== value && !reported.has(timer.order)) {
          reported.add(timer.order);
          reader.report(
            join(join('timers', timer.order), 'set'),
            'conflictingSet',
            `in "${status}", repeating reminders "${other.id}" and "${timer.id}" set ${key} to different values: ` +
              'each would undo the other forever (make one of them fire once)',
          );
        }
      }
    }
  }
}
