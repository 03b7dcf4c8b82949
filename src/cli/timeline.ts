import type { Effect, TicketEvent } from 'ticket-lifecycle';

/**
 * A time as people read it in a timeline: `2026-01-05 09:00:00Z`. A number no Date holds (an events file's
 * `"at": 1e20`, refused by the engine with `invalidTime`) prints as itself: toISOString would throw.
 */
export const when = (at: number): string =>
  Number.isNaN(new Date(at).getTime())
    ? String(at)
    : new Date(at)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.000Z$/, 'Z');

/** An event as a short phrase: "customer reply (status=solved)", "tick". */
export function describeEvent(event: TicketEvent): string {
  const { type, at: _at, ...rest } = event;
  const by = 'by' in rest ? `${rest.by} ` : '';
  const details = Object.entries(rest)
    .filter(([key]) => key !== 'by')
    .map(([key, value]) => `${key}=${key === 'until' && typeof value === 'number' ? when(value) : shown(value)}`);
  return `${by}${type}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** A field as written in the events file: `to={"x":1}`, not `to=[object Object]`. */
const shown = (value: unknown): string =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

/** An effect as what the host should do. Unknown effect types (added by newer versions) print as their JSON. */
export function describeEffect(effect: Effect): string {
  switch (effect.type) {
    case 'statusChanged':
      return `status ${effect.from} → ${effect.to} (${effect.cause})`;
    case 'reopened':
      return `reopened by the ${effect.by}`;
    case 'followUpRequested':
      return 'open a follow-up ticket linked to this one';
    case 'replyRejected':
      return `reply rejected (${effect.reason})`;
    case 'replyNeedsAttention':
      return `customer wrote on a ${effect.status} ticket: notify someone`;
    case 'reminderDue':
      return `reminder ${effect.timer} #${effect.index + 1} (due ${when(effect.dueAt)})`;
    case 'timerFired':
      return `timer ${effect.timer} fired (due ${when(effect.dueAt)}): ${effect.from} → ${effect.to}`;
    case 'assigned':
      return `assigned to ${effect.to ?? 'nobody'}${effect.cause === 'solver' ? ' (the agent who solved it)' : ''}`;
    default:
      return JSON.stringify(effect);
  }
}
