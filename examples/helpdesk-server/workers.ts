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

export function outboxLoop(
  store: PostgresStore,
  deliver: (mail: string, item: OutboxEffect) => void,
  intervalMs = 500,
): Loop {
  const seen = new Set<string>(); // dedupe on the stable id: a redelivered effect is not mailed twice
  return every(intervalMs, async () => {
    const batch = await store.claimEffects({ limit: 100, leaseMs: 30_000 });
    for (const item of batch) {
      const mail = mailFor(item);
      if (mail !== null && !seen.has(item.id)) deliver(mail, item);
      seen.add(item.id);
    }
    await store.completeEffects(batch.map((e) => e.id));
  });
}
