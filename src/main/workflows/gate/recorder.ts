/**
 * Persists gate sessions while they read (ADR 0013): EPCs whose entry changed are marked, and every
 * `flushMs` one transaction writes each marked EPC's row as it stands (first/last seen, count, peak
 * RSSI, antennas, verdict) and the sessions' totals — never one transaction per read. A failed write
 * (a full disk) keeps the marks and is tried again at the next flush.
 */
import type { Logger } from '../../logging'
import type { GateReadsRepository, GateReadUpsert } from '../../store/repositories/gate-reads'
import type { GateSession } from './session'

/** Default batch period: at the wire rate (~2,000–4,400 reads/s) a batch holds a few hundred changed EPCs. */
export const GATE_RECORD_MS = 250

interface Tracked {
  session: GateSession
  dirty: Set<string>
  header: boolean
  /** No more changes will come: dropped once written. */
  finished: boolean
}

export function createGateRecorder(deps: { repo: GateReadsRepository; logger: Logger; flushMs?: number }) {
  const flushMs = deps.flushMs ?? GATE_RECORD_MS
  const tracked = new Map<number, Tracked>()
  let timer: NodeJS.Timeout | null = null

  const arm = () => {
    timer ??= setTimeout(() => {
      timer = null
      flush()
    }, flushMs)
  }

  function flush(): void {
    const batch: Parameters<GateReadsRepository['writeBatch']>[0][number][] = []
    for (const [sessionId, t] of tracked) {
      if (t.dirty.size === 0 && !t.header) continue
      const reads: GateReadUpsert[] = []
      for (const epc of t.dirty) {
        const tag = t.session.tagOf(epc)
        if (tag) reads.push({ epc, firstSeen: tag.firstSeen, lastSeen: tag.lastSeen, count: tag.count, peakRssi: tag.peakRssi, antennas: tag.antennas, cls: tag.cls, reason: tag.reason })
      }
      batch.push({ sessionId, reads, totals: t.session.totals() })
    }
    if (batch.length === 0) return
    try {
      deps.repo.writeBatch(batch)
      for (const b of batch) {
        const t = tracked.get(b.sessionId)
        if (!t) continue
        t.dirty.clear()
        t.header = false
        if (t.finished) tracked.delete(b.sessionId)
      }
    } catch (error) {
      deps.logger.warn({ err: error, sessions: batch.length }, 'gate reads not written; retrying at the next batch')
      arm()
    }
  }

  return {
    /** Starts recording a session; returns its id. */
    begin(session: GateSession, meta: { terminalId: string; door: string | null; shipment: string | null; startedAt: string }): number {
      const id = deps.repo.begin(meta.terminalId, meta.door, meta.shipment, meta.startedAt)
      tracked.set(id, { session, dirty: new Set(), header: false, finished: false })
      return id
    },
    /** The tag `epc` (upper-case) of a session changed. */
    mark(sessionId: number, epc: string): void {
      const t = tracked.get(sessionId)
      if (!t) return
      t.dirty.add(epc)
      arm()
    },
    /** The session's state changed (ended, confirmed, held): written with the next batch, or now. */
    touch(sessionId: number, now = false): void {
      const t = tracked.get(sessionId)
      if (!t) return
      t.header = true
      if (now) flush()
      else arm()
    },
    /** Writes what is pending for the session now and stops recording it (kept until written). */
    finish(sessionId: number): void {
      const t = tracked.get(sessionId)
      if (!t) return
      t.header = true
      t.finished = true
      flush()
    },
    flush,
    close(): void {
      if (timer) clearTimeout(timer)
      timer = null
      flush()
      tracked.clear()
    }
  }
}

export type GateRecorder = ReturnType<typeof createGateRecorder>
