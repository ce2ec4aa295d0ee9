/**
 * Scanner benchmarks (prints figures, asserts nothing):
 *   1. serial latency: last byte written into a real pty → scan committed in SQLite and its
 *      `scans.result` event delivered to a connected UI client (a WebSocket client of a started
 *      `dockside serve`, a separate process), 1,000 scans at 20/s;
 *   2. burst: 1,000 scans at 100/s through a pty: lost, duplicated, out of order;
 *   3. wedge in headless Chromium: suffix keystroke handled → result flash on screen, 200 scans.
 * Run: npx electron-vite build && node --import tsx test/bench/scanners.ts [--quick]
 */
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../helpers/browser'
import { openPtyPair } from '../helpers/pty'
import { scannerSession } from '../helpers/scanner-keys'
import { BIN, PROJECT_ROOT, startServer, tempDataDir } from '../helpers/station-server'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

const quick = process.argv.includes('--quick')
const N_LATENCY = quick ? 200 : 1000
const N_BURST = quick ? 300 : 1000
const N_WEDGE = quick ? 50 : 200

interface Result {
  text: string
  deviceId: string
  outcome: string
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const fmt = (n: number) => n.toFixed(2)
function summary(label: string, samples: number[], p99TargetMs: number): void {
  const s = [...samples].sort((a, b) => a - b)
  const p99 = pct(s, 99)
  console.log(`${label}: n=${s.length} p50=${fmt(pct(s, 50))} ms p95=${fmt(pct(s, 95))} ms p99=${fmt(p99)} ms max=${fmt(s.at(-1)!)} ms (target p99 ≤ ${p99TargetMs} ms) ${p99 <= p99TargetMs ? 'PASS' : 'FAIL'}`)
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The floor under the same load: a byte written into one end of a pty pair to its arrival at a
 * serialport reader on the other end in this process, no station between (same pacing as the bench).
 */
async function ptyFloor(n: number): Promise<number[]> {
  const pty = await openPtyPair()
  const { SerialPort } = await import('serialport')
  const port = new SerialPort({ path: pty.devicePath, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
  const samples: number[] = []
  let waiting: (() => void) | null = null
  port.on('data', (d: Buffer) => {
    if (d.includes(0x0d)) waiting?.()
  })
  try {
    for (let i = 0; i < n; i++) {
      const arrived = new Promise<void>((resolve) => (waiting = resolve))
      const t0 = performance.now()
      pty.write(`FLOOR-${i}\r`)
      await arrived
      samples.push(performance.now() - t0)
      await sleep(50)
    }
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()))
    await pty.close()
  }
  return samples
}

async function serialBench() {
  const floor = [...(await ptyFloor(N_LATENCY))].sort((a, b) => a - b)
  console.log(`floor (pty → serialport reader in one process, no station, same load): n=${floor.length} p50=${fmt(pct(floor, 50))} ms p95=${fmt(pct(floor, 95))} ms p99=${fmt(pct(floor, 99))} ms`)
  const pty = await openPtyPair()
  // The scanner is registered as site IT would script it, before the station starts (ADR 0017).
  const dataDir = tempDataDir()
  execFileSync(process.execPath, [BIN, 'scanners', 'add', pty.devicePath, '--data-dir', dataDir], { cwd: PROJECT_ROOT })
  const server = await startServer({ demo: false, dataDir })
  const ui = await connectEvents(server)
  try {
    const id = `serial:${pty.devicePath}`
    await until(() => ui.of<{ id: string; state: string }[]>('devices.changed').some((list) => list.some((d) => d.id === id && d.state === 'connected')), { timeoutMs: 15_000, what: 'serial scanner connected' })
    const results = () => ui.of<Result>('scans.result').filter((r) => r.deviceId === id)

    // 1. latency at 20 scans/s: one scan at a time, timed from the write of its last byte (CR).
    const latencies: number[] = []
    const period = 1000 / 20
    const start = performance.now()
    for (let i = 0; i < N_LATENCY; i++) {
      const due = start + i * period
      while (performance.now() < due) await sleep(Math.max(0, due - performance.now() - 1))
      const text = `]C0LAT-${String(i).padStart(6, '0')}`
      const before = results().length
      let arrived = 0
      const off = ui.onEvent((e) => {
        if (e.event === 'scans.result' && (e.payload as Result).text === text) arrived = e.at
      })
      pty.write(text)
      const t0 = performance.now()
      pty.write('\r')
      // Polls every 2 ms: the latency itself comes from the event's own timestamp.
      await until(() => arrived > 0, { what: `scan ${i}`, intervalMs: 2 })
      off()
      latencies.push(arrived - t0)
      if (results().length !== before + 1) throw new Error('unexpected extra result')
    }
    summary(`serial pty → SQLite commit → UI WebSocket event, ${N_LATENCY} scans at 20/s`, latencies, 20)

    // 2. burst at 100/s
    const burstStart = results().length
    const sent: string[] = []
    const t = performance.now()
    for (let i = 0; i < N_BURST; i++) {
      const due = t + i * 10
      while (performance.now() < due) await sleep(Math.max(0, due - performance.now() - 1))
      const text = `]C0BURST-${String(i).padStart(6, '0')}`
      sent.push(text)
      pty.write(`${text}\r\n`)
    }
    // A marker after the burst: once it is in, every burst scan (and any duplicate) is in too.
    pty.write(']C0BURST-END\r\n')
    await until(() => results().some((r) => r.text === ']C0BURST-END'), { timeoutMs: 30_000, what: 'the marker after the burst' })
    const got = results().slice(burstStart).map((r) => r.text).filter((text) => text !== ']C0BURST-END')
    const lost = sent.filter((s) => !got.includes(s)).length
    const dup = got.length - new Set(got).size
    const inOrder = got.every((g, i) => g === sent[i])
    // Read beside the running station (WAL): the UI connection is not signed in, the journal needs an operator.
    const db = new Database(join(dataDir, 'dockside.sqlite'), { readonly: true })
    const rows = db.prepare('SELECT text FROM scan_journal WHERE device_id = ? ORDER BY id DESC LIMIT 500').all(id) as { text: string }[]
    db.close()
    const journaled = rows.filter((r) => r.text.startsWith(']C0BURST-')).length
    console.log(
      `burst ${N_BURST} scans at 100/s through a pty: received=${got.length} lost=${lost} duplicated=${dup} order=${inOrder ? 'kept' : 'BROKEN'} (last 500 journal rows: ${journaled} burst rows) in ${fmt((performance.now() - t) / 1000)} s ${lost === 0 && dup === 0 && inOrder ? 'PASS' : 'FAIL'}`
    )
  } finally {
    ui.close()
    await server.stop()
    await pty.close()
  }
}

async function wedgeBench() {
  if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) {
    console.log('wedge: skipped — build the UI first (npx electron-vite build)')
    return
  }
  const server = await startServer({ demo: true })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    // Registered before the app's own capture listener: the moment the suffix key is handled, and
    // the moment each result's flash is on the page.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { __suffixAt: number[]; __flashAt: number[]; addEventListener: (t: string, l: (e: { key: string }) => void, c: boolean) => void; document: unknown }
      w.__suffixAt = []
      w.__flashAt = []
      w.addEventListener('keydown', (e) => e.key === 'Enter' && w.__suffixAt.push(performance.now()), true)
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of Array.from(r.addedNodes) as { dataset?: { testid?: string } }[]) if (n.dataset?.testid === 'feedback-flash') w.__flashAt.push(performance.now())
      }).observe(w.document as never, { childList: true, subtree: true })
    })
    await page.goto(server.url)
    await page.click('[data-testid=operator-1]')
    for (const d of '1234') await page.click(`[data-testid=pin-${d}]`)
    await page.click('[data-testid=pin-submit]')
    await page.waitForSelector('[data-testid=nav-receive]')
    await page.waitForSelector('[data-testid=feedback-flash]', { state: 'detached', timeout: 10_000 }) // the sign-in flash has gone
    const scanner = await scannerSession(page)
    const read = () => page.evaluate(() => {
      const w = globalThis as unknown as { __suffixAt: number[]; __flashAt: number[] }
      return { s: [...w.__suffixAt], f: [...w.__flashAt] }
    })
    await page.evaluate(() => {
      const w = globalThis as unknown as { __suffixAt: number[]; __flashAt: number[] }
      w.__suffixAt = []
      w.__flashAt = []
    })
    const samples: number[] = []
    for (let i = 0; i < N_WEDGE; i++) {
      await scanner.scan(`]C0WEDGE-${String(i).padStart(5, '0')}`, { gapMs: 5 })
      let r = await read()
      await until(async () => (r = await read()).f.length >= i + 1, { what: `the flash of wedge scan ${i}` }).catch(async (error: unknown) => {
        const body = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerHTML: string } } }).document.body.innerHTML.slice(0, 600))
        throw new Error(`${error instanceof Error ? error.message : String(error)}: ${JSON.stringify(r)} ${body}`)
      })
      samples.push(r.f[i]! - r.s[i]!)
      await sleep(20)
    }
    summary(`wedge in headless Chromium: suffix key handled → result flash on screen (incl. WebSocket round trip + SQLite commit), ${N_WEDGE} scans`, samples, 50)
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (!process.argv.includes('--wedge-only')) await serialBench()
await wedgeBench()
