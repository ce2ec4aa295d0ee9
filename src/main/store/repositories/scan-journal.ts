import type { Db } from '../sql'
import type { ScanOutcome } from '../../../shared/contract-areas/scans'

export interface ScanJournalInsert {
  scannedAt: string
  deviceId: string
  terminalId: string
  raw: Buffer
  text: string | null
  symbology: string | null
  outcome: ScanOutcome
  code: string
  params: string
  message: string
  eventId: number | null
}

export interface ScanJournalRecord {
  id: number
  scanned_at: string
  device_id: string
  terminal_id: string | null
  raw: Buffer
  text: string | null
  symbology: string | null
  outcome: ScanOutcome
  code: string | null
  params: string | null
  message: string | null
  event_id: number | null
}

/** The scan journal: every scan's bytes and outcome, the evidence when an operator says "I scanned it". */
export function createScanJournalRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO scan_journal (scanned_at, device_id, terminal_id, raw, text, symbology, outcome, code, params, message, event_id)
     VALUES (@scannedAt, @deviceId, @terminalId, @raw, @text, @symbology, @outcome, @code, @params, @message, @eventId)`
  )
  const select = db.prepare<[string | null, string | null, number], ScanJournalRecord>(
    `SELECT id, scanned_at, device_id, terminal_id, raw, text, symbology, outcome, code, params, message, event_id FROM scan_journal
      WHERE (? IS NULL OR device_id = ?) ORDER BY id DESC LIMIT ?`
  )
  return {
    insert: (row: ScanJournalInsert): number => Number(insert.run(row).lastInsertRowid),
    latest: (limit: number, deviceId?: string): ScanJournalRecord[] => select.all(deviceId ?? null, deviceId ?? null, limit)
  }
}

export type ScanJournalRepository = ReturnType<typeof createScanJournalRepository>
