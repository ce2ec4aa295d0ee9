// One big CSV import in its own process, so its peak RSS is its own: prints rows/s and peak RSS.
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../../src/main/import'
import { createEventLog } from '../../src/main/store/event-log'
import { openStore } from '../../src/main/store/db'
import { createSettingsRepository } from '../../src/main/store/repositories/settings'
import { makeTempDir } from '../helpers/store'

const rows = Number(process.argv[2] ?? 5_000_000)
const dataDir = makeTempDir('dockside-bench-import-')
const file = join(dataDir, 'items-big.csv')
const fd = openSync(file, 'w')
writeSync(fd, 'kind,items\nsku,gtin,description,tracking\n')
const BATCH = 50_000
for (let i = 0; i < rows; i += BATCH) {
  const lines: string[] = []
  for (let j = i; j < Math.min(rows, i + BATCH); j++) lines.push(`B${j},,Item ${j},none`)
  writeSync(fd, lines.join('\n') + '\n')
}
closeSync(fd)
const rssBefore = process.memoryUsage().rss
const store = openStore({ dataDir, stationLock: false })
const events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
const t0 = performance.now()
const report = await importFile(store.db, events, file, { dryRun: process.env.APPLY !== '1' })
const seconds = (performance.now() - t0) / 1000
const items = store.db.prepare('SELECT count(*) FROM items').pluck().get() as number
store.close()
process.stdout.write(JSON.stringify({ rows: report.rows, valid: report.valid, applied: report.applied, items, errors: report.errorCount, seconds, rowsPerSecond: report.rows / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb: rssBefore / 1048576 }) + '\n')
