/**
 * Pairing attempts (ADR 0018): a code has ~10^11 values and lives minutes, and each address gets 5
 * wrong tries before a lock that doubles (30 s … 15 min); all addresses together get 20 before the
 * whole pairing door closes for a minute, so many addresses cannot share the guessing.
 */
const PER_ADDRESS_FREE = 5
const BASE_LOCK_MS = 30_000
const MAX_LOCK_MS = 15 * 60_000
const GLOBAL_WINDOW_MS = 60_000
const GLOBAL_FREE = 20
const MAX_TRACKED = 10_000

interface Bucket {
  failures: number
  lockedUntil: number
}

export function createAttemptLimiter(now: () => number) {
  const byAddress = new Map<string, Bucket>()
  let recent: number[] = []
  return {
    /** Milliseconds until this address may try again (0: now). */
    wait(address: string): number {
      const at = now()
      recent = recent.filter((t) => t > at - GLOBAL_WINDOW_MS)
      const global = recent.length >= GLOBAL_FREE ? (recent[0] ?? at) + GLOBAL_WINDOW_MS - at : 0
      const own = Math.max(0, (byAddress.get(address)?.lockedUntil ?? 0) - at)
      return Math.max(global, own)
    },
    failed(address: string): void {
      const at = now()
      if (byAddress.size > MAX_TRACKED) byAddress.clear()
      const bucket = byAddress.get(address) ?? { failures: 0, lockedUntil: 0 }
      bucket.failures++
      if (bucket.failures >= PER_ADDRESS_FREE) bucket.lockedUntil = at + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (bucket.failures - PER_ADDRESS_FREE))
      byAddress.set(address, bucket)
      recent.push(at)
    },
    succeeded(address: string): void {
      byAddress.delete(address)
    }
  }
}
