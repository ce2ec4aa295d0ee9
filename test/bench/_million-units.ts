import Database from 'better-sqlite3'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE, openStore } from '../../src/main/store/db'
import { eventHash, GENESIS_HASH } from '../../src/main/store/audit/chain'
import { migrations } from '../../src/main/store/migrations'

export const BENCH_UNITS = 1_000_000
/** Events per unit in the bench database: a million units with five million events of history. */
export const EVENTS_PER_UNIT = 5
const HISTORY = ['unit.received', 'label.printed', 'unit.stored', 'unit.inspected', 'unit.moved'] as const

/**
 * A station database with 1 M units and 5 M events (each with its outbox row, already sent) for the
 * benchmarks, built once per schema version and reused from the temp dir.
 */
export function millionUnitDataDir(): string {
  const dir = join(tmpdir(), `dockside-bench-1m-v${migrations.length}-e${EVENTS_PER_UNIT}`)
  const file = join(dir, DATABASE_FILE)
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true })
    const n = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n
    db.close()
    if (n === BENCH_UNITS) return dir
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const started = performance.now()
  const store = openStore({ dataDir: dir })
  const db = store.db
  db.pragma('synchronous = OFF')
  const now = new Date().toISOString()
  db.transaction(() => {
    db.prepare("INSERT INTO suppliers (code, name) VALUES ('SUP-BENCH', 'Bench supplier')").run()
    db.prepare("INSERT INTO locations (code, name, kind) VALUES ('BENCH', 'Bench site', 'site')").run()
    const item = db.prepare("INSERT INTO items (sku, gtin, description, tracking, created_at) VALUES (?, ?, 'Bench item', 'serial', ?)")
    for (let i = 0; i < 1000; i++) item.run(`SKU-${i}`, String(10_000_000_000_000 + i * 10).padStart(14, '0'), now)
    const unit = db.prepare("INSERT INTO units (item_id, serial, lot, supplier_id, status, location_id, received_at, updated_at) VALUES (?, ?, ?, 1, 'stored', 1, ?, ?)")
    const event = db.prepare("INSERT INTO events (uuid, type, occurred_at, station_id, unit_id, payload, prev_hash) VALUES (?, ?, ?, 'bench', ?, '{}', ?)")
    // The rows are hash-chained as the event log writes them (ADR 0015), so `audit verify` holds on this store.
    let prev = GENESIS_HASH
    let lastId = 0
    const outbox = db.prepare('INSERT INTO outbox (event_id, created_at, sent_at) VALUES (?, ?, ?)')
    for (let u = 1; u <= BENCH_UNITS; u++) {
      unit.run((u % 1000) + 1, `SN${u.toString(36).toUpperCase().padStart(8, '0')}`, `L${u % 500}`, now, now)
      for (const type of HISTORY) {
        const uuid = `bench-${u}-${type}`
        const eventId = Number(event.run(uuid, type, now, u, prev).lastInsertRowid)
        outbox.run(eventId, now, now)
        prev = eventHash({ id: eventId, uuid, type, occurred_at: now, station_id: 'bench', operator_id: null, unit_id: u, plate_id: null, order_id: null, location_id: null, reason: null, payload: '{}', prev_hash: prev })
        lastId = eventId
      }
    }
    db.prepare('UPDATE event_chain SET last_event_id = ?, last_hash = ? WHERE id = 1').run(lastId, prev)
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
  console.log(`(built the bench database — 1 M units, ${EVENTS_PER_UNIT} M events — in ${((performance.now() - started) / 1000).toFixed(1)} s at ${dir})`)
  return dir
}
