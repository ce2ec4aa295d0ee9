import type { Migration } from '../migration'

interface LegacySetting {
  value: string
}

/**
 * The scanner registry (ADR 0017): the scanners site IT adds by port, with their baud, suffix, name,
 * terminal and on/off. The old `serialScannerPorts` setting is moved in here (with each port's
 * terminal from `scannerTerminals`) and retired: the registry is the one place serial scanners are set.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'scanner-registry',
  up: (db) => {
    db.exec(`
      CREATE TABLE scanners (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        kind        TEXT NOT NULL CHECK (kind IN ('serial', 'hid')),
        port        TEXT NOT NULL UNIQUE CHECK (length(port) BETWEEN 1 AND 260),
        baud        INTEGER NOT NULL DEFAULT 9600 CHECK (baud > 0),
        suffix      TEXT NOT NULL DEFAULT 'crlf' CHECK (suffix IN ('cr', 'lf', 'crlf', 'tab', 'none')),
        terminal_id TEXT,
        enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `)
    const read = db.prepare<[string], LegacySetting>('SELECT value FROM settings WHERE key = ?')
    const parse = (key: string): unknown => {
      const row = read.get(key)
      try {
        return row ? JSON.parse(row.value) : undefined
      } catch {
        return undefined
      }
    }
    const ports = parse('serialScannerPorts')
    const terminals = parse('scannerTerminals')
    const assigned = terminals && typeof terminals === 'object' ? (terminals as Record<string, unknown>) : {}
    const insert = db.prepare(`INSERT OR IGNORE INTO scanners (name, kind, port, terminal_id, created_at, updated_at) VALUES (?, 'serial', ?, ?, ?, ?)`)
    const at = new Date().toISOString()
    if (Array.isArray(ports)) {
      for (const port of ports) {
        if (typeof port !== 'string' || port.length === 0 || port.length > 260) continue
        const terminal = assigned[`serial:${port}`]
        insert.run(port.slice(0, 80), port, typeof terminal === 'string' ? terminal : null, at, at)
      }
    }
    db.prepare(`DELETE FROM settings WHERE key = 'serialScannerPorts'`).run()
  }
}
