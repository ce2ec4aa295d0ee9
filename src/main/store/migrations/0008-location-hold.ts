import type { Migration } from '../migration'

/**
 * Hold (quarantine) locations (issue 12, item 1): recalled, quarantined and expired units may only be
 * put away to a location with `hold = 1` (a supervisor may override, audited on the event).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'location-hold',
  up: (db) => {
    db.exec(`ALTER TABLE locations ADD COLUMN hold INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0,1));`)
  }
}
