/**
 * Receiving benchmarks on a database with 1 M units and their events (prints figures, asserts nothing):
 *   1. one receiving scan, validated → committed (synchronous = FULL), service level     p99 target ≤ 2 ms*
 *   2. import an ASN with 10,000 expected serials (CSV: read, validate, check, write)     target ≤ 2 s
 *   3. receive a 1,000-unit pallet by its SSCC (1,000 units, 1,000 events)                target ≤ 1 s
 *   4. look-up of any serial's timeline                                                    p99 target ≤ 20 ms
 *   plus: the receiving screen's state on an order with 10,000 receipts, put-away of a 1,000-unit pallet.
 *   (*) the durable-commit floor is the disk's fsync latency, printed by foundation.ts.
 * Run: node --import tsx test/bench/receiving.ts
 * Works on a copy of the shared 1 M-unit database, so that one stays at exactly 1 M units.
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { importFile, importInWorker } from '../../src/main/import'
import { createLookup } from '../../src/main/workflows/lookup/lookup'
import { createPutawayWorkflow } from '../../src/main/workflows/putaway/workflow'
import { createReceivingWorkflow } from '../../src/main/workflows/receiving/workflow'
import { createTerminalRepository } from '../../src/main/store/repositories/terminals'
import { createTerminals } from '../../src/main/terminals/terminals'
import { openStore } from '../../src/main/store/db'
import { createEventLog } from '../../src/main/store/event-log'
import { BENCH_UNITS } from './_million-units'
import { BENCH_GTIN, BENCH_PEN_GTIN, receivingBenchDataDir } from './_receiving-fixture'
import { report, summarize } from './_support'

const GTIN = BENCH_GTIN
const PEN = BENCH_PEN_GTIN
const ms = (t0: number) => performance.now() - t0

const dataDir = receivingBenchDataDir()
const store = openStore({ dataDir })
const db = store.db
const eventLog = createEventLog(db, 'bench-station')
const events0 = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
console.log(`database: ${BENCH_UNITS.toLocaleString('en-US')} units, ${events0.toLocaleString('en-US')} events (copy in ${dataDir})`)

const operator = null as number | null
const now = () => new Date()
const workflow = createReceivingWorkflow({ db, eventLog, terminals: createTerminals(createTerminalRepository(db), now), now, operatorId: () => operator, stationId: 'bench-station', reportsDir: join(dataDir, 'reports') })
/** The bench's one terminal. */
const call = { terminalId: 'bench', operatorId: operator }
const svc = {
  open: (number: string) => workflow.open(call, number),
  submit: (text: string) => workflow.submit(call, text),
  state: () => workflow.state(call.terminalId),
  undo: () => workflow.undo(call)
}

// 1. One scan: GS1 DataMatrix → classify → checks (order line, serial rule, duplicate, expected list,
//    lot, expiry) → unit + receipt + event + outbox in one durable transaction.
svc.open('PO-BENCH')
const scanSamples: number[] = []
for (let i = 0; i < 2000; i++) {
  const text = `]d201${GTIN}21MN${String(i).padStart(8, '0')}`
  const t0 = performance.now()
  const r = svc.submit(text)
  scanSamples.push(ms(t0))
  if (r.outcome !== 'accepted') throw new Error(`scan ${i} ${r.code} ${JSON.stringify(r.params)}`)
}
const scan = summarize(scanSamples.slice(100))
report('receive one scan (validated → committed, synchronous=FULL) p99', scan.p99, 'ms', 2, 'lower', `p50 ${scan.p50.toFixed(3)} ms, max ${scan.max.toFixed(2)} ms, n=${scan.n}; the floor is the disk fsync (foundation bench)`)
// The same code path without the disk wait, to separate our cost from the fsync (not what the station runs).
db.pragma('synchronous = OFF')
const offSamples: number[] = []
for (let i = 0; i < 2000; i++) {
  const text = `]d201${GTIN}21MO${String(i).padStart(8, '0')}`
  const t0 = performance.now()
  svc.submit(text.replace('21MO', '21MN').replace(/MN(\d{8})$/, (_m, d: string) => `MN${String(50_000 + Number(d)).padStart(8, '0')}`))
  offSamples.push(ms(t0))
}
db.pragma('synchronous = FULL')
const off = summarize(offSamples.slice(100))
console.log(`  same scans with synchronous=OFF (code path alone, for comparison): p50 ${off.p50.toFixed(3)} ms, p99 ${off.p99.toFixed(3)} ms`)
const fd = openSync(join(dataDir, 'fsync-probe'), 'w')
const syncs: number[] = []
for (let i = 0; i < 300; i++) {
  const t0 = performance.now()
  writeSync(fd, Buffer.alloc(4096, i))
  fdatasyncSync(fd)
  syncs.push(ms(t0))
}
closeSync(fd)
const disk = summarize(syncs)
console.log(`  disk floor here: 4 KiB write + fdatasync p50 ${disk.p50.toFixed(3)} ms, p99 ${disk.p99.toFixed(3)} ms`)
const refused: number[] = []
for (let i = 0; i < 500; i++) {
  const t0 = performance.now()
  const r = svc.submit(`]d201${GTIN}21MN${String(i).padStart(8, '0')}`)
  refused.push(ms(t0))
  if (r.code !== 'receiving.duplicate') throw new Error(r.code)
}
const ref = summarize(refused)
console.log(`refused scan (duplicate: where and when), nothing written: p50 ${ref.p50.toFixed(3)} ms, p99 ${ref.p99.toFixed(3)} ms`)

