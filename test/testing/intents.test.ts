// Each catalogue intent on a hand-written story: broken where the defect shows, kept by the sound policy.
import { createTicket, transition, type TicketEvent, type Workflow } from 'ticket-lifecycle';
import { zendesk } from 'ticket-lifecycle/presets';
import { applicableIntents, checkStep, INTENTS, intentStep, type Intent } from 'ticket-lifecycle/testing';
import { describe, expect, it } from 'vitest';
import { BROKEN } from '../verification/broken.js';
import { SOUND } from '../verification/sound.js';

const H = 3_600_000;
const D = 24 * H;
const broken = (id: string): Workflow => BROKEN.find((e) => e.id === id)!.workflow();
const base = SOUND.find((e) => e.id === 'b2b-base')!.workflow();

/** The first violation of `intent` over the story, as "index: message", or null. */
function verdict(workflow: Workflow, intent: Intent, events: readonly TicketEvent[]): string | null {
  let ticket = createTicket(workflow, { at: 0, by: 'customer' });
  for (const [i, event] of events.entries()) {
    const result = transition(workflow, ticket, event);
    const violation = checkStep([intent], intentStep(workflow, ticket, event, result));
    if (violation !== null) return `${i}: ${violation.message}`;
    ticket = result.ticket;
  }
  return null;
}

const agentAsks = (at: number): TicketEvent => ({ type: 'reply', by: 'agent', at });
const customer = (at: number): TicketEvent => ({ type: 'reply', by: 'customer', at });
const tick = (at: number): TicketEvent => ({ type: 'tick', at });

describe('the catalogue', () => {
  it.each(Object.entries(INTENTS))('%s has a name, a description and the incident it prevents', (name, make) => {
    const intent = (make as () => Intent)();
    expect(intent.name).toBe(name);
    expect(intent.description.length).toBeGreaterThan(20);
    expect(intent.incident.length).toBeGreaterThan(40);
  });

  it('applies to a policy only where the promise means something', () => {
    expect(applicableIntents(zendesk()).map((i) => i.name)).not.toContain('reopenWindowHonoured');
    expect(applicableIntents(broken('reopen-window-from-old-close')).map((i) => i.name)).toContain(
      'reopenWindowHonoured',
    );
    expect(applicableIntents(base, { only: ['noTimerLoop'] }).map((i) => i.name)).toEqual(['noTimerLoop']);
  });
});

describe('customerMessageReachesTeam', () => {
  const intent = INTENTS.customerMessageReachesTeam();
  it('breaks when a reply stays in Pending', () => {
    expect(verdict(broken('reply-swallowed-in-pending'), intent, [agentAsks(H), customer(2 * H)])).toMatch(
      /^1: a customer reply left the ticket in pending/,
    );
  });
  it('holds when the reply opens the ticket, or asks for a follow-up on a closed one', () => {
    expect(verdict(base, intent, [agentAsks(H), customer(2 * H), agentAsks(3 * H), customer(4 * H)])).toBeNull();
    expect(verdict(base, intent, [{ type: 'resolve', by: 'agent', at: H }, tick(10 * D), customer(11 * D)])).toBeNull();
  });
  it('takes the watched categories as a parameter', () => {
    const strict = INTENTS.customerMessageReachesTeam({ watched: ['open'] });
    expect(verdict(base, strict, [customer(H)])).toMatch(/left the ticket in new/);
  });
});

describe('neverAutoFinishWhileCustomerWaits', () => {
  const intent = INTENTS.neverAutoFinishWhileCustomerWaits();
  const parked: TicketEvent[] = [
    customer(H),
    { type: 'setStatus', by: 'agent', at: 2 * H, to: 'pending' },
    tick(8 * D),
  ];
  it('breaks when the auto-solve runs on a ticket whose customer waits', () => {
    expect(verdict(broken('auto-solve-while-waiting'), intent, parked)).toMatch(/^2: timer auto-solve moved/);
  });
  it('holds when the timer skips while the customer waits', () => {
    expect(verdict(base, intent, parked)).toBeNull();
  });
});

describe('customerGetsFullWait', () => {
  const intent = INTENTS.customerGetsFullWait();
  const followUp: TicketEvent[] = [agentAsks(H), agentAsks(4 * D), tick(6 * D)];
  it('breaks when an agent follow-up does not restart the wait', () => {
    expect(verdict(broken('auto-solve-from-status-entered'), intent, followUp)).toMatch(
      /^2: timer auto-solve moved pending → solved .* before its P5D/,
    );
  });
  it('holds when the wait counts from the last agent message', () => {
    expect(verdict(base, intent, [...followUp, tick(10 * D)])).toBeNull();
  });
});

describe('noTimerLoop', () => {
  const intent = INTENTS.noTimerLoop();
  it('breaks when a long silence shows timers bouncing the ticket', () => {
    expect(verdict(broken('park-and-wake-loop'), intent, [agentAsks(H), tick(30 * D)])).toMatch(
      /^1: timers moved the ticket back into pending/,
    );
  });
  it('holds when timers settle', () => {
    expect(verdict(base, intent, [agentAsks(H), tick(60 * D)])).toBeNull();
  });
});

