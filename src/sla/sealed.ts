import type { SlaActivity, SlaClock, SlaState } from '../model/sla-state.js';
import type { SlaMetric } from './sla-config.js';

/*
 * Why seal: every event reads the ticket's SLA state, and reading a stored one means checking every clock and
 * copying it (a getter or a Proxy must never reach the engine). The states the engine makes hold only frozen
 * clocks, a frozen clocks record and a frozen activity, and private fields saying for which workflow and between
 * which times they were made and what their public fields held: a private field cannot be forged, so when such a
 * state comes back with its fields as made, it is taken as it is once its times fit the ticket it comes in.
 * Anything else (a JSON-parsed row, an object built or edited by hand) is checked and copied by `readSlaState`
 * into a plain copy that is not sealed: a read-only query (`slaStatus`, a sweep over stored rows) only reads it and
 * pays for no freezing. Only when that copy goes into a state the engine makes (a change, a fired mark) are its
 * parts frozen (`freezeCopy`), so every state a returned ticket carries is sealed. Not a WeakMap: millions of live entries make the garbage collector's ephemeron
 * pass cost over a microsecond per new state.
 */

type Clocks = { [M in SlaMetric]?: SlaClock };

/**
 * A new SLA state marked as made by the engine for `owner` (the workflow's compiled SLA runtime), every time it
 * holds in `[earliest, latest]` (the ticket's `createdAt` and the instant of the change). Its clocks (from
 * `makeClock`) and activity are frozen already; the clocks record is frozen here.
 */
export class SealedSlaState implements SlaState {
  readonly policy: string | null;
  readonly clocks: Clocks;
  readonly activity: SlaActivity;
  /** The compiled SLA runtime it was made by: its metrics are the only keys of `clocks`. */
  readonly #owner: object;
  /** Every time the state holds lies in `[#earliest, #latest]`. */
  readonly #earliest: number;
  readonly #latest: number;
  /** The public fields as made: compared by identity instead of freezing the state itself (half the cost). */
  readonly #policy: string | null;
  readonly #clocks: Clocks;
  readonly #activity: SlaActivity;

  constructor(
    owner: object,
    earliest: number,
    latest: number,
    policy: string | null,
    clocks: Clocks,
    activity: SlaActivity,
  ) {
    this.policy = policy;
    this.clocks = Object.freeze(clocks);
    this.activity = activity;
    this.#owner = owner;
    this.#earliest = earliest;
    this.#latest = latest;
    this.#policy = policy;
    this.#clocks = clocks;
    this.#activity = activity;
  }

  static sealed(value: object): boolean {
    return #owner in value;
  }

  static fits(value: object, owner: object, createdAt: number, updatedAt: number): boolean {
    return (
      #owner in value &&
      value.#owner === owner &&
      value.#earliest >= createdAt &&
      value.#latest <= updatedAt &&
      value.policy === value.#policy &&
      value.clocks === value.#clocks &&
      value.activity === value.#activity
    );
  }
}

/**
 * Whether `value` is a state the engine sealed for `owner`, as it was made, whose times all lie in
 * `[createdAt, updatedAt]`: then it is read as it is. Otherwise it must be read the slow way.
 */
export const isSealedFor = (value: object, owner: object, createdAt: number, updatedAt: number): value is SlaState =>
  SealedSlaState.fits(value, owner, createdAt, updatedAt);

/**
 * Before any part of `state` goes into a new sealed state: when it is `readSlaState`'s plain copy (made during
 * this call, so nobody else holds it), its clocks and activity are frozen in place, as the engine's own are.
 */
export function freezeCopy(state: SlaState): void {
  if (SealedSlaState.sealed(state)) return;
  for (const key in state.clocks) Object.freeze(state.clocks[key as SlaMetric]);
  const activity = state.activity;
  if (activity === undefined) return;
  for (const key in activity.time) Object.freeze(activity.time[key]);
  Object.freeze(activity.time);
  Object.freeze(activity);
}

/** A fresh, unfrozen copy of a clocks record to edit: a loop, since spreading a frozen object is V8's slow path. */
export function copyClocks(clocks: Clocks): Clocks {
  const out: Clocks = {};
  for (const key in clocks) out[key as SlaMetric] = clocks[key as SlaMetric];
  return out;
}
