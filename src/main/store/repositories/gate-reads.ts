import type { GateState, TagClass } from '../../../shared/contract-areas/gate'
import { inImmediateTransaction, type Db } from '../sql'
import { prepare } from './statement'

export interface GateSessionRow {
  id: number
  terminal_id: string
  door: string | null
  shipment: string | null
  state: GateState
  started_at: string
  ended_at: string | null
  end_reason: string | null
  reads: number
  unique_tags: number
}

export interface GateReadRow {
  epc: string
  first_seen: number
  last_seen: number
  count: number
  peak_rssi: number | null
  antennas: string
  cls: TagClass
  reason: string | null
}

/** One unique EPC of a session as it stands now (what a batch writes). */
export interface GateReadUpsert {
  epc: string
  firstSeen: number
  lastSeen: number
  count: number
  peakRssi: number | null
  antennas: readonly number[]
  cls: TagClass
  reason: string | null
}

export interface GateSessionTotals {
  state: GateState
  endedAt: string | null
  endReason: string | null
  reads: number
  uniqueTags: number
}

const SESSION = 'SELECT id, terminal_id, door, shipment, state, started_at, ended_at, end_reason, reads, unique_tags FROM gate_sessions'

/** Gate sessions and their per-EPC reads (migration 0007). */
export function createGateReadsRepository(db: Db) {
  const insertSession = prepare<[string, string | null, string | null, string]>(db, "INSERT INTO gate_sessions (terminal_id, door, shipment, state, started_at) VALUES (?, ?, ?, 'reading', ?)")
  const updateSession = prepare<[string, string | null, string | null, number, number, number]>(db, 'UPDATE gate_sessions SET state = ?, ended_at = ?, end_reason = ?, reads = ?, unique_tags = ? WHERE id = ?')
  const upsertRead = prepare<[number, string, number, number, number, number | null, string, string, string | null]>(
    db,
    `INSERT INTO gate_reads (session_id, epc, first_seen, last_seen, count, peak_rssi, antennas, cls, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id, epc) DO UPDATE SET last_seen = excluded.last_seen, count = excluded.count, peak_rssi = excluded.peak_rssi, antennas = excluded.antennas, cls = excluded.cls, reason = excluded.reason`
  )
  const byId = prepare<[number], GateSessionRow>(db, `${SESSION} WHERE id = ?`)
  const recent = prepare<[string | null, string | null, number], GateSessionRow>(db, `${SESSION} WHERE (? IS NULL OR door = ?) ORDER BY id DESC LIMIT ?`)
  const reads = prepare<[number], GateReadRow>(db, 'SELECT epc, first_seen, last_seen, count, peak_rssi, antennas, cls, reason FROM gate_reads WHERE session_id = ? ORDER BY first_seen, epc')
  const endInterrupted = prepare<[string, string]>(db, "UPDATE gate_sessions SET state = 'ended', ended_at = ?, end_reason = ? WHERE state = 'reading'")

  /** Every changed EPC of every session in the batch, and the sessions' totals, in one transaction. */
  const writeBatch = inImmediateTransaction(db, (batch: ReadonlyArray<{ sessionId: number; reads: readonly GateReadUpsert[]; totals: GateSessionTotals }>) => {
    for (const b of batch) {
      for (const r of b.reads) upsertRead.run(b.sessionId, r.epc, r.firstSeen, r.lastSeen, r.count, r.peakRssi, r.antennas.join(','), r.cls, r.reason)
      const t = b.totals
      updateSession.run(t.state, t.endedAt, t.endReason, t.reads, t.uniqueTags, b.sessionId)
    }
  })

  return {
    begin: (terminalId: string, door: string | null, shipment: string | null, startedAt: string): number => Number(insertSession.run(terminalId, door, shipment, startedAt).lastInsertRowid),
    writeBatch,
    byId: (id: number) => byId.get(id) ?? null,
    /** Most recent first; `door` null: every door. */
    recent: (door: string | null, limit: number) => recent.all(door, door, limit),
    reads: (sessionId: number) => reads.all(sessionId),
    /** Sessions still `reading` when the station stopped: ended, with the reason given. */
    endInterrupted: (at: string, reason: string): number => endInterrupted.run(at, reason).changes
  }
}

export type GateReadsRepository = ReturnType<typeof createGateReadsRepository>
