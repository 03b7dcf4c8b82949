import { formatDuration } from '../policy/duration.js';

/** A duration as written in the policy when it is ISO text (so `PT48H` stays `PT48H`), otherwise formatted. */
export function showDuration(raw: unknown, ms: number): string {
  return typeof raw === 'string' ? raw.trim().toUpperCase() : formatDuration(ms);
}
