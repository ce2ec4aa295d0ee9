import type { Migration } from '../migration'
import { CHAINED_COLUMNS, eventHash, GENESIS_HASH, type ChainedRow } from '../audit/chain'

/**
 * Roles and the audit chain (ADR 0015): operators get a wrong-PIN counter and a lock; every event row
 * carries the hash of the row before it (existing rows are chained here, in id order) and
 * `event_chain` keeps the newest link, so removing the last rows is noticed too.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'access-audit',
  up: (db) => {
    db.exec(`
      ALTER TABLE operators ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE operators ADD COLUMN locked_until TEXT;
      -- Units an order line may end short or over without a supervisor's approval (issue #12.3).
      ALTER TABLE items ADD COLUMN receipt_tolerance INTEGER NOT NULL DEFAULT 0 CHECK (receipt_tolerance >= 0);
      ALTER TABLE events ADD COLUMN prev_hash TEXT;
      CREATE TABLE event_chain (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        last_event_id INTEGER NOT NULL,
        last_hash     TEXT NOT NULL
      ) STRICT;
      DROP TRIGGER events_no_update;
    `)
    const setPrev = db.prepare('UPDATE events SET prev_hash = ? WHERE id = ?')
    let prev = GENESIS_HASH
    let lastId = 0
    // In pages: a bench store has millions of events, and a statement cannot write while another reads.
    const page = db.prepare<[number], ChainedRow>(`SELECT ${CHAINED_COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT 5000`)
    for (let rows = page.all(lastId); rows.length > 0; rows = page.all(lastId)) {
      for (const row of rows) {
        setPrev.run(prev, row.id)
        prev = eventHash({ ...row, prev_hash: prev })
        lastId = row.id
      }
    }
    db.prepare('INSERT INTO event_chain (id, last_event_id, last_hash) VALUES (1, ?, ?)').run(lastId, prev)
    db.exec(`
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `)
  }
}
