import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CRASH_LOG_FILE } from '../../../src/main/crash-log'
import { importFile } from '../../../src/main/import'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir, startTestStation } from '../../helpers/store'
import { openRig } from '../receiving/rig'

const CRASH_CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url))

describe('an error that escapes every handler is in the log file before the process ends (finding 1)', () => {
  it.each([
    ['throw', 'crash-marker-thrown'],
    ['reject', 'crash-marker-rejected']
  ])('%s', (how, marker) => {
    const dataDir = makeTempDir()
    const run = spawnSync(process.execPath, ['--import', 'tsx', CRASH_CHILD, dataDir, how], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(70)
    const line = JSON.parse(readFileSync(join(dataDir, 'logs', CRASH_LOG_FILE), 'utf8').trim().split('\n').at(-1)!) as { err: { message: string }; kind: string }
    expect(line.err.message).toBe(marker)
    expect(line.kind).toBe(how === 'throw' ? 'uncaughtException' : 'unhandledRejection')
  }, 90_000)
})

describe('minor findings (issue 11, finding 10)', () => {
  it('a UTF-16 CSV with a byte-order mark (LE and BE) is decoded, not refused as binary', async () => {
    const rig = openRig()
    const text = 'kind,suppliers\ncode,name,gln\nSUP-U16,Proveedor Año Ñandú,\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const [name, bytes] of [['le.csv', le], ['be.csv', be]] as const) {
      const file = join(rig.dataDir, name)
      writeFileSync(file, bytes)
      expect(await importFile(rig.db, rig.eventLog, file, { dryRun: true }), name).toMatchObject({ valid: true, rows: 1, preview: [{ code: 'SUP-U16', name: 'Proveedor Año Ñandú' }] })
    }
  })

  it('a read-only data folder exits 2 with a reason, not raw errno text', () => {
    const mountPoint = makeTempDir('dockside-ro-')
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' })
    } catch {
      return // no tmpfs here: nothing to test as root (root ignores file modes)
    }
    try {
      mkdirSync(join(mountPoint, 'station'))
      execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'ignore' })
      const run = spawnSync(process.execPath, [BIN, 'migrate', '--data-dir', join(mountPoint, 'station')], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/cannot be written \(EROFS\)/)
    } finally {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' })
    }
  }, 90_000)

  it('an operator badge scanned on a scanner is recognised and kept out of the scan journal and diagnostics', async () => {
    const station = await startTestStation({ demo: true })
    try {
      const count = () => (station.store.db.prepare('SELECT count(*) AS n FROM scan_journal').get() as { n: number }).n
      const before = count()
      const r = await station.handlers['scans.submit']({ text: 'OP-0001', source: 'test' })
      expect(r).toMatchObject({ outcome: 'ignored', code: 'scan.badge', text: null, journalId: 0 })
      expect(count()).toBe(before)
      const diag = await station.dispatch('diagnostics.export', {})
      expect(diag.ok).toBe(true)
      if (diag.ok) expect(readFileSync((diag.value as { path: string }).path, 'utf8')).not.toContain('OP-0001')
    } finally {
      await station.close()
    }
  }, 60_000)
})
