import { transition, type Ticket, type TicketEvent, type TransitionResult, type Workflow } from 'ticket-lifecycle';

/** What `transition` said about one event, and a copy of the event's fields as they were when it was asked. */
interface Asked {
  readonly ticket: Ticket;
  readonly event: object;
  readonly fields: readonly (readonly [string, unknown])[];
  readonly result: TransitionResult;
}

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
 * field equal to the copy taken when `transition` was asked. Events with a field that is an object other than a
 * list of plain values (never a valid event) are not cached at all.
 *
 * One entry is enough: the guards and actions of one event are evaluated back to back.
 */
export function cachedOutcome<S extends string>(workflow: Workflow<S>): (ticket: Ticket<S>, event: TicketEvent<S>) => TransitionResult<S> {
  let last: Asked | undefined;
  return (ticket, event) => {
    if (last !== undefined && last.ticket === ticket && last.event === event && attempt(() => unchanged(event, last!.fields), false)) {
      return last.result as TransitionResult<S>;
    }
    // Read every field once, and ask about the copy: a getter cannot answer one thing to us and another to the engine.
    const fields = attempt(() => readFields(event), null);
    const copy = fields === null ? event : (Object.fromEntries(fields.map(([key, value]) => [key, Array.isArray(value) ? [...value] : value])) as unknown as TicketEvent<S>);
    const result = transition(workflow, ticket, copy);
    last = fields === null ? undefined : { ticket, event, fields, result };
    return result;
  };
}

/** A throwing getter or Proxy trap means "not cacheable", never an exception out of a guard. */
function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

const isPlain = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function');

/** The event's own fields, lists copied; `null` when a field holds something a cache cannot compare by value. */
function readFields(event: object): (readonly [string, unknown])[] | null {
  const fields: (readonly [string, unknown])[] = [];
  for (const [key, value] of Object.entries(event)) {
    if (Array.isArray(value)) {
      if (!value.every(isPlain)) return null;
      fields.push([key, [...value]]);
    } else if (isPlain(value)) fields.push([key, value]);
    else return null;
  }
  return fields;
}

function unchanged(event: object, fields: readonly (readonly [string, unknown])[]): boolean {
  const now = event as Record<string, unknown>;
  if (Object.keys(now).length !== fields.length) return false;
  for (const [key, was] of fields) {
    if (!Object.hasOwn(now, key)) return false;
    const value = now[key];
    if (Array.isArray(was)) {
      if (!Array.isArray(value) || value.length !== was.length || !value.every((item, i) => Object.is(item, was[i]))) return false;
    } else if (!Object.is(value, was)) return false;
  }
  return true;
}
