/** Exponential backoff with full jitter (AWS style) between `baseMs` and `maxMs`; `random` in [0, 1). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30))
  return Math.round(baseMs / 2 + random() * (ceiling - baseMs / 2))
}
