import type { SlaClock, SlaState } from '../model/sla-state.js';
import type { SlaMetric } from './sla-config.js';

/*
 * Why seal: every event reads the ticket's SLA state, and reading a stored one means checking every clock and
 * copying it (a getter or a Proxy must never reach the engine). The states the engine makes are frozen, clocks
 * included, and carry private fields saying for which workflow and between which times they were made: a frozen
 * object of plain data cannot change and a private field cannot be forged, so when such a state comes back it is
 * taken as it is, once its times fit the ticket it comes in. Anything else (a JSON-parsed row, an object built by
 * hand) is checked and copied by `readSlaState`, and the copy sealed in turn. Measured: sealing costs about a
 * tenth of what checking and copying did on every read. Not a WeakMap: millions of live entries make the garbage
 * collector's ephemeron pass cost over a microsecond per new state.
 */

type Clocks = { [M in SlaMetric]?: SlaClock };

class SealedSlaState implements SlaState {
  readonly policy: string | null;
  readonly clocks: Clocks;
  /** The compiled SLA runtime it was made by: its metrics are the only keys of `clocks`. */
  readonly #owner: object;
  /** The earliest and latest time any clock holds. */
  readonly #earliest: number;
  readonly #latest: number;

  constructor(owner: object, policy: string | null, clocks: Clocks) {
    let earliest = Number.POSITIVE_INFINITY;
    let latest = Number.NEGATIVE_INFINITY;
    for (const key in clocks) {
      const clock = clocks[key as SlaMetric]!;
      if (!Object.isFrozen(clock)) Object.freeze(clock);
      // `since` and `metAt` are never before `start`.
      if (clock.start < earliest) earliest = clock.start;
      const last = Math.max(clock.start, clock.since ?? clock.start, clock.metAt ?? clock.start);
      if (last > latest) latest = last;
    }
    this.policy = policy;
    this.clocks = Object.freeze(clocks);
    this.#owner = owner;
    this.#earliest = earliest;
    this.#latest = latest;
    Object.freeze(this);
  }

  static fits(value: object, owner: object, createdAt: number, updatedAt: number): boolean {
    return #owner in value && value.#owner === owner && value.#earliest >= createdAt && value.#latest <= updatedAt;
  }
}

/**
 * A new SLA state, frozen with its clocks and marked as made by the engine for `owner` (the workflow's compiled
 * SLA runtime). Every clock must already be checked: made by the engine, or read by `readSlaState`.
 */
export const sealSlaState = (owner: object, policy: string | null, clocks: Clocks): SlaState =>
  new SealedSlaState(owner, policy, clocks);

/**
 * Whether `value` is a state the engine sealed for `owner` whose times all lie in `[createdAt, updatedAt]`: then it
 * is read as it is. Otherwise it must be read the slow way.
 */
export const isSealedFor = (value: object, owner: object, createdAt: number, updatedAt: number): value is SlaState =>
  SealedSlaState.fits(value, owner, createdAt, updatedAt);

/** A fresh, unfrozen copy of a clocks record to edit: a loop, since spreading a frozen object is V8's slow path. */
export function copyClocks(clocks: Clocks): Clocks {
  const out: Clocks = {};
  for (const key in clocks) out[key as SlaMetric] = clocks[key as SlaMetric];
  return out;
}
