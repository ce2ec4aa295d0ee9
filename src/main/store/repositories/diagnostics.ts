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
       FROM scan_journal
       -- an operator badge is a credential: never in a bundle that leaves the site
       WHERE text IS NULL OR text NOT IN (SELECT badge FROM operators WHERE badge IS NOT NULL)
       ORDER BY id DESC LIMIT ?`
  )
  const version = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v')
  return {
    recentScans: (limit: number): DiagnosticJournalRow[] => journal.all(limit),
    sqliteVersion: (): string => version.get()?.v ?? 'unknown',
    schemaVersion: (): number => db.pragma('user_version', { simple: true }) as number
  }
}
