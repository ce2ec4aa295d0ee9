import type { GateSessionRead, GateSessionSummary } from '../../../shared/contract-areas/gate'
import type { GateReadRow, GateSessionRow } from '../../store/repositories/gate-reads'

/** Rows of migration 0007 → the contract's shapes. */
export const sessionSummary = (r: GateSessionRow): GateSessionSummary => ({
  id: r.id,
  terminalId: r.terminal_id,
  door: r.door,
  shipment: r.shipment,
  state: r.state,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endReason: r.end_reason,
  reads: r.reads,
  uniqueTags: r.unique_tags
})

export const sessionRead = (r: GateReadRow): GateSessionRead => ({
  epc: r.epc,
  cls: r.cls,
  reason: r.reason,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  count: r.count,
  peakRssi: r.peak_rssi,
  antennas: r.antennas === '' ? [] : r.antennas.split(',').map(Number)
})
