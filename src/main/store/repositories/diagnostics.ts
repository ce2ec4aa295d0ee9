import type { Db } from '../sql'

export interface DiagnosticJournalRow {
  id: number
  scannedAt: string
  deviceId: string
  terminalId: string | null
  rawHex: string
  text: string | null
  symbology: string | null
  outcome: string
  code: string | null
  message: string | null
}

/** What a diagnostics bundle reads from the store. */
export function createDiagnosticsRepository(db: Db) {
  const journal = db.prepare<[number], DiagnosticJournalRow>(
    `SELECT id, scanned_at AS scannedAt, device_id AS deviceId, terminal_id AS terminalId, hex(raw) AS rawHex, text, symbology, outcome, code, message
       FROM scan_journal ORDER BY id DESC LIMIT ?`
  )
  const version = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v')
  return {
    recentScans: (limit: number): DiagnosticJournalRow[] => journal.all(limit),
    sqliteVersion: (): string => version.get()?.v ?? 'unknown',
    schemaVersion: (): number => db.pragma('user_version', { simple: true }) as number
  }
}
