import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE, openStore } from '../../src/main/store/db'
import { millionUnitDataDir } from './_million-units'

export const BENCH_GTIN = '09521234543213'
export const BENCH_PEN_GTIN = '80614141123458'

/**
 * A copy of the shared 1 M-unit database (so that one stays at exactly 1 M units) with what receiving
 * needs on top: a dock, a bin, a serialised monitor (rule: MN + 8 characters), a lot+serial pen, and
 * purchase order PO-BENCH expecting 100,000 monitors.
 */
export function receivingBenchDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-bench-rcv-'))
  copyFileSync(join(millionUnitDataDir(), DATABASE_FILE), join(dataDir, DATABASE_FILE))
  const store = openStore({ dataDir })
  const db = store.db
  const now = new Date().toISOString()
  db.transaction(() => {
    db.prepare("INSERT INTO locations (code, name, kind, parent_id) VALUES ('BENCH-DOCK', 'Dock', 'dock', 1), ('BENCH-BIN-1', 'Bin 1', 'bin', 1)").run()
    const bin = (db.prepare("SELECT id FROM locations WHERE code = 'BENCH-BIN-1'").get() as { id: number }).id
    const item = db.prepare('INSERT INTO items (sku, gtin, description, tracking, serial_rule, default_bin_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    item.run('BENCH-MON', BENCH_GTIN, 'Monitor', 'serial', JSON.stringify({ prefix: 'MN', minLength: 10, maxLength: 10, charset: 'alphanumeric' }), bin, now)
    item.run('BENCH-PEN', BENCH_PEN_GTIN, 'Pen', 'lot_serial', JSON.stringify({ charset: 'numeric', minLength: 6, maxLength: 12 }), bin, now)
    const po = Number(db.prepare("INSERT INTO inbound_orders (number, kind, supplier_id, created_at) VALUES ('PO-BENCH', 'po', 1, ?)").run(now).lastInsertRowid)
    db.prepare("INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected) VALUES (?, 1, (SELECT id FROM items WHERE sku = 'BENCH-MON'), 100000)").run(po)
  })()
  store.close()
  return dataDir
}
