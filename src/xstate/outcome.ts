import { transition, type Ticket, type TicketEvent, type TransitionResult, type Workflow } from 'ticket-lifecycle';

type Fields = Record<string, unknown>;

/**
 * The pure `transition` of one event from one ticket, computed once however many guards and actions ask.
 *
 * WHY a cache at all: XState hands the sent event to the guard of every candidate transition in turn (up to one
 * per status for `setStatus` on a 300-status policy), then to the chosen transition's actions.
 *
 * WHY it remembers the event's fields and not only the object: a host may send an event, change a field of the
 * very same object and send it again (a refused stale reply, retimed and resent). Keyed on identity alone, the
 * second send would get the first verdict and the customer's message would be lost. A hit therefore needs the
 * same ticket (the machine's own: input and restored tickets are copied in), the same event object, and every
 * field equal to the copy taken when `transition` was asked; the engine is asked about that copy, so a getter
 * cannot answer one thing to the cache and another to the engine. An event with a field holding an object
 * (never a valid event, but for a list of plain values) is not cached at all, nor one that throws when read.
 *
 * One entry is enough: the guards and actions of one event are evaluated back to back.
 */
export function cachedOutcome<S extends string>(
  workflow: Workflow<S>,
): (ticket: Ticket<S>, event: TicketEvent<S>) => TransitionResult<S> {
  let last: { ticket: Ticket<S>; event: object; copy: Fields; result: TransitionResult<S> } | undefined;
  return (ticket, event) => {
    if (last !== undefined && last.ticket === ticket && last.event === event && unchanged(event, last.copy))
      return last.result;
    const copy = copyOf(event);
    const result = transition(workflow, ticket, (copy || event) as TicketEvent<S>);
    last = copy ? { ticket, event, copy, result } : undefined;
    return result;
  };
}

/*
 * Every guard of every candidate transition asks this, so the check allocates nothing: no key lists, no closures, no
 * pairs. (It was 0.3–0.4 kB an ask, three or four asks an event: garbage that fed V8's pretenuring of XState's step,
 * see docs/performance.md, round 10.)
 */

const plain = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function');

/**
 * The event's own enumerable fields, each read once, lists copied; `false` when a field is not comparable by value,
 * or when reading one throws (a throwing getter or Proxy trap means "not cacheable", never an exception out of a
 * guard).
 */
function copyOf(event: object): Fields | false {
  try {
    const copy: Fields = {};
    for (const key in event) {
      if (!Object.hasOwn(event, key)) continue;
      const value: unknown = (event as Fields)[key];
      if (Array.isArray(value) && value.every(plain)) copy[key] = [...value];
      else if (plain(value)) copy[key] = value;
      else return false;
    }
    return copy;
  } catch {
    return false;
  }
}

/** Whether `event` still has exactly the own enumerable fields of `copy`, with the same values (`false` if it throws). */
function unchanged(event: object, copy: Fields): boolean {
  try {
    const fields = event as Fields;
    let count = 0;
    for (const key in fields) if (Object.hasOwn(fields, key)) count++;
    for (const key in copy) {
      count--;
      if (!Object.hasOwn(fields, key)) return false;
      const now = fields[key];
      const was = copy[key];
      if (!Array.isArray(was)) {
        if (!Object.is(now, was)) return false;
      } else if (!Array.isArray(now) || !sameItems(now, was)) return false;
    }
    return count === 0;
  } catch {
    return false;
  }
}

function sameItems(now: readonly unknown[], was: readonly unknown[]): boolean {
  if (now.length !== was.length) return false;
  for (let i = 0; i < was.length; i++) if (!Object.is(was[i], now[i])) return false;
  return true;
}
