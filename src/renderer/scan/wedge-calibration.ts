/**
 * Wedge timing learned from a test scan on the Devices screen (issue 12 item 8), kept per browser —
 * that is, per terminal: each dock's scanner has its own pace (USB 1–20 ms between keys, Bluetooth
 * 60–100 ms). The learned limits widen the station's settings for this terminal only.
 */
export interface WedgeCalibration {
  interKeyMs: number
  endTimeoutMs: number
  /** The slowest gap measured in the test scan (ms). */
  measuredMs: number
  learnedAt: string
}

const KEY = 'dockside.wedgeCalibration'
export const CALIBRATION_EVENT = 'dockside:wedge-calibration'
const MIN_KEYS = 4
const MAX_INTER_KEY_MS = 300

/** Limits from the key times of one test scan: 1.5 × the slowest gap + 10 ms; null when too short to tell. */
export function learnTiming(keyTimes: readonly number[], now: Date = new Date()): WedgeCalibration | null {
  if (keyTimes.length < MIN_KEYS) return null
  let measured = 0
  for (let i = 1; i < keyTimes.length; i++) measured = Math.max(measured, keyTimes[i]! - keyTimes[i - 1]!)
  const interKeyMs = Math.min(MAX_INTER_KEY_MS, Math.max(20, Math.ceil(measured * 1.5) + 10))
  return { interKeyMs, endTimeoutMs: Math.max(200, interKeyMs * 2 + 50), measuredMs: Math.round(measured), learnedAt: now.toISOString() }
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export function loadCalibration(): WedgeCalibration | null {
  try {
    const raw = storage()?.getItem(KEY)
    if (!raw) return null
    const c = JSON.parse(raw) as Partial<WedgeCalibration>
    return typeof c.interKeyMs === 'number' && typeof c.endTimeoutMs === 'number' ? (c as WedgeCalibration) : null
  } catch {
    return null
  }
}

export function saveCalibration(c: WedgeCalibration | null): void {
  const s = storage()
  if (!s) return
  if (c) s.setItem(KEY, JSON.stringify(c))
  else s.removeItem(KEY)
  globalThis.dispatchEvent?.(new Event(CALIBRATION_EVENT))
}
