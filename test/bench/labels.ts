/**
 * Labels and printing benchmark (targets from the labels issue). Prints figures, asserts nothing.
 * Run: node --import tsx test/bench/labels.ts
 *   1,000 unit labels → ZPL          target ≤ 50 ms
 *   ZPL bytes per unit label          target ≤ 2 KB, no raster
 *   1,000-label PDF sheet run         target ≤ 5 s
 *   print command → first byte on 9100 (printer idle)   target ≤ 50 ms
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPrinterEmulator } from '../../src/main/devices/printers/emulator'
import { createTcpTransport } from '../../src/main/devices/printers/tcp'
import { sendJob } from '../../src/main/devices/printers/zebra'
import { createLabelService } from '../../src/main/labels'
import { renderPdf } from '../../src/main/labels/pdf'
import { renderZpl } from '../../src/main/labels/zpl'
import { createPrintQueue } from '../../src/main/workflows/printing/queue'
import { openStore } from '../../src/main/store/db'
import { createEventLog } from '../../src/main/store/event-log'

const labels = createLabelService()
const N = 1000
const data = (i: number) => ({ gtin: '09521234543213', serial: `SN-${String(i).padStart(8, '0')}`, lot: 'L2406A', expiry: '2027-06-30', description: 'Monitor 27" black, IPS, 144 Hz' })
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (n: number) => `${n.toFixed(1)} ms`

// 1. ZPL
const zplRuns: number[] = []
let bytes = 0
for (let round = 0; round < 7; round++) {
  const start = performance.now()
  let total = 0
  for (let i = 0; i < N; i++) {
    const z = labels.zpl('unit', data(i), 203)
    if (!z.ok) throw new Error(z.error.message)
    total += Buffer.byteLength(z.value.zpl)
  }
  zplRuns.push(performance.now() - start)
  bytes = total / N
}
console.log(`unit labels → ZPL (layout + checks + render), ${N}: median ${ms(median(zplRuns))}, best ${ms(Math.min(...zplRuns))} (target ≤ 50 ms)`)
const layouts = Array.from({ length: N }, (_, i) => {
  const l = labels.layout('unit', data(i))
  if (!l.ok) throw new Error(l.error.message)
  return l.value
})
const renderOnly: number[] = []
for (let round = 0; round < 7; round++) {
  const start = performance.now()
  for (const l of layouts) renderZpl(l, { dpi: 300 })
  renderOnly.push(performance.now() - start)
}
console.log(`  of which ZPL rendering alone (300 dpi): median ${ms(median(renderOnly))}`)
const sample = labels.zpl('unit', data(1), 600)
console.log(`ZPL per unit label: ${bytes.toFixed(0)} bytes at 203 dpi, ${sample.ok ? Buffer.byteLength(sample.value.zpl) : '?'} bytes at 600 dpi; raster: ${sample.ok && sample.value.zpl.includes('^GF') ? 'yes' : 'none'} (target ≤ 2048)`)

// 2. PDF sheet
{
  const start = performance.now()
  const pdf = await renderPdf(layouts, { sheet: { paper: 'a4' } })
  console.log(`${N}-label PDF sheet run (A4, 10 per page): ${ms(performance.now() - start)}, ${(pdf.length / 1024).toFixed(0)} KB (target ≤ 5000 ms)`)
  const single = performance.now()
  await renderPdf(layouts.slice(0, 1))
  console.log(`single-label PDF: ${ms(performance.now() - single)}`)
}

// 3. first byte on the printer port
{
  const emu = await startPrinterEmulator()
  const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
  const direct: number[] = []
  for (let i = 0; i < 30; i++) {
    const z = labels.zpl('unit', data(10_000 + i))
    if (!z.ok) throw new Error(z.error.message)
    const start = performance.now()
    const out = await sendJob(t, z.value.zpl, { timeoutMs: 2000 })
    if (out.state !== 'confirmed') throw new Error(out.state)
    direct.push(emu.firstByteTimes().at(-1)! - start)
  }
  console.log(`sendJob (status check, then job) → first label byte at the emulator: median ${ms(median(direct))}, max ${ms(Math.max(...direct))} (target ≤ 50 ms)`)

  const dir = mkdtempSync(join(tmpdir(), 'dockside-bench-'))
  const store = openStore({ dataDir: dir })
  const queue = createPrintQueue({
    db: store.db,
    eventLog: createEventLog(store.db, 'bench'),
    labels,
    connect: () => createTcpTransport({ host: '127.0.0.1', port: emu.port })
  })
  queue.addPrinter({ id: 'p', name: 'p', uri: emu.uri, dpi: 203, simulated: true })
  queue.start()
  const viaQueue: number[] = []
  for (let i = 0; i < 30; i++) {
    const before = emu.firstByteTimes().length
    const start = performance.now()
    const j = queue.enqueue({ printerId: 'p', template: 'unit', data: data(20_000 + i) })
    if (!j.ok) throw new Error(j.error.message)
    while (emu.firstByteTimes().length === before) await new Promise((r) => setImmediate(r))
    viaQueue.push(emu.firstByteTimes().at(-1)! - start)
    await queue.idle()
  }
  console.log(`print.enqueue (validate, SQLite insert FULL sync, worker, status check) → first label byte: median ${ms(median(viaQueue))}, max ${ms(Math.max(...viaQueue))}`)
  await queue.stop()
  store.close()
  await emu.close()
}
