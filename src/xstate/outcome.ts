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
    if (last?.ticket === ticket && last.event === event && attempt(() => same(event as unknown as Fields, last!.copy)))
      return last.result;
    const copy = attempt(() => copyOf(event));
    const result = transition(workflow, ticket, (copy || event) as TicketEvent<S>);
    last = copy ? { ticket, event, copy, result } : undefined;
    return result;
  };
}

/** A throwing getter or Proxy trap means "not cacheable", never an exception out of a guard. */
function attempt<T>(read: () => T): T | false {
  try {
    return read();
  } catch {
    return false;
  }
}

const plain = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** The event's own fields, each read once, lists copied; `false` when a field is not comparable by value. */
function copyOf(event: object): Fields | false {
  const copy: Fields = {};
  for (const [key, value] of Object.entries(event)) {
    if (Array.isArray(value) && value.every(plain)) copy[key] = [...value];
    else if (plain(value)) copy[key] = value;
    else return false;
  }
  return copy;
}

function same(event: Fields, copy: Fields): boolean {
  const keys = Object.keys(copy);
  return (
    Object.keys(event).length === keys.length &&
    keys.every((key) => {
      const [now, was] = [event[key], copy[key]];
      if (!Array.isArray(was)) return Object.hasOwn(event, key) && Object.is(now, was);
      return Array.isArray(now) && now.length === was.length && was.every((item, i) => Object.is(item, now[i]));
    })
  );
}
