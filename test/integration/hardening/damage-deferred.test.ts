import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logging'
import { createStation } from '../../../src/main/station'
import { takeBackup, listBackups } from '../../../src/main/store/backups'
import { DATABASE_FILE, openStore } from '../../../src/main/store/db'
import type { StorageState } from '../../../src/shared/model/station'
import { testNow } from '../../helpers/clock'
import { makeTempDir, startTestStation } from '../../helpers/store'

/**
 * A used station whose database ends with a big table (more rows than the bounded start-up check
 * looks at), so damage in the file's last pages is only visible to the full quick_check.
 */
async function stationWithBigTable(): Promise<string> {
  const dataDir = makeTempDir()
  const station = await startTestStation({ dataDir, demo: true })
  await takeBackup(station.store.db, dataDir, 'manual')
  await station.close()
  await new Promise((r) => setTimeout(r, 50))
  const store = openStore({ dataDir })
  store.db.exec('CREATE TABLE bulk_test (x BLOB)')
  store.db.prepare('INSERT INTO bulk_test (x) SELECT randomblob(400) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000) SELECT i FROM n)').run()
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
  return dataDir
}

/** 40 random 512-byte overwrites in the file's last quarter (the big table's pages). */
function damageTail(file: string, count: number, seed: number): void {
  let x = seed
  const rand = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const size = statSync(file).size
  const from = Math.floor(size * 0.75)
  const fd = openSync(file, 'r+')
  try {
    for (let i = 0; i < count; i++) {
      const block = Buffer.alloc(512)
      for (let j = 0; j < 512; j++) block[j] = Math.floor(rand() * 256)
      writeSync(fd, block, 0, 512, from + Math.floor(rand() * (size - from - 512)))
    }
  } finally {
    closeSync(fd)
  }
}

describe('the start-up integrity check stays cheap and the full check follows in a worker (issue 11, finding 6)', () => {
  it('a big database gets the bounded check before serving (deferredCheck), a small one the whole quick_check', async () => {
    const dataDir = await stationWithBigTable()
    const small = openStore({ dataDir })
    expect(small.deferredCheck).toBe(false)
    small.close()
    const big = openStore({ dataDir, syncCheckMaxBytes: 0 })
    expect(big.deferredCheck).toBe(true)
    big.close()
  }, 60_000)

  it('damage the bounded check cannot see is found right after start: writes are refused with store.corrupt and the status flag is pushed', async () => {
    const dataDir = await stationWithBigTable()
    damageTail(join(dataDir, DATABASE_FILE), 40, 11)
    const backup = listBackups(dataDir)[0]!.path
    const station = await createStation({ dataDir, host: 'headless', version: 'test', logger: silentLogger(), now: testNow, backups: false, syncCheckMaxBytes: 0 })
    const states: StorageState[] = []
    station.events.on('station.storage', (s) => states.push(s))
    try {
      const deadline = Date.now() + 60_000
      while (!states.some((s) => s.corrupt) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(states.at(-1)).toMatchObject({ corrupt: true })
      expect(await station.dispatch('station.info', {})).toMatchObject({ ok: true, value: { storage: { corrupt: true } } })
      expect(await station.dispatch('settings.update', { dock: 'Door 3' })).toMatchObject({ ok: false, error: { code: 'store.corrupt', params: { backup } } })
      const scan = await station.handlers['scans.submit']({ text: 'DAMAGED-1', source: 'test' })
      expect(scan).toMatchObject({ outcome: 'rejected', code: 'store.corrupt' })
      // Reads still work (the operator can look things up until the station is restored).
      expect(await station.dispatch('settings.get', {})).toMatchObject({ ok: true })
    } finally {
      await station.close()
    }
  }, 120_000)

  it('an intact big database starts with the deferred check and is never flagged', async () => {
    const dataDir = await stationWithBigTable()
    const station = await createStation({ dataDir, host: 'headless', version: 'test', logger: silentLogger(), now: testNow, backups: false, syncCheckMaxBytes: 0 })
    try {
      expect(station.store.deferredCheck).toBe(true)
      await new Promise((r) => setTimeout(r, 1500))
      expect(station.store.db.pragma('query_only', { simple: true })).toBe(0)
      expect(await station.dispatch('settings.update', { dock: 'Door 4' })).toMatchObject({ ok: true })
    } finally {
      await station.close()
    }
  }, 60_000)
})
