import type { Effect, TicketEvent } from 'ticket-lifecycle';

/** A time as people read it in a timeline: `2026-01-05 09:00:00Z`. */
export const when = (at: number): string =>
  new Date(at)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.000Z$/, 'Z');

/** An event as a short phrase: "customer reply (status=solved)", "tick". */
export function describeEvent(event: TicketEvent): string {
  const { type, at: _at, ...rest } = event;
  const by = 'by' in rest ? `${rest.by} ` : '';
  const details = Object.entries(rest)
    .filter(([key]) => key !== 'by')
    .map(([key, value]) => `${key}=${key === 'until' && typeof value === 'number' ? when(value) : String(value)}`);
  return `${by}${type}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

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
