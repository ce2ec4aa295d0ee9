import type { Migration } from '../migration'

/**
 * Gate sessions and their reads (ADR 0013): one row per session (terminal, door, shipment, how it
 * ended) and one per unique EPC of a session (first/last seen in ms since the epoch, read count, peak
 * RSSI, antennas as a comma list, the verdict), written in batches while the session reads.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'gate-reads',
  up: (db) => {
    db.exec(`
      CREATE TABLE gate_sessions (
        id          INTEGER PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        door        TEXT,
        shipment    TEXT,
        state       TEXT NOT NULL CHECK (state IN ('reading', 'ended', 'confirmed', 'held')),
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        end_reason  TEXT,
        reads       INTEGER NOT NULL DEFAULT 0,
        unique_tags INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX gate_sessions_door ON gate_sessions(door, id);
      CREATE TABLE gate_reads (
        session_id INTEGER NOT NULL REFERENCES gate_sessions(id),
        epc        TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        last_seen  INTEGER NOT NULL,
        count      INTEGER NOT NULL,
        peak_rssi  INTEGER,
        antennas   TEXT NOT NULL,
        cls        TEXT NOT NULL,
        reason     TEXT,
        PRIMARY KEY (session_id, epc)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