// 2. An ASN with 10,000 expected serials: 10 pallets (SSCC) × 1,000 pens, with production attributes.
const csv = ['kind,asn', 'order,supplier,item,serial,lot,expiry,sscc,made_at,production_line,shift']
const pallets: string[] = []
const check = (d: string) => {
  let s = 0
  for (let i = 0; i < d.length; i++) s += Number(d[d.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return d + ((10 - (s % 10)) % 10)
}
for (let p = 0; p < 10; p++) {
  const sscc = check(`3061414199${String(p).padStart(7, '0')}`)
  pallets.push(sscc)
  for (let u = 0; u < 1000; u++) csv.push(`ASN-BENCH,SUP-BENCH,BENCH-PEN,${700000000 + p * 1000 + u},LB2607,2028-06-30,${sscc},2026-06-20,FILL-0${p % 3},${'ABC'[u % 3]}`)
}
const csvFile = join(dataDir, 'asn-10k.csv')
writeFileSync(csvFile, csv.join('\n'))
const t2 = performance.now()
const imported = await importFile(db, eventLog, csvFile)
const importMs = ms(t2)
if (!imported.applied) throw new Error(JSON.stringify(imported.errors.slice(0, 3)))
report('import an ASN with 10,000 expected serials (CSV, in-process)', importMs, 'ms', 2000, 'lower', `${imported.summary.expectedUnits} serials on ${imported.summary.expectedPlates} pallets; read+validate+check+write`)
// the same through the worker thread (what the station does), as a dry run so nothing is duplicated
store.db.pragma('wal_checkpoint(PASSIVE)')
const csvFile2 = join(dataDir, 'asn-10k-b.csv')
writeFileSync(csvFile2, csv.join('\n').replaceAll('ASN-BENCH', 'ASN-BENCH-2').replace(/,(\d{18}),/g, (_m, s: string) => `,${check(`4${s.slice(1, 17)}`)},`))
const t2w = performance.now()
const viaWorker = await importInWorker({ file: csvFile2, dataDir })
const workerMs = ms(t2w)
if (!viaWorker.applied) throw new Error(JSON.stringify(viaWorker.errors.slice(0, 3)))
console.log(`import the same size in a worker thread (its own connection, includes starting the worker and loading the code): ${workerMs.toFixed(0)} ms (worker's own count ${viaWorker.ms} ms)`)

// 3. A 1,000-unit pallet by its SSCC: every unit with its own event.
svc.open('ASN-BENCH')
const palletTimes: number[] = []
for (const sscc of pallets) {
  const t0 = performance.now()
  const r = svc.submit(`]C100${sscc}`)
  palletTimes.push(ms(t0))
  if (r.received !== 1000) throw new Error(`${r.code} ${JSON.stringify(r.params)}`)
}
const pal = summarize(palletTimes)
report('receive a 1,000-unit pallet by its SSCC (1,000 units + 1,000 events, one transaction)', pal.max, 'ms', 1000, 'lower', `worst of ${pal.n}; median ${pal.p50.toFixed(0)} ms`)
const ts = performance.now()
const st = svc.state()
console.log(`receiving screen state of an order with ${st.order!.received.toLocaleString('en-US')} units received: ${ms(ts).toFixed(2)} ms`)
const tu = performance.now()
svc.undo()
console.log(`undo the last pallet scan (1,000 compensating events): ${ms(tu).toFixed(0)} ms`)
svc.submit(`]C100${pallets.at(-1)!}`)

// Put-away of a 1,000-unit pallet: 1 plate event + 1,000 unit events.
const putaway = createPutawayWorkflow({ db, eventLog, now })
const pa = { submit: (text: string) => putaway.submit(call, text) }
pa.submit(pallets[0]!)
const tp = performance.now()
const moved = pa.submit('BENCH-BIN-1')
console.log(`put away a 1,000-unit pallet (every unit's location + event): ${ms(tp).toFixed(0)} ms (${moved.moved?.units} units)`)

// 4. Look-up of any serial's timeline, on random units of the 1 M.
const lookup = createLookup(db)
const lookSamples: number[] = []
let seed = 42
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
for (let i = 0; i < 2000; i++) {
  const u = 1 + Math.floor(rnd() * BENCH_UNITS)
  const serial = `SN${u.toString(36).toUpperCase().padStart(8, '0')}`
  const t0 = performance.now()
  const r = lookup.find(serial)
  lookSamples.push(ms(t0))
  if (r.kind !== 'unit' || r.timeline.length < 1) throw new Error(`lookup ${serial}: ${r.kind}`)
}
const look = summarize(lookSamples)
report('look-up of a serial → whole timeline, 1 M units / ' + `${((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n / 1e6).toFixed(2)} M events, p99`, look.p99, 'ms', 20, 'lower', `p50 ${look.p50.toFixed(3)} ms, max ${look.max.toFixed(2)} ms, n=${look.n}`)
const pen = summarize(Array.from({ length: 200 }, (_, i) => {
  const t0 = performance.now()
  lookup.find(`]d201${PEN}21${700000000 + i}`)
  return ms(t0)
}))
console.log(`look-up of a received pen by its DataMatrix (received + stored events): p99 ${pen.p99.toFixed(3)} ms`)
const tb = performance.now()
lookup.find(pallets[0]!)
console.log(`look-up of a 1,000-unit pallet (contents + plate timeline): ${ms(tb).toFixed(2)} ms`)

store.close()
rmSync(dataDir, { recursive: true, force: true })
