import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, logHealth } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import type { StorageState } from '../../../src/shared/model/station'
import { makeTempDir } from '../../helpers/store'

// A real full disk: a 12 MB tmpfs (root may mount one; where it cannot, the test says so and skips).
const mountPoint = makeTempDir('dockside-tmpfs-')
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m,mode=0700', 'tmpfs', mountPoint], { stdio: 'ignore' })
  mounted = true
} catch {
  mounted = false
}

/** Fills the disk with one file until ENOSPC; returns its path. */
function fill(dir: string): string {
  const path = join(dir, 'filler.bin')
  const fd = openSync(path, 'w')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
  return path
}

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe.skipIf(!mounted)('a full disk never takes the station down (issue 11, finding 4)', () => {
  let station: Station
  const dataDir = join(mountPoint, 'station')
  const logger = mounted ? createLogger({ dataDir, retryMs: 200 }) : null
  const states: StorageState[] = []
  const uncaught: unknown[] = []
  const onUncaught = (e: unknown) => uncaught.push(e)

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught)
    process.on('unhandledRejection', onUncaught)
    mkdirSync(dataDir, { recursive: true })
    station = await createStation({ dataDir, host: 'headless', version: 'test', logger: logger!, demo: true, backups: false })
    station.events.on('station.storage', (s) => states.push(s))
  })
  afterAll(async () => {
    await station?.close()
    process.off('uncaughtException', onUncaught)
    process.off('unhandledRejection', onUncaught)
    try {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' })
    } catch {
      // already gone
    }
  })

  it('scans get store.disk_full, logging drops lines, the status flag is pushed, and all resumes when space returns', async () => {
    const scan = (i: number) => station.handlers['scans.submit']({ text: `FULLDISK-${i}-${'x'.repeat(200)}`, source: 'test' })
    expect((await scan(0)).outcome).not.toBe('rejected')
    const filler = fill(mountPoint)

    let refused = null
    for (let i = 1; i < 5000 && !refused; i++) {
      const r = await scan(i)
      if (r.code === 'store.disk_full') refused = r
      logger!.info({ i, pad: 'y'.repeat(2000) }, 'log line on a full disk')
    }
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'store.disk_full' })
    expect(states.at(-1)).toMatchObject({ diskFull: true })
    expect(await station.dispatch('station.info', {})).toMatchObject({ ok: true, value: { storage: { diskFull: true } } })
    expect(await station.dispatch('settings.update', { dock: 'Door 9 — full disk' })).toMatchObject({ ok: false, error: { code: 'store.disk_full' } })

    // Logging: lines go on being handed over and dropped, never thrown.
    for (let i = 0; i < 2000; i++) logger!.info({ i, pad: 'z'.repeat(2000) }, 'more logging on a full disk')
    await until('the log transport to fail', () => logHealth(logger!).failures > 0)
    expect(logHealth(logger!).writing).toBe(false)

    rmSync(filler)
    await until('a scan to be saved again', async () => (await scan(99_999)).code !== 'store.disk_full')
    await until('the status flag to clear', () => states.at(-1)?.diskFull === false)
    expect(await station.dispatch('settings.update', { dock: 'Door 9' })).toMatchObject({ ok: true })
    // Logging opens its files again by itself and a new line reaches the disk.
    await until('a log line after space returned', () => {
      logger!.info('space is back')
      return readdirSync(join(dataDir, 'logs')).some((f) => f.endsWith('.log') && readFileSync(join(dataDir, 'logs', f), 'utf8').includes('space is back'))
    })
    expect(uncaught).toEqual([])
  }, 120_000)
})
