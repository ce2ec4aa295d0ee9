import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { takeBackup, listBackups } from '../../../src/main/store/backups'
import { DATABASE_FILE, openStore } from '../../../src/main/store/db'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir, startTestStation } from '../../helpers/store'

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 })

/** A station folder with demo data, closed, and (by default) one backup. */
async function usedStation(withBackup = true): Promise<string> {
  const dataDir = makeTempDir()
  const station = await startTestStation({ dataDir, demo: true })
  if (withBackup) await takeBackup(station.store.db, dataDir, 'manual')
  await station.close()
  // No free pages: every overwrite below lands in a page the database uses (a damaged free page is harmless).
  const store = openStore({ dataDir })
  store.db.exec('VACUUM')
  store.close()
  return dataDir
}

/** Overwrites `count` random 512-byte blocks after the first page (the header stays intact). */
function damage(file: string, count: number, seed: number): void {
  let x = seed
  const rand = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  try {
    for (let i = 0; i < count; i++) {
      const block = Buffer.alloc(512)
      for (let j = 0; j < 512; j++) block[j] = Math.floor(rand() * 256)
      writeSync(fd, block, 0, 512, 4096 + Math.floor(rand() * Math.max(1, size - 4096 - 512)))
    }
  } finally {
    closeSync(fd)
  }
}

describe('damage is found at start, with the way back (issue 11, finding 6)', () => {
  it('a database with 40 random 512-byte overwrites (header intact) is refused at start, naming the newest backup', async () => {
    const dataDir = await usedStation()
    damage(join(dataDir, DATABASE_FILE), 40, 11)
    const backup = listBackups(dataDir)[0]!.path
    let caught: unknown
    try {
      openStore({ dataDir }).close()
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({ code: 'store.corrupt', details: { backup } })
    expect((caught as Error).message).toContain(`dockside db restore ${backup}`)
  }, 60_000)

  it('a zero-length database in a folder a station has used is refused, not taken as a new station', async () => {
    const dataDir = await usedStation()
    truncateSync(join(dataDir, DATABASE_FILE), 0)
    expect(() => openStore({ dataDir })).toThrow(expect.objectContaining({ code: 'store.empty_database' }))
    // …while a brand-new folder with an empty file (created by hand) still starts.
    const fresh = makeTempDir()
    writeFileSync(join(fresh, DATABASE_FILE), '')
    openStore({ dataDir: fresh }).close()
  }, 60_000)

  it('the station takes a backup at start; backups rotate to the newest 10; each is a complete database', async () => {
    const dataDir = makeTempDir()
    const station = await startTestStation({ dataDir, demo: true })
    try {
      const deadline = Date.now() + 30_000
      while (listBackups(dataDir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(listBackups(dataDir)[0]?.path).toMatch(/-start\.sqlite$/)
      for (let i = 0; i < 12; i++) await takeBackup(station.store.db, dataDir, 'manual', 10, new Date(Date.UTC(2026, 0, 1, 0, 0, i)))
      expect(listBackups(dataDir)).toHaveLength(10)
      expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([])
      expect(await station.dispatch('diagnostics.integrityCheck', {})).toMatchObject({ ok: true, value: { ok: true, problems: [] } })
    } finally {
      await station.close()
    }
  }, 60_000)

  it('`dockside db check`, `db backup` and `db restore` bring a damaged station back', async () => {
    const dataDir = await usedStation(false)
    const backup = cli(['db', 'backup', '--data-dir', dataDir])
    expect(backup.status, backup.stderr).toBe(0)
    const { path } = JSON.parse(backup.stdout) as { path: string }
    expect(cli(['db', 'check', '--data-dir', dataDir]).status).toBe(0)

    damage(join(dataDir, DATABASE_FILE), 40, 7)
    const check = cli(['db', 'check', '--data-dir', dataDir])
    expect(check.status).toBe(1)
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false })

    // Refused while a station runs on the folder (pid 1 is always alive).
    writeFileSync(join(dataDir, 'station.lock'), JSON.stringify({ pid: 1, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }))
    const busy = cli(['db', 'restore', path, '--data-dir', dataDir])
    expect(busy.status).toBe(2)
    expect(busy.stderr).toContain('Another Dockside station')

    writeFileSync(join(dataDir, 'station.lock'), JSON.stringify({ pid: 2 ** 22 + 999, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }))
    const restored = cli(['db', 'restore', path, '--data-dir', dataDir])
    expect(restored.status, restored.stderr).toBe(0)
    const r = JSON.parse(restored.stdout) as { replacedBy: string }
    expect(existsSync(r.replacedBy)).toBe(true)
    const store = openStore({ dataDir })
    expect((store.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n).toBeGreaterThan(0)
    store.close()
  }, 180_000)
})

describe('POSIX permissions (issue 11, finding 9)', () => {
  it.skipIf(process.platform === 'win32')('data folder 0700; database, WAL, logs, diagnostics and backups 0600', async () => {
    const { createLogger } = await import('../../../src/main/logging')
    const dataDir = join(makeTempDir(), 'station')
    const logger = createLogger({ dataDir, retryMs: 100 })
    const { createStation } = await import('../../../src/main/station')
    const station = await createStation({ dataDir, host: 'headless', version: 'test', logger, demo: true })
    try {
      logger.info('permissions test')
      await new Promise<void>((resolve) => logger.flush(() => resolve()))
      const diag = await station.dispatch('diagnostics.export', {})
      const backup = await station.dispatch('diagnostics.backup', {})
      expect(diag.ok && backup.ok).toBe(true)
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8)
      expect(mode(dataDir)).toBe('700')
      expect(mode(join(dataDir, 'logs'))).toBe('700')
      for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) expect(mode(join(dataDir, f)), f).toBe('600')
      const deadline = Date.now() + 20_000
      while (readdirSync(join(dataDir, 'logs')).filter((f) => f.endsWith('.log')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      for (const f of readdirSync(join(dataDir, 'logs'))) expect(mode(join(dataDir, 'logs', f)), f).toBe('600')
      if (diag.ok) expect(mode((diag.value as { path: string }).path)).toBe('600')
      if (backup.ok) expect(mode((backup.value as { path: string }).path)).toBe('600')
    } finally {
      await station.close()
    }
  }, 60_000)
})
