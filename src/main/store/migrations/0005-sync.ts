import type { Migration } from '../migration'

/**
 * The station's sync engine (ADR 0014): the pull cursor and last success (`sync_state`, advanced in the
 * same transaction as the changes it applied), the unit registry as upstream sees it
 * (`upstream_units`: where every unit is across sites), conflicts raised upstream for this station
 * (`sync_conflicts`, resolved by a supervisor with a note), and outbox rows the server refused as
 * malformed (`refused`: never retried, kept for support).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE upstream_units (
        gtin            TEXT NOT NULL,
        serial          TEXT NOT NULL,
        status          TEXT NOT NULL,
        condition       TEXT,
        location_code   TEXT,
        plate_code      TEXT,
        station         TEXT NOT NULL,
        last_event_uuid TEXT NOT NULL,
        last_event_at   TEXT NOT NULL,
        PRIMARY KEY (gtin, serial)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE sync_conflicts (
        id                  INTEGER PRIMARY KEY,
        upstream_id         INTEGER NOT NULL UNIQUE,
        kind                TEXT NOT NULL,
        gtin                TEXT NOT NULL,
        serial              TEXT NOT NULL,
        stations            TEXT NOT NULL CHECK (json_valid(stations)),
        event_uuids         TEXT NOT NULL CHECK (json_valid(event_uuids)),
        counterfeit_suspect INTEGER NOT NULL CHECK (counterfeit_suspect IN (0,1)),
        raised_at           TEXT NOT NULL,
        resolved_at         TEXT,
        resolved_by         INTEGER REFERENCES operators(id),
        resolution_note     TEXT
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts(id) WHERE resolved_at IS NULL;
      ALTER TABLE outbox ADD COLUMN refused TEXT;
    `)
  }
}
