/**
 * A thrown value in words, whatever it is. Never throws itself: `String(error)` does for a null-prototype object
 * (no `toString`), a Symbol, or a Proxy whose traps throw, which would turn a "never throws" catch block into a
 * crash.
 */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${String(error.name)}: ${String(error.message)}`;
    return typeof error === 'string' ? error : `a thrown ${error === null ? 'null' : typeof error}`;
  } catch {
    return 'a thrown value that cannot be shown';
  }
}
