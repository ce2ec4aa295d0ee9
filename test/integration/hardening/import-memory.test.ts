import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/station-server'

interface ChildResult {
  rows: number
  valid: boolean
  applied: boolean
  items: number
  units: number
  peakRssMb: number
  startRssMb: number
  summary: Record<string, number>
}

/** One import in a child process (the bench's child), so its peak RSS is the import's own. */
function importInChild(rows: number, kind: 'items' | 'asn', format: 'csv' | 'xlsx'): ChildResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/bench/_import-child.ts'), String(rows), kind, format], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, APPLY: '1' },
    timeout: 600_000
  })
  expect(child.status, child.stderr).toBe(0)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult
}

/**
 * Import memory is bounded independent of the file's size (issue 11, finding 7): validated rows of
 * every kind are staged in a TEMP table on disk, checked with SQL and applied from there; XLSX is read
 * with a streaming reader. The bench (`npm run bench -- imports-big`) runs the same child at 5 M and 2 M rows.
 */
describe('import memory (issue 11, finding 7)', () => {
  it('a 200,000-row items CSV is checked and applied with RSS growth under 250 MB', () => {
    const r = importInChild(200_000, 'items', 'csv')
    expect(r).toMatchObject({ rows: 200_000, valid: true, applied: true, items: 200_000 })
    expect(r.peakRssMb - r.startRssMb).toBeLessThan(250)
  }, 620_000)

  it('an ASN of 300,000 expected serials on nested plates is applied with RSS growth under 250 MB as CSV, 400 MB as XLSX (its shared strings)', () => {
    const csv = importInChild(300_000, 'asn', 'csv')
    expect(csv).toMatchObject({ rows: 300_000, valid: true, applied: true, units: 300_000 })
    expect(csv.summary).toMatchObject({ ordersCreated: 4, expectedUnits: 300_000 })
    expect(csv.peakRssMb - csv.startRssMb).toBeLessThan(250)
    const xlsx = importInChild(300_000, 'asn', 'xlsx')
    expect(xlsx).toMatchObject({ rows: 300_000, valid: true, applied: true, units: 300_000 })
    // The shared strings (300,000 distinct serials here) are held: bounded by the file, not by its expansion.
    // They alone measured 250–275 MB of growth across runs (GC timing); the whole-workbook reader this
    // replaced took 3.4 GB for 2 M rows (~0.5 GB at this size), so 400 MB still tells the two apart.
    expect(xlsx.peakRssMb - xlsx.startRssMb).toBeLessThan(400)
  }, 1_200_000)
})
