/**
 * A value as it appears in an error message: JSON (`undefined`, which JSON cannot show, included), or for an
 * `Error` its name and message. Never throws: a BigInt, a cycle, a hostile `toJSON`, a Symbol or a null-prototype
 * object (whose `String()` throws), a Proxy whose traps throw, all show as their type instead. So a "never throws"
 * catch block can describe what it caught.
 */
export function show(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : (JSON.stringify(value) ?? 'undefined');
  } catch {
    return `a ${typeof value}`;
  }
}
