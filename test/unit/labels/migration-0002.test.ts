import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/store/migrate'
import { migration0001 } from '../../../src/main/store/migrations/0001-domain'
import { migration0002 } from '../../../src/main/store/migrations/0002-print-queue'
import { migrations } from '../../../src/main/store/migrations'

describe('migration 0002 print-queue', () => {
  it('is listed right after 0001 and upgrades a version-1 database', () => {
    expect(migrations.indexOf(migration0002)).toBe(migrations.indexOf(migration0001) + 1)
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, [migration0001], 'mem')
    const report = migrate(db, [migration0001, migration0002], 'mem')
    expect(report).toMatchObject({ from: 1, to: 2, applied: ['0002-print-queue'] })
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['printers', 'print_jobs', 'print_batches']))
    db.close()
  })

  it('allows one live original per label, and reprints only with a reason', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, [migration0001, migration0002], 'mem')
    const now = '2026-01-01T00:00:00Z'
    db.prepare(`INSERT INTO printers (id, name, uri, created_at) VALUES ('p', 'p', 'tcp://x:9100', ?)`).run(now)
    const ins = db.prepare(
      `INSERT INTO print_jobs (uuid, printer_id, template, data, label_key, kind, reprint_of, reason, status, created_at, updated_at) VALUES (?, 'p', 'unit', '{}', 'k', ?, ?, ?, ?, ?, ?)`
    )
    ins.run('a', 'original', null, null, 'cancelled', now, now)
    ins.run('b', 'original', null, null, 'confirmed', now, now)
    expect(() => ins.run('c', 'original', null, null, 'queued', now, now)).toThrow(/UNIQUE/)
    expect(() => ins.run('d', 'reprint', 2, null, 'queued', now, now)).toThrow(/CHECK/)
    expect(() => ins.run('e', 'reprint', 2, '  ', 'queued', now, now)).toThrow(/CHECK/)
    ins.run('f', 'reprint', 2, 'torn', 'queued', now, now)
    expect(() => ins.run('g', 'original', null, null, 'printing', now, now)).toThrow(/CHECK/)
    db.close()
  })
})
