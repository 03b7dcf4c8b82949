// The two background loops of a helpdesk backend: a sweeper that applies due timers, and an outbox consumer that
// delivers effects (here: prints the mails it would send). Run as many of each as you like, on any machine.
import type { Effect } from 'ticket-lifecycle';
import type { OutboxEffect, PostgresStore } from 'ticket-lifecycle/postgres';

export interface Loop {
  stop(): Promise<void>;
}

function every(ms: number, work: () => Promise<unknown>): Loop {
  let running = true;
  const done = (async () => {
    while (running) {
      try {
        await work();
      } catch (error) {
        console.error('worker:', error); // a lost connection: the next round retries, nothing was half-written
      }
      if (running) await new Promise((resolve) => setTimeout(resolve, ms));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export function sweeperLoop(store: PostgresStore, intervalMs = 1_000): Loop {
  return every(intervalMs, () => store.sweep({ batchSize: 500 }));
}

/** The mail a helpdesk would send for an effect, or null when the effect needs no mail. */
export function mailFor(item: OutboxEffect): string | null {
  const effect: Effect = item.effect;
  switch (effect.type) {
    case 'reminderDue':
      return `to customer of #${item.ticketId}: we are still waiting for your answer`;
    case 'timerFired':
      return `to customer of #${item.ticketId}: your ticket is now ${effect.to}`;
    case 'followUpRequested':
      return `to customer of #${item.ticketId}: your message opened ticket #${item.relatedTicketId ?? '?'}`;
    case 'reopened':
      return `to assignee of #${item.ticketId}: the customer reopened it`;
    default:
      return null;
  }
}

/** The outbox consumer: a loop, and how many delivered effects it still remembers (not yet completed). */
export interface OutboxLoop extends Loop {
  inFlight(): number;
}

/** How long a claimed effect stays leased to this consumer before another may take it. */
const LEASE_MS = 30_000;

/**
 * The outbox consumer. `forgetAfterMs`: how long it remembers an effect it delivered but could not complete (ten
 * leases by default): one that comes back within that time is not mailed twice; after it, another consumer has long
 * taken it over.
 */
export function outboxLoop(
  store: PostgresStore,
  deliver: (mail: string, item: OutboxEffect) => void,
  intervalMs = 500,
  forgetAfterMs = 10 * LEASE_MS,
): OutboxLoop {
  // Dedupe on the stable id: an effect delivered but not completed (the completion failed, or the lease ran out
  // first) comes back, and is not mailed twice. A completed effect never comes back, so its id is forgotten; so is
  // one left uncompleted for `forgetAfterMs` (its completion failed and another consumer completed it: it never comes
  // back here either; round 14's multi-process run found such ids kept for good). The map holds the effects in
  // flight, not every effect since start-up.
  const delivered = new Map<string, number>();
  const loop = every(intervalMs, async () => {
    const now = Date.now();
    for (const [id, at] of delivered) if (now - at > forgetAfterMs) delivered.delete(id);
    const batch = await store.claimEffects({ limit: 100, leaseMs: LEASE_MS });
    for (const item of batch) {
      if (delivered.has(item.id)) continue;
      const mail = mailFor(item);
      if (mail !== null) deliver(mail, item);
      delivered.set(item.id, now);
    }
    await store.completeEffects(batch.map((e) => e.id));
    for (const item of batch) delivered.delete(item.id);
  });
  return { ...loop, inFlight: () => delivered.size };
}
