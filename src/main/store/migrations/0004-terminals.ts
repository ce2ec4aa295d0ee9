import type { Migration } from '../migration'

/**
 * Terminals (ADR 0009): a station drives several screens at once, each a terminal with its own
 * workflow state. The open order and the current plate are kept here so a restart resumes where each
 * terminal was; the active scan workflow too. `scan_journal` keeps the outcome as a code with its
 * parameters (the renderer words it) and the terminal the scan went to.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'terminals',
  up: (db) => {
    db.exec(`
      CREATE TABLE terminals (
        id          TEXT PRIMARY KEY,
        workflow    TEXT NOT NULL DEFAULT 'default',
        order_id    INTEGER REFERENCES inbound_orders(id),
        plate_id    INTEGER REFERENCES license_plates(id),
        updated_at  TEXT NOT NULL
      ) STRICT;
      ALTER TABLE scan_journal ADD COLUMN code TEXT;
      ALTER TABLE scan_journal ADD COLUMN params TEXT CHECK (params IS NULL OR json_valid(params));
      ALTER TABLE scan_journal ADD COLUMN terminal_id TEXT;
    `)
  }
}
