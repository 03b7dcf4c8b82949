// `npx tsx examples/xstate-actor.ts`: the XState machine of a policy as a live actor, on a simulated clock.
// A Zendesk ticket is solved and closes by itself four days later; a LiveAgent ticket is postponed and wakes up;
// a ticket is persisted as JSON mid-wait and restored, timer included.
import type { Effect } from 'ticket-lifecycle';
import { liveAgent, zendesk } from 'ticket-lifecycle/presets';
import { createTicketMachine } from 'ticket-lifecycle/xstate';
import { createActor, SimulatedClock } from 'xstate';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.UTC(2026, 0, 5, 9, 0);
const when = (at: number): string => new Date(at).toISOString().replace('T', ' ').slice(0, 16);

// One clock for everything: XState schedules the machine's timers on it, and the machine reads it as `now`.
const clock = new SimulatedClock();
clock.set(start);
const now = (): number => clock.now();

function describeEffect(effect: Effect): string {
  switch (effect.type) {
    case 'statusChanged':
      return `status ${effect.from} → ${effect.to} (${effect.cause})`;
    case 'timerFired':
      return `timer "${effect.timer}" fired, due ${when(effect.dueAt)}`;
    case 'reminderDue':
      return `reminder "${effect.timer}" #${effect.index + 1}`;
    case 'assigned':
      return `assigned to ${effect.to ?? 'nobody'}`;
    default:
      return effect.type;
  }
}

console.log('Zendesk: a solved ticket closes by itself after four days\n');
// The library performs no effect. By default each one is emitted (`actor.on`); a host may also replace an effect's
// action, as here for `reopened` (a real host would notify the assignee).
const zendeskMachine = createTicketMachine(zendesk(), { now }).provide({
  actions: { reopened: (_, effect) => console.log(`  [host] tell ana: ticket reopened by the ${effect.by}`) },
});
const ticket = createActor(zendeskMachine, { clock, input: { at: start } });
ticket.on('*', (effect) => console.log(`  ${when(clock.now())}  ${describeEffect(effect)}`));
ticket.start();
// Events carry their own time; the clock is moved along with them, as the real one would be.
clock.set(start + HOUR);
ticket.send({ type: 'assign', by: 'agent', at: clock.now(), assignee: 'ana' });
clock.set(start + 2 * HOUR);
ticket.send({ type: 'reply', by: 'agent', at: clock.now(), status: 'solved' }); // "Submit as Solved"
clock.set(start + DAY);
ticket.send({ type: 'reply', by: 'customer', at: clock.now() }); // "still broken": Solved reopens to Open
clock.set(start + DAY + HOUR);
ticket.send({ type: 'reply', by: 'agent', at: clock.now(), status: 'solved' });
const solvedAt = clock.now();

clock.set(solvedAt + 4 * DAY - 1);
console.log(`  ${when(clock.now())}  one millisecond before four days: ${ticket.getSnapshot().value}`);
clock.set(solvedAt + 4 * DAY);
const closed = ticket.getSnapshot();
console.log(
  `  ${when(clock.now())}  four days: ${closed.value} (closed by ${closed.context.ticket.closedBy}, ${closed.context.ticket.closeReason})`,
);
ticket.stop();

console.log('\nLiveAgent: a postponed ticket wakes up where it was\n');
const postponed = createActor(createTicketMachine(liveAgent(), { now }), { clock, input: { at: clock.now() } });
postponed.on('statusChanged', (e) => console.log(`  ${when(clock.now())}  ${e.from} → ${e.to} (${e.cause})`));
postponed.start();
postponed.send({ type: 'snooze', by: 'agent', at: clock.now(), until: clock.now() + 3 * DAY });
const wakeAt = postponed.getSnapshot().context.ticket.until!;

// The host persists the actor (e.g. on deploy) and restores it a day later: the wake-up timer survives JSON.
clock.set(clock.now() + DAY);
const stored = JSON.stringify(postponed.getPersistedSnapshot());
postponed.stop();
console.log(`  ${when(clock.now())}  persisted (${stored.length} bytes of JSON) while ${JSON.parse(stored).value}`);
const restored = createActor(createTicketMachine(liveAgent(), { now }), { clock, snapshot: JSON.parse(stored) });
restored.on('statusChanged', (e) => console.log(`  ${when(clock.now())}  ${e.from} → ${e.to} (${e.cause})`));
restored.start();

clock.set(wakeAt - 1);
console.log(`  ${when(clock.now())}  just before the chosen time: ${restored.getSnapshot().value}`);
clock.set(wakeAt);
console.log(
  `  ${when(clock.now())}  at the chosen time: ${restored.getSnapshot().value} (it was New before postponing)`,
);
restored.stop();
