/**
 * Gate benchmark (issue #13): a real station on a real SQLite file; reads enter the gate where the
 * reader manager hands them over (`station.gate.ingest`, after framing/CRC, which test/bench/rfid.ts
 * measures over a pty), then EPC decode + de-dup + classification + the batched `gate.changed` push +
 * the recorded reads (gate_reads, one row per unique EPC, written in batches).
 *   1. a 500-tag pallet read over 2 s (3 reads per tag): verdict pushed ≤ 250 ms after the last read;
 *   2. a 66,000-read backlog ingested at once: every read counted and recorded (no loss), and how long;
 *   3. confirm load of a 1,000-unit shipment (1,000 unit.shipped events + status, one transaction) ≤ 1 s;
 *   4. gate ingest rate (reads/s, recording included) beside the ThingMagic wire rate (1,961 frames/s)
 *      and the confirm's persistence rate (units written/s).
 * The same end to end through a pty at the wire rate, with CPU and its floors: test/bench/gate-cpu.ts.
 * Run: node --import tsx test/bench/gate.ts
 */
import type { GateView } from '../../src/shared/contract-areas/gate'
import type { TagRead } from '../../src/main/devices/rfid/types'
import { seedGateStock, sgtinHex, writeShipmentCsv } from '../helpers/gate-fixture'
import { makeTempDir, startTestStation } from '../helpers/store'
import { importFile } from '../../src/main/import'
import { report } from './_support'

const DOOR = { terminalId: 'door-b', host: 'internal' } as const
const WIRE_TM = 1961

async function main() {
  const dir = makeTempDir('dockside-gate-bench-')
  const station = await startTestStation({ dataDir: makeTempDir() })
  const serials = Array.from({ length: 1500 }, (_, i) => String(100000 + i))
  await seedGateStock(station, dir, serials, [])
  const ship = (name: string, list: string[]) => writeShipmentCsv(dir, `${name}.csv`, list.map((s) => `${name},ACME,Acme,,DOOR-7,PEN,${s},`))
  for (const [name, list] of [['SH-500', serials.slice(0, 500)], ['SH-BACKLOG', serials.slice(0, 500)], ['SH-1000', serials.slice(500, 1500)]] as const) {
    const r = await importFile(station.store.db, station.eventLog, ship(name, [...list]), { kind: 'shipment' })
    if (!r.applied) throw new Error(JSON.stringify(r.errors.slice(0, 3)))
  }
  await station.handlers['settings.update']({ rfidTerminals: { bench: DOOR.terminalId }, gateSilenceMs: 60_000 })
  const hex = new Map(serials.map((s) => [s, sgtinHex(s)]))
  const read = (s: string, i: number): TagRead => ({ deviceId: 'bench', epc: hex.get(s)!, antenna: (i % 2) + 1, rssi: -50 - (i % 20), frequencyKhz: null, phase: null, readerMs: null, pc: null, at: Date.now() })
  let last: GateView | null = null
  let lastAt = 0
  station.events.on('gate.changed', (v) => {
    last = v
    lastAt = performance.now()
  })
  const waitFor = async (check: (v: GateView) => boolean, ms = 30_000) => {
    const end = Date.now() + ms
    while (!(last && check(last))) {
      if (Date.now() > end) throw new Error('timed out waiting for the gate view')
      await new Promise((r) => setTimeout(r, 1))
    }
  }

  // 1. 500 tags × 3 reads spread over 2 s.
  await station.handlers['gate.start']({ shipment: 'SH-500' }, DOOR)
  const reads: string[] = []
  for (let rep = 0; rep < 3; rep++) for (const s of serials.slice(0, 500)) reads.push(s)
  const t0 = performance.now()
  const slices = 100
  let lastRead = 0
  for (let k = 0; k < slices; k++) {
    const chunk = reads.slice((k * reads.length) / slices, ((k + 1) * reads.length) / slices)
    chunk.forEach((s, i) => station.gate.ingest(read(s, i)))
    lastRead = performance.now()
    if (k === slices - 1) break
    const due = t0 + ((k + 1) * 2000) / slices
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())))
  }
  await waitFor((v) => v.counts.reads === 1500)
  const verdictMs = lastAt - lastRead
  const v1 = last!
  report('gate: verdict after the last read of a 500-tag pallet (1,500 reads over 2 s)', verdictMs, 'ms', 250, 'lower', `matched ${v1.counts.matched}, missing ${v1.counts.missing}, unexpected ${v1.counts.unexpected}`)
  station.handlers['gate.reset']({}, DOOR)

  // 2. 66,000-read backlog at once (500 tags × 132).
  await station.handlers['gate.start']({ shipment: 'SH-BACKLOG' }, DOOR)
  const t2 = performance.now()
  for (let rep = 0; rep < 132; rep++) serials.slice(0, 500).forEach((s, i) => station.gate.ingest(read(s, i)))
  const ingestMs = performance.now() - t2
  await waitFor((v) => v.counts.reads === 66_000)
  const backlogMs = lastAt - t2
  report('gate: 66,000-read backlog, reads counted', last!.counts.reads, 'reads', 66_000, 'higher', `no loss: ${last!.counts.reads === 66_000 ? 'yes' : 'NO'}; verdict pushed ${backlogMs.toFixed(0)} ms after the first read`)
  const t2b = performance.now()
  const backlogSession = (await station.handlers['gate.sessions']({ limit: 1 }))[0]!
  const recorded = await station.handlers['gate.sessionReads']({ sessionId: backlogSession.id })
  const recordMs = performance.now() - t2b
  const recordedReads = recorded.reads.reduce((n, r) => n + r.count, 0)
  report('gate: 66,000-read backlog, reads recorded (gate_reads)', recordedReads, 'reads', 66_000, 'higher', `${recorded.reads.length} rows (one per unique EPC); last batch written and read back in ${recordMs.toFixed(0)} ms`)
  const rate = 66_000 / ((ingestMs + recordMs) / 1000)
  report('gate: ingest rate (decode + de-dup + classify + record)', rate, 'reads/s', WIRE_TM, 'higher', `ThingMagic wire rate at 921,600 baud is ${WIRE_TM} frames/s`)
  station.handlers['gate.reset']({}, DOOR)

  // 3. Confirm load of 1,000 units.
  await station.handlers['gate.start']({ shipment: 'SH-1000' }, DOOR)
  serials.slice(500, 1500).forEach((s, i) => station.gate.ingest(read(s, i)))
  await waitFor((v) => v.counts.matched === 1000)
  const t3 = performance.now()
  const result = await station.handlers['gate.confirm']({}, DOOR)
  const confirmMs = performance.now() - t3
  report('gate: confirm load of a 1,000-unit shipment (one transaction)', confirmMs, 'ms', 1000, 'lower', `${result.shipped} unit.shipped events`)
  report('gate: persistence rate of the confirm', result.shipped / (confirmMs / 1000), 'units/s', WIRE_TM, 'higher', `beside the wire rate of ${WIRE_TM} frames/s`)
  await station.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
