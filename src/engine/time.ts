/** The Date range: ±100,000,000 days around 1970 (ECMA-262 §21.4.1.1). */
export const MAX_TIME = 8.64e15;

/** A finite whole number of milliseconds that a Date can hold. */
export function isTime(value: unknown): value is number {
  // `Number.isSafeInteger` is already false for anything but a number.
  return Number.isSafeInteger(value) && (value as number) >= -MAX_TIME && (value as number) <= MAX_TIME;
}
