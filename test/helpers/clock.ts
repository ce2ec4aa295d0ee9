/**
 * The test rig's clock: the system clock moved by `DOCKSIDE_CLOCK_OFFSET_DAYS` (default 0). The suite
 * runs once more with the clock a year ahead (scripts/test-all.sh), which catches hard-coded dates
 * that would expire. `dockside serve` reads the same variable, so served stations share the clock.
 */
export const CLOCK_OFFSET_MS = Math.round(Number(process.env.DOCKSIDE_CLOCK_OFFSET_DAYS ?? 0) * 86_400_000) || 0

export const testNow = (): Date => new Date(Date.now() + CLOCK_OFFSET_MS)

/** `YYMMDD` of the last day of the month `months` after the test clock's month (an AI 17 that never expires). */
export function futureAi17(months = 18): string {
  const now = testNow()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0)).toISOString().slice(2, 10).replaceAll('-', '')
}
