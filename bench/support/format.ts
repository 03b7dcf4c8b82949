/** Formatting of measured numbers: few significant digits, units a reader knows. */

export function formatDuration(ns: number): string {
  if (ns < 1_000) return `${ns.toPrecision(3)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toPrecision(3)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toPrecision(3)} ms`;
  return `${(ns / 1_000_000_000).toPrecision(3)} s`;
}

/** Operations per second from nanoseconds per operation, e.g. `4.2 M/s`. */
export function formatRate(nsPerOp: number): string {
  const perSecond = 1e9 / nsPerOp;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toPrecision(3)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toPrecision(3)} k/s`;
  return `${perSecond.toPrecision(3)} /s`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio.toPrecision(3)}×`;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toPrecision(3)} KiB`;
}
