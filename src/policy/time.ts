// The time primitives every pure layer shares: the engine's timers and the calendars' open time count in them.

/**
 * The Date range: ±100,000,000 days around 1970 (ECMA-262 §21.4.1.1). Every time the engine takes or makes lies in it.
 */
export const MAX_TIME = 8.64e15;

/** A finite whole number of milliseconds that a Date can hold. */
export function isTime(value: unknown): value is number {
  // One `typeof` and two compares; `Number.isInteger` rules out fractions and NaN. Within ±8.64e15 every integer
  // is safe, so no separate safe-integer check is needed.
  return typeof value === 'number' && value >= -MAX_TIME && value <= MAX_TIME && Number.isInteger(value);
}
