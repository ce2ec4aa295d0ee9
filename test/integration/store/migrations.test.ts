import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE, openStore } from '../../../src/main/store/db'
import { migrate } from '../../../src/main/store/migrate'
import type { Migration } from '../../../src/main/store/migration'
import { migrations } from '../../../src/main/store/migrations'
import { makeTempDir } from '../../helpers/store'

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
  })

  it('0001 creates the whole domain schema on an empty file', () => {
    const db = new Database(':memory:')
    const report = migrate(db, migrations.slice(0, 1), 'memory')
    expect(report).toEqual({ from: 0, to: 1, applied: ['0001-domain'] })
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'settings', 'operators', 'suppliers', 'customers', 'locations', 'items', 'lots', 'license_plates',
        'inbound_orders', 'inbound_lines', 'inbound_expected_plates', 'inbound_expected_units',
        'outbound_shipments', 'outbound_lines', 'outbound_expected_units', 'units', 'events', 'outbox',
        'scan_journal', 'sequences'
      ])
    )
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    // The domain rules live in the schema too: one serial per item, append-only events.
    db.prepare("INSERT INTO items (sku, description, tracking, created_at) VALUES ('A', 'a', 'serial', 'now')").run()
    db.prepare("INSERT INTO units (item_id, serial, updated_at) VALUES (1, 'S1', 'now')").run()
    expect(() => db.prepare("INSERT INTO units (item_id, serial, updated_at) VALUES (1, 'S1', 'now')").run()).toThrow(/UNIQUE/)
    db.prepare("INSERT INTO events (uuid, type, occurred_at, station_id, payload) VALUES ('u', 't', 'now', 's', '{}')").run()
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    expect(() => db.prepare("INSERT INTO items (sku, gtin, description, tracking, created_at) VALUES ('B', '123', 'b', 'none', 'now')").run()).toThrow(/CHECK/)
  })

  it('every migration applies on top of the previous ones', () => {
    for (let n = 1; n <= migrations.length; n++) {
      const db = new Database(':memory:')
      migrate(db, migrations.slice(0, n - 1), 'memory')
      const report = migrate(db, migrations.slice(0, n), 'memory')
      expect(report.to).toBe(n)
      expect(report.applied).toHaveLength(1)
      db.close()
    }
  })

  it('runs all pending migrations in one transaction: a failure leaves the file as it was', () => {
    const db = new Database(':memory:')
    const failing: Migration = { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table') }
    expect(() => migrate(db, [migrations[0]!, failing], 'memory')).toThrow(/no_such_table/)
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(tables(db)).toEqual([])
  })

  it('is idempotent when nothing is pending', () => {
    const dir = makeTempDir()
    openStore({ dataDir: dir }).close()
    const again = openStore({ dataDir: dir })
    expect(again.migration.applied).toEqual([])
    again.close()
  })

  it('refuses a database from a newer Dockside and leaves it untouched', () => {
    const dir = makeTempDir()
    const file = join(dir, DATABASE_FILE)
    const db = new Database(file)
    db.pragma('journal_mode = DELETE')
    db.pragma(`user_version = ${migrations.length + 5}`)
    db.close()
    const before = sha(file)
    expect(() => openStore({ dataDir: dir })).toThrow(/newer Dockside.*left untouched/)
    expect(sha(file)).toBe(before)
  })

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const dir = makeTempDir()
    const file = join(dir, DATABASE_FILE)
    writeFileSync(file, 'this is a spreadsheet, not a database'.repeat(200))
    const before = sha(file)
    expect(() => openStore({ dataDir: dir })).toThrow(/not a Dockside database/)
    expect(sha(file)).toBe(before)
  })

  it('refuses a damaged SQLite file and leaves it untouched', () => {
    const dir = makeTempDir()
    const file = join(dir, DATABASE_FILE)
    const store = openStore({ dataDir: dir })
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    const bytes = readFileSync(file)
    bytes.fill(0xa5, 100, bytes.length) // keep the header magic, destroy the schema pages
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(() => openStore({ dataDir: dir })).toThrow(/damaged|not a database|malformed/i)
    expect(sha(file)).toBe(before)
  })
})
