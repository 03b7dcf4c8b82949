import type { SlaActivity } from '../model/sla-state.js';
import type { Ticket } from '../model/ticket.js';
import { CATEGORIES, type Category } from '../policy/category.js';
import type { TicketSpan } from '../engine/read-ticket.js';

/*
 * Messages by side and time per category, kept beside the clocks and brought up to date by the same sync. Only
 * the engine's message recording writes `lastCustomerMessageAt`, `lastAgentMessageAt` and `awaiting`, and it leaves
 * all three as they are for a repeated message (same side, same instant), so a message was recorded exactly when
 * the three differ from what the last sync saw. Time is folded into its category when the category changes or
 * another SLA policy (another calendar) starts to apply; the open stretch is added when read. Every object made
 * here is frozen: a sealed state holds it (see `sealed.ts`).
 */

type Elapsed = (from: number, to: number) => number;
type Time = { [category: string]: readonly [number, number] };

/** An activity with these fields, built as one literal (one shape for every activity the engine makes). */
const makeActivity = (
  from: number,
  customerReplies: number,
  teamReplies: number,
  t: Pick<Ticket, 'lastCustomerMessageAt' | 'lastAgentMessageAt' | 'awaiting'>,
  category: Category,
  since: number,
  time: SlaActivity['time'],
): SlaActivity =>
  Object.freeze({
    from,
    customerReplies,
    teamReplies,
    seenCustomerAt: t.lastCustomerMessageAt,
    seenTeamAt: t.lastAgentMessageAt,
    seenAwaiting: t.awaiting,
    category,
    since,
    time,
  });

const NO_TIME: SlaActivity['time'] = /* @__PURE__ */ Object.freeze({});

/**
 * Counting from `at` in the ticket's category. `created`: the ticket was created at `at`, so its opening messages
 * count; otherwise what is already in the ticket happened before counting began.
 */
export function openActivity(t: Ticket, category: Category, at: number, created: boolean): SlaActivity {
  const customer = created && t.lastCustomerMessageAt !== null ? 1 : 0;
  const team = created && t.lastAgentMessageAt !== null ? 1 : 0;
  return makeActivity(at, customer, team, t, category, at, NO_TIME);
}

/**
 * The activity after the ticket's change at `at`: a new message counted, the stretch folded when the category
 * changed or `switched` (another policy applies from `at`: the stretch so far counts on the old policy's clock,
 * `elapsed`). The same object when nothing changed.
 */
export function stepActivity(
  a: SlaActivity,
  t: Ticket,
  category: Category,
  at: number,
  switched: boolean,
  elapsed: Elapsed,
): SlaActivity {
  const customerChanged = t.lastCustomerMessageAt !== a.seenCustomerAt;
  const messaged = customerChanged || t.lastAgentMessageAt !== a.seenTeamAt || t.awaiting !== a.seenAwaiting;
  const folded = category !== a.category || switched;
  if (!messaged && !folded) return a;
  // A customer message sets `lastCustomerMessageAt` and hands the turn to the team; a team message the reverse.
  const customer = messaged && (customerChanged || t.awaiting === 'team');
  return makeActivity(
    a.from,
    a.customerReplies + (customer ? 1 : 0),
    a.teamReplies + (messaged && !customer ? 1 : 0),
    messaged
      ? t
      : { lastCustomerMessageAt: a.seenCustomerAt, lastAgentMessageAt: a.seenTeamAt, awaiting: a.seenAwaiting },
    category,
    folded ? at : a.since,
    folded ? addStretch(a.time, a.category, a.since, at, elapsed) : a.time,
  );
}

/** `time` with `[since, to)` added to `category`, on the clock `elapsed`: a new frozen record (`time` when empty). */
export function addStretch(
  time: SlaActivity['time'],
  category: string,
  since: number,
  to: number,
  elapsed: Elapsed,
): SlaActivity['time'] {
  if (to <= since) return time;
  const out: Time = {};
  for (let i = 0; i < CATEGORIES.length; i++) {
    const c = CATEGORIES[i]!;
    if (time[c] !== undefined) out[c] = time[c];
  }
  const [calendar, business] = time[category] ?? [0, 0];
  out[category] = Object.freeze([calendar + (to - since), business + elapsed(since, to)] as const);
  return Object.freeze(out);
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** Checked with compares, not `isTime`: a value between two times is a time when it is a whole number. */
const isWithin = (v: unknown, t: TicketSpan): v is number =>
  typeof v === 'number' && v >= t.createdAt && v <= t.updatedAt && Number.isInteger(v);
const isCategory = (v: unknown): v is Category => (CATEGORIES as readonly unknown[]).includes(v);

/**
 * A stored activity checked, each field read once, or `undefined` when malformed: times between the ticket's
 * `createdAt` and `updatedAt`, counts and spans whole and not negative, known categories. With `keep`, the answer
 * is a plain copy (not frozen: `freezeCopy` freezes it when a state the engine makes takes it); without, only the
 * check is made and `null` says it passed (a read-only query that never reads the activity copies nothing).
 */
export function readActivity(value: unknown, ticket: TicketSpan, keep: boolean): SlaActivity | null | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const a = value as Record<string, unknown>;
  const { from, customerReplies, teamReplies, seenCustomerAt, seenTeamAt, seenAwaiting, category, since, time } = a;
  if (!isWithin(from, ticket) || !isWithin(since, ticket) || since < from) return undefined;
  if (!isCount(customerReplies) || !isCount(teamReplies)) return undefined;
  if (
    (seenCustomerAt !== null && !isWithin(seenCustomerAt, ticket)) ||
    (seenTeamAt !== null && !isWithin(seenTeamAt, ticket))
  )
    return undefined;
  if (seenAwaiting !== null && seenAwaiting !== 'team' && seenAwaiting !== 'customer') return undefined;
  if (!isCategory(category)) return undefined;
  if (typeof time !== 'object' || time === null || Array.isArray(time)) return undefined;
  // One pass over the keys, each span read once: an unknown key is refused, an inherited category skipped.
  const copy: Time | null = keep ? {} : null;
  for (const key in time) {
    if (!isCategory(key)) return undefined;
    if (!Object.hasOwn(time, key)) continue;
    const span = (time as Record<string, unknown>)[key];
    if (!Array.isArray(span) || span.length !== 2) return undefined;
    const calendar = span[0];
    const business = span[1];
    if (!isCount(calendar) || !isCount(business)) return undefined;
    if (copy !== null) copy[key] = [calendar, business];
  }
  if (copy === null) return null;
  return {
    from,
    customerReplies,
    teamReplies,
    seenCustomerAt,
    seenTeamAt,
    seenAwaiting,
    category,
    since,
    time: copy,
  };
}
