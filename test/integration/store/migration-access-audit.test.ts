import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { migration0009 as accessAudit } from '../../../src/main/store/migrations/0009-access-audit'
import { createEventLog } from '../../../src/main/store/event-log'
import { createAuditRepository } from '../../../src/main/store/repositories/audit'

describe('migration access-audit', () => {
  it('chains the events a station already had, in id order, so verify holds and later appends extend the chain', () => {
    const at = migrations.indexOf(accessAudit)
    expect(at).toBeGreaterThan(0)
    const db = new Database(':memory:')
    migrate(db, migrations.slice(0, at), 'memory')
    const insert = db.prepare("INSERT INTO events (uuid, type, occurred_at, station_id, payload) VALUES (?, 'old.event', 'then', 's', ?)")
    for (let i = 0; i < 12_000; i++) insert.run(`u${i}`, JSON.stringify({ i }))
    db.prepare("INSERT INTO operators (name, role, created_at) VALUES ('Old admin', 'admin', 'then')").run()
    expect(migrate(db, migrations, 'memory')).toMatchObject({ from: at, to: migrations.length, applied: expect.arrayContaining([`${String(accessAudit.version).padStart(4, '0')}-${accessAudit.name}`]) })
    const audit = createAuditRepository(db)
    expect(audit.verify()).toEqual({ ok: true, events: 12_000 })
    createEventLog(db, 's').append({ type: 'new.event', payload: {} })
    expect(audit.verify()).toEqual({ ok: true, events: 12_001 })
    // The append-only triggers are back after the migration.
    expect(() => db.prepare("UPDATE events SET type = 'x' WHERE id = 1").run()).toThrow(/append-only/)
    expect(db.prepare('SELECT failed_pins, locked_until FROM operators').get()).toEqual({ failed_pins: 0, locked_until: null })
    expect(db.prepare("SELECT receipt_tolerance FROM items LIMIT 1").all()).toEqual([])
  })

  it('an empty store starts the chain at the genesis hash', () => {
    const db = new Database(':memory:')
    migrate(db, migrations, 'memory')
    expect(db.prepare('SELECT last_event_id, last_hash FROM event_chain').get()).toEqual({ last_event_id: 0, last_hash: '0'.repeat(64) })
    expect(createAuditRepository(db).verify()).toEqual({ ok: true, events: 0 })
  })
})