describe('timersKeepTheRules', () => {
  const intent = INTENTS.timersKeepTheRules();
  it('breaks when the auto-solve solves an unassigned ticket agents could not solve', () => {
    expect(verdict(broken('auto-solve-unassigned'), intent, [agentAsks(H), tick(6 * D)])).toMatch(
      /it needs an assignee/,
    );
  });
  it('holds on an assigned ticket', () => {
    const events: TicketEvent[] = [{ type: 'assign', by: 'agent', at: 1, assignee: 'ana' }, agentAsks(H), tick(6 * D)];
    expect(verdict(broken('auto-solve-unassigned'), intent, events)).toBeNull();
  });
});

describe('reopenWindowHonoured', () => {
  const intent = INTENTS.reopenWindowHonoured();
  const story: TicketEvent[] = [
    { type: 'resolve', by: 'agent', at: H },
    tick(5 * D), // auto-closed on day 4
    customer(6 * D), // reopens: within 14 days of the close
    { type: 'resolve', by: 'agent', at: 30 * D },
    customer(31 * D), // a day after the new solve, 27 after the old close
  ];
  it('breaks when the window counts from an old close', () => {
    expect(verdict(broken('reopen-window-from-old-close'), intent, story)).toMatch(
      /^4: a customer reply 1440 min after/,
    );
  });
  it('holds once the window has really passed', () => {
    expect(
      verdict(broken('reopen-window-from-old-close'), intent, story.slice(0, 2).concat(customer(20 * D))),
    ).toBeNull();
  });
});

describe('thirdPartyWaitIsNotCustomerWait', () => {
  const intent = INTENTS.thirdPartyWaitIsNotCustomerWait();
  const toVendor: TicketEvent[] = [{ type: 'setStatus', by: 'agent', at: H, to: 'hold' }, tick(20 * D)];
  it('breaks when the vendor status is a pending one', () => {
    expect(verdict(broken('vendor-status-is-pending'), intent, toVendor)).toMatch(
      /^0: hold \("Waiting on vendor"\) waits on a third party/,
    );
  });
  it('breaks when an on-hold ticket is auto-solved', () => {
    expect(verdict(broken('on-hold-auto-solves'), intent, [agentAsks(1), ...toVendor])).toMatch(
      /^2: timer auto-solve finished a ticket waiting on a third party/,
    );
  });
  it('holds when on-hold waits for a person', () => {
    expect(verdict(base, intent, [agentAsks(1), ...toVendor])).toBeNull();
  });
});

describe('warnedBeforeAutoFinish', () => {
  const intent = INTENTS.warnedBeforeAutoFinish();
  it('breaks when the reminder is due after the move', () => {
    expect(verdict(broken('reminder-after-auto-solve'), intent, [agentAsks(H), tick(10 * D)])).toMatch(
      /before the reminder closing-soon went out/,
    );
  });
  it('holds when the reminder comes first, even inside the same sweep', () => {
    expect(verdict(base, intent, [agentAsks(H), tick(10 * D)])).toBeNull();
  });
});

describe('closedOnlyFromSolved', () => {
  const intent = INTENTS.closedOnlyFromSolved();
  it('breaks when a pending timer closes straight away', () => {
    expect(verdict(broken('pending-closes-directly'), intent, [agentAsks(H), tick(11 * D)])).toMatch(
      /timer abandon closed the ticket straight from pending/,
    );
  });
  it('holds when tickets close from solved', () => {
    expect(verdict(base, intent, [agentAsks(H), tick(20 * D)])).toBeNull();
  });
});

describe('lockedStaysLocked', () => {
  const intent = INTENTS.lockedStaysLocked();
  const story: TicketEvent[] = [{ type: 'resolve', by: 'agent', at: H }, tick(5 * D), tick(40 * D)];
  it('breaks when a timer takes a closed ticket back to Open', () => {
    expect(verdict(broken('revisit-reopens-closed'), intent, story)).toMatch(/^2: timer revisit took a closed ticket/);
  });
  it('holds when a person reopens it', () => {
    expect(verdict(base, intent, [...story, { type: 'reopen', by: 'agent', at: 41 * D }])).toBeNull();
  });
});

describe('everyTicketCanClose', () => {
  const intent = INTENTS.everyTicketCanClose();
  it('breaks in a status nobody can leave', () => {
    expect(
      verdict(broken('escalated-dead-end'), intent, [{ type: 'setStatus', by: 'agent', at: H, to: 'escalated' }]),
    ).toMatch(/^0: from escalated \(unassigned\) no sequence/);
  });
  it('holds everywhere in a sound policy', () => {
    for (const to of ['new', 'open', 'pending', 'hold'])
      expect(verdict(base, intent, [{ type: 'setStatus', by: 'agent', at: H, to }])).toBeNull();
  });
});

describe('solvedClosesWithin', () => {
  it('breaks as soon as a ticket lands in a solved status with no auto-close', () => {
    const events: TicketEvent[] = [{ type: 'setStatus', by: 'agent', at: H, to: 'confirming' }];
    expect(verdict(broken('second-solved-never-closes'), INTENTS.solvedClosesWithin(), events)).toMatch(
      /^0: the ticket is confirming/,
    );
  });
  it('holds with the auto-close, and takes a stricter promise as a parameter', () => {
    const events: TicketEvent[] = [{ type: 'resolve', by: 'agent', at: H }];
    expect(verdict(base, INTENTS.solvedClosesWithin(), events)).toBeNull();
    expect(verdict(base, INTENTS.solvedClosesWithin({ within: 'P2D' }), events)).toMatch(/promised/);
  });
});
