/** Shared helpers for the benchmark scripts: percentiles and one printed line per target. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)
  return sortedMs[Math.max(0, index)]!
}

export function summarize(samplesMs: number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length }
}

export function report(name: string, value: number, unit: string, target: number, better: 'lower' | 'higher', extra = ''): void {
  const pass = better === 'lower' ? value <= target : value >= target
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2))
  const sign = better === 'lower' ? '≤' : '≥'
  console.log(`${name}: ${fmt(value)} ${unit} (target ${sign} ${fmt(target)} ${unit}) ${pass ? 'PASS' : 'FAIL'}${extra ? ` — ${extra}` : ''}`)
}
