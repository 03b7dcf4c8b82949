const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Milliseconds back to a readable ISO 8601 duration: whole days as `P4D`, the rest as `PT36H`, `PT90M`,
 * `P1DT2H30M`, `PT0.5S`. `parseDuration(formatDuration(ms)) === ms` for every duration the engine accepts.
 *
 * @example
 * ```ts
 * import { formatDuration } from 'ticket-lifecycle';
 * formatDuration(345_600_000); // 'P4D'
 * formatDuration(5_400_000);   // 'PT1H30M'
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `P${ms / DAY}D`;
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const time = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 ? `${rest / SECOND}S` : ''}`;
  return `P${days > 0 ? `${days}D` : ''}T${time}`;
}

/** A duration as written in the policy when it is ISO text (so `PT48H` stays `PT48H`), otherwise formatted. */
export function showDuration(raw: unknown, ms: number): string {
  return typeof raw === 'string' ? raw.trim().toUpperCase() : formatDuration(ms);
}
