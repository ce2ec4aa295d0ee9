// One big import in its own process, so its peak RSS is its own: prints rows/s and peak RSS.
// `_import-child.ts <rows> [items|asn] [csv|xlsx]`; an XLSX is written by a separate process first
// (exceljs's writer holds its shared strings), a CSV here (streamed, a few MB). FILE=<path> imports
// that file instead; FLOOR=1 only reads its rows (the parse rate, the floor the bench prints beside).
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importFile } from '../../src/main/import'
import { createEventLog } from '../../src/main/store/event-log'
import { openStore } from '../../src/main/store/db'
import { createSettingsRepository } from '../../src/main/store/repositories/settings'
import { makeTempDir } from '../helpers/store'
import { ASN_ITEMS_CSV, writeCsv } from './_import-files'

const rows = Number(process.argv[2] ?? 5_000_000)
const kind = (process.argv[3] ?? 'items') as 'items' | 'asn'
const format = (process.argv[4] ?? 'csv') as 'csv' | 'xlsx'
const dataDir = makeTempDir('dockside-bench-import-')
const file = process.env.FILE ?? join(dataDir, `${kind}-big.${format}`)
if (process.env.FLOOR === '1') {
  const { openSync } = await import('node:fs')
  const { csvRows } = await import('../../src/main/import/csv-stream')
  const { xlsxRows } = await import('../../src/main/import/xlsx-stream')
  const fd = openSync(file, 'r')
  const t = performance.now()
  let n = 0
  for await (const row of format === 'xlsx' ? xlsxRows(fd) : csvRows(fd)) if (row.cells.length > 0) n++
  const s = (performance.now() - t) / 1000
  process.stdout.write(JSON.stringify({ rows: n, seconds: s, rowsPerSecond: n / s }) + '\n')
  process.exit(0)
}
if (process.env.FILE) {
  // given
} else if (format === 'xlsx') {
  const w = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./_import-files.ts', import.meta.url)), kind, format, String(rows), file], { stdio: 'inherit' })
  if (w.status !== 0) throw new Error(`writing the XLSX failed (exit ${w.status})`)
} else writeCsv(kind, rows, file)
const store = openStore({ dataDir, stationLock: false })
const events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
if (kind === 'asn') {
  writeFileSync(join(dataDir, 'items.csv'), ASN_ITEMS_CSV)
  const seeded = await importFile(store.db, events, join(dataDir, 'items.csv'))
  if (!seeded.applied) throw new Error(JSON.stringify(seeded.errors))
}
// exceljs is loaded before the baseline, so its code is not counted as the import's growth.
if (format === 'xlsx') await import('exceljs')
const rssBefore = process.memoryUsage().rss
const t0 = performance.now()
const report = await importFile(store.db, events, file, { dryRun: process.env.APPLY !== '1' })
const seconds = (performance.now() - t0) / 1000
const items = store.db.prepare('SELECT count(*) FROM items').pluck().get() as number
const units = store.db.prepare('SELECT count(*) FROM inbound_expected_units').pluck().get() as number
store.close()
// The store and a generated file are hundreds of MB: gone once measured (a given FILE is the caller's).
rmSync(dataDir, { recursive: true, force: true })
process.stdout.write(
  JSON.stringify({ rows: report.rows, valid: report.valid, applied: report.applied, items, units, errors: report.errorCount, firstError: report.errors[0] ?? null, summary: report.summary, seconds, rowsPerSecond: report.rows / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb: rssBefore / 1048576 }) + '\n'
)
