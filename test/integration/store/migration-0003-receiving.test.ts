import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { migration0003 } from '../../../src/main/store/migrations/0003-receiving'

describe('migration 0003-receiving', () => {
  it('applies on a database with orders at schema 2: receipts table, plate nesting column, look-up indices', () => {
    expect(migrations[2]).toBe(migration0003)
    const db = new Database(':memory:')
    migrate(db, migrations.slice(0, 2), 'memory')
    db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('ASN-1', 'asn', 'now')").run()
    db.prepare("INSERT INTO inbound_expected_plates (order_id, code) VALUES (1, '106141412345678908')").run()
    const report = migrate(db, migrations.slice(0, 3), 'memory')
    expect(report).toEqual({ from: 2, to: 3, applied: ['0003-receiving'] })
    expect(db.prepare('SELECT code, parent_id FROM inbound_expected_plates').all()).toEqual([{ code: '106141412345678908', parent_id: null }])
    const indices = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name)
    expect(indices).toEqual(
      expect.arrayContaining(['receipts_plate', 'receipts_exceptions', 'receipts_scan', 'receipts_operator', 'receipts_unit', 'units_location', 'events_location', 'inbound_expected_units_serial_any', 'inbound_expected_plates_parent'])
    )
  })

  it('receipts: kinds and reasons are checked by the schema', () => {
    const db = new Database(':memory:')
    migrate(db, migrations.slice(0, 3), 'memory')
    db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('PO-1', 'po', 'now')").run()
    const insert = (kind: string, reason: string | null, qty = 1) =>
      db.prepare('INSERT INTO receipts (scan_id, order_id, kind, reason, qty, created_at) VALUES (1, 1, ?, ?, ?, ?)').run(kind, reason, qty, 'now')
    insert('unit', null)
    insert('exception', 'damaged')
    expect(() => insert('exception', null)).toThrow(/CHECK/)
    expect(() => insert('unit', 'damaged')).toThrow(/CHECK/)
    expect(() => insert('exception', 'stolen')).toThrow(/CHECK/)
    expect(() => insert('pallet', null)).toThrow(/CHECK/)
    expect(() => insert('quantity', null, 0)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE receipts SET status = 'deleted'").run()).toThrow(/CHECK/)
    expect(() => db.prepare('DELETE FROM receipts').run()).toThrow(/never deleted/)
  })

  it('line_counts follow receipts through triggers: received, damaged, no label; undo subtracts', () => {
    const db = new Database(':memory:')
    migrate(db, migrations.slice(0, 3), 'memory')
    db.prepare("INSERT INTO items (sku, description, tracking, created_at) VALUES ('A', 'a', 'none', 'now')").run()
    db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('PO-1', 'po', 'now')").run()
    db.prepare('INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected) VALUES (1, 1, 1, 10)').run()
    const add = (kind: string, reason: string | null, qty: number) =>
      Number(db.prepare('INSERT INTO receipts (scan_id, order_id, line_id, kind, reason, qty, created_at) VALUES (1, 1, 1, ?, ?, ?, ?)').run(kind, reason, qty, 'now').lastInsertRowid)
    const counts = () => db.prepare('SELECT received, damaged, no_label FROM line_counts WHERE line_id = 1').get()
    const q = add('quantity', null, 4)
    add('unit', null, 1)
    const d = add('exception', 'damaged', 2)
    add('exception', 'no_label', 3)
    add('exception', 'wrong_item', 5)
    expect(counts()).toEqual({ received: 5, damaged: 2, no_label: 3 })
    db.prepare("UPDATE receipts SET status = 'undone' WHERE id IN (?, ?)").run(q, d)
    expect(counts()).toEqual({ received: 1, damaged: 0, no_label: 3 })
    db.prepare("UPDATE receipts SET status = 'undone' WHERE id = ?").run(q) // already undone: no change
    expect(counts()).toEqual({ received: 1, damaged: 0, no_label: 3 })
  })

  it('the unit look-up by serial and its timeline use indices (no table scan)', () => {
    const db = new Database(':memory:')
    migrate(db, migrations, 'memory')
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan("SELECT * FROM units WHERE serial = 'x'")).toMatch(/USING INDEX units_serial/)
    expect(plan('SELECT * FROM events WHERE unit_id = 1 ORDER BY id')).toMatch(/USING INDEX events_unit/)
    expect(plan('SELECT * FROM events WHERE location_id = 1 ORDER BY id DESC LIMIT 10')).toMatch(/USING INDEX events_location/)
    expect(plan("SELECT reason, sum(qty) FROM receipts WHERE order_id = 1 AND kind = 'exception' AND status = 'active' GROUP BY reason")).toMatch(/USING (COVERING )?INDEX receipts_exceptions/)
  })
})
