import { spawnSync } from 'node:child_process'
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEventLog } from '../../src/main/store/event-log'
import { openStore } from '../../src/main/store/db'
import { millionUnitDataDir } from './_million-units'
import { report, summarize } from './_support'

// Station start and the write path on a 1 M-unit database (issue: Station foundation).
const dataDir = millionUnitDataDir()
const NOTES = {
  FULL: ' — the mode the station uses: the commit waits for the disk (durable across power loss)',
  NORMAL: ' — for comparison: survives a crash, may lose the last commits on power loss',
  OFF: ' — for comparison: the code path alone, no disk wait'
} as const

// 1. Station start in a fresh process: load the code, open the file, check/run migrations, ready for a scan.
const startProbe = fileURLToPath(new URL('./_station-start-probe.ts', import.meta.url))
const starts: number[] = []
const imports: number[] = []
for (let i = 0; i < 7; i++) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', startProbe, dataDir], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`start probe failed: ${run.stderr}`)
  const probe = JSON.parse(run.stdout.trim().split('\n').pop()!) as { readyMs: number; importMs: number }
  starts.push(probe.readyMs)
  imports.push(probe.importMs)
}
const start = summarize(starts.slice(1)) // the first run warms the OS file cache
const load = summarize(imports.slice(1))
report('station start, 1 M units (open + migrations + ready), worst of 6', start.max, 'ms', 500, 'lower', `median ${start.p50.toFixed(1)} ms; code loading under tsx adds a median ${load.p50.toFixed(0)} ms`)

// 2. The disk's own floor: one 4 KiB write + fdatasync, which a durable commit cannot beat.
const fsyncFile = join(dataDir, 'fsync-probe.bin')
const fd = openSync(fsyncFile, 'w')
const syncs: number[] = []
for (let i = 0; i < 500; i++) {
  const t0 = performance.now()
  writeSync(fd, Buffer.alloc(4096, i))
  fdatasyncSync(fd)
  syncs.push(performance.now() - t0)
}
closeSync(fd)
rmSync(fsyncFile)
const disk = summarize(syncs)
console.log(`disk floor: 4 KiB write + fdatasync p50 ${disk.p50.toFixed(3)} ms, p99 ${disk.p99.toFixed(3)} ms (n=${disk.n})`)

// 3. One scan's write path: new unit row + event + outbox row in one transaction.
for (const synchronous of ['FULL', 'NORMAL', 'OFF'] as const) {
  const store = openStore({ dataDir })
  store.db.pragma(`synchronous = ${synchronous}`)
  const log = createEventLog(store.db, 'bench')
  const insertUnit = store.db.prepare(
    "INSERT INTO units (item_id, serial, lot, supplier_id, status, location_id, received_at, updated_at) VALUES (?, ?, 'LB', 1, 'received', 1, ?, ?)"
  )
  const samples: number[] = []
  const runId = Date.now().toString(36)
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now()
    log.record(
      () => Number(insertUnit.run((i % 1000) + 1, `W${runId}-${synchronous}-${i}`, '2026-11-28T06:00:00Z', '2026-11-28T06:00:00Z').lastInsertRowid),
      (unitId) => ({ type: 'unit.received', unitId, payload: { serial: `W${i}` } })
    )
    samples.push(performance.now() - t0)
  }
  // Keep the bench database at exactly 1 M units for the next run.
  store.db.exec(`DELETE FROM outbox WHERE event_id IN (SELECT id FROM events WHERE station_id = 'bench' AND unit_id IN (SELECT id FROM units WHERE serial LIKE 'W${runId}-%'))`)
  store.db.exec('DROP TRIGGER events_no_delete')
  store.db.exec(`DELETE FROM events WHERE unit_id IN (SELECT id FROM units WHERE serial LIKE 'W${runId}-%')`)
  store.db.exec(`DELETE FROM units WHERE serial LIKE 'W${runId}-%'`)
  store.db.exec("CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END")
  store.close()
  const s = summarize(samples)
  report(`scan write path p99, synchronous=${synchronous} (WAL)`, s.p99, 'ms', 2, 'lower', `p50 ${s.p50.toFixed(3)} ms, max ${s.max.toFixed(2)} ms, n=${s.n}${NOTES[synchronous]}`)
}
