import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir, startTestStation } from '../../helpers/store'
import { runCli } from '../../helpers/cli'

const run = (args: string[]) => runCli(args)

/** Opens the station file behind Dockside's back, without the append-only triggers, as an attacker would. */
function tamper(dataDir: string, edit: (db: Database.Database) => void) {
  const db = new Database(join(dataDir, 'dockside.sqlite'))
  db.pragma('foreign_keys = OFF')
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;')
  edit(db)
  db.close()
}

async function demoStore(): Promise<string> {
  const dataDir = makeTempDir()
  const station = await startTestStation({ dataDir, demo: true })
  await station.dispatch('session.signIn', { operatorId: 2, pin: '4321' })
  await station.dispatch('receiving.open', { order: 'PO-1001' })
  await station.close()
  return dataDir
}

describe('dockside operators (exact CLI contract, issue #10)', () => {
  it('adds operators and lists them; a duplicate badge or an unknown role exits 2 with the reason', { timeout: 60_000 }, async () => {
    const dir = makeTempDir()
    const added = await run(['operators', 'add', '--name', 'Ana Ruiz', '--role', 'administrator', '--badge', 'B-1', '--data-dir', dir])
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toEqual({ id: 1, name: 'Ana Ruiz', role: 'administrator' })
    const second = await run(['operators', 'add', '--name', 'Luis', '--role', 'operator', '--data-dir', dir])
    expect(JSON.parse(second.stdout)).toEqual({ id: 2, name: 'Luis', role: 'operator' })
    const duplicate = await run(['operators', 'add', '--name', 'Copy', '--role', 'operator', '--badge', 'B-1', '--data-dir', dir])
    expect(duplicate.code).toBe(2)
    expect(duplicate.stderr).toMatch(/badge B-1 already belongs to Ana Ruiz/)
    const badRole = await run(['operators', 'add', '--name', 'X', '--role', 'boss', '--data-dir', dir])
    expect(badRole.code).toBe(2)
    expect(badRole.stderr).toMatch(/Unknown role "boss"/)
    const list = await run(['operators', 'list', '--data-dir', dir])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual([
      { id: 1, name: 'Ana Ruiz', role: 'administrator', badge: 'B-1', active: true },
      { id: 2, name: 'Luis', role: 'operator', badge: null, active: true }
    ])
  })
})

describe('dockside audit verify', () => {
  it('passes on an untouched store and names the first broken link after a row was altered', { timeout: 60_000 }, async () => {
    const dir = await demoStore()
    const ok = await run(['audit', 'verify', '--data-dir', dir])
    expect(ok.code).toBe(0)
    const verdict = JSON.parse(ok.stdout) as { ok: boolean; events: number }
    expect(verdict).toEqual({ ok: true, events: expect.any(Number) })
    expect(verdict.events).toBeGreaterThan(3)
    tamper(dir, (db) => db.prepare("UPDATE events SET payload = '{\"method\":\"badge\"}' WHERE id = 3").run())
    const broken = await run(['audit', 'verify', '--data-dir', dir])
    expect(broken.code).toBe(2)
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenEventId: 4 })
  })

  it('finds a removed row, a removed last row and two rows swapped', { timeout: 90_000 }, async () => {
    const removed = await demoStore()
    tamper(removed, (db) => db.prepare('DELETE FROM events WHERE id = 2').run())
    expect(JSON.parse((await run(['audit', 'verify', '--data-dir', removed])).stdout)).toMatchObject({ ok: false, firstBrokenEventId: 3 })

    const lastGone = await demoStore()
    tamper(lastGone, (db) => db.prepare('DELETE FROM events WHERE id = (SELECT max(id) FROM events)').run())
    const last = await run(['audit', 'verify', '--data-dir', lastGone])
    expect(last.code).toBe(2)
    expect(JSON.parse(last.stdout)).toMatchObject({ ok: false })

    const swapped = await demoStore()
    tamper(swapped, (db) => {
      db.prepare('UPDATE events SET id = -1 WHERE id = 2').run()
      db.prepare('UPDATE events SET id = 2 WHERE id = 3').run()
      db.prepare('UPDATE events SET id = 3 WHERE id = -1').run()
    })
    expect(JSON.parse((await run(['audit', 'verify', '--data-dir', swapped])).stdout)).toMatchObject({ ok: false, firstBrokenEventId: 2 })
  })
})
