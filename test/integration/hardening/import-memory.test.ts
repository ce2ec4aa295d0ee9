import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/station-server'

/**
 * Import memory is bounded independent of the file's size (issue 11, finding 7): validated items rows
 * are staged in a table of the database, not held. Measured in a child process so its peak RSS is the
 * import's own (the same child as the bench's 5 M-row line).
 */
describe('import memory (issue 11, finding 7)', () => {
  it('a 200,000-row items CSV is checked and applied with RSS growth under 250 MB', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/bench/_import-child.ts'), '200000'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, APPLY: '1' },
      timeout: 300_000
    })
    expect(child.status, child.stderr).toBe(0)
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { rows: number; valid: boolean; applied: boolean; items: number; peakRssMb: number; startRssMb: number }
    expect(r).toMatchObject({ rows: 200_000, valid: true, applied: true, items: 200_000 })
    expect(r.peakRssMb - r.startRssMb).toBeLessThan(250)
  }, 320_000)
})
