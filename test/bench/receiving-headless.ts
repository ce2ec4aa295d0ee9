/**
 * Receiving end to end through the headless host, on a database with 1 M units (issue: Receiving).
 * A WebSocket client — what the UI is — sends each scan as the keyboard wedge does (`scans.submit`)
 * with the receiving workflow active; the time runs until the `scans.result` event the screen shows
 * arrives back: parse → receiving checks → unit + receipt + event + outbox committed (synchronous=FULL)
 * → journal → pushed. Target: p99 ≤ 30 ms. Run: node --import tsx test/bench/receiving-headless.ts
 */
import { rmSync } from 'node:fs'
import { startServer } from '../helpers/station-server'
import { connectEvents } from '../helpers/ws-events'
import { BENCH_GTIN, receivingBenchDataDir } from './_receiving-fixture'
import { report, summarize } from './_support'

const SCANS = 1000
const RATE_PER_S = 20

const dataDir = receivingBenchDataDir()
const server = await startServer({ dataDir, demo: false })
const client = await connectEvents(server)
try {
  const workflow = await client.call('scans.setWorkflow', { workflow: 'receiving' })
  if (!workflow.ok) throw new Error(`scans.setWorkflow: ${workflow.error?.message}`)
  const opened = await client.call('receiving.open', { order: 'PO-BENCH' })
  if (!opened.ok) throw new Error(`receiving.open: ${opened.error?.message}`)

  const samples: number[] = []
  const refused: string[] = []
  for (let i = 0; i < SCANS; i++) {
    const text = `]d201${BENCH_GTIN}21MN${String(i).padStart(8, '0')}`
    const t0 = performance.now()
    const shown = new Promise<{ outcome: string; code: string; params: unknown }>((resolve) => {
      const off = client.onEvent((e) => {
        const result = e.payload as { text?: string; outcome: string; code: string; params: unknown }
        if (e.event === 'scans.result' && result.text === text) {
          off()
          resolve(result)
        }
      })
    })
    void client.call('scans.submit', { text, source: 'wedge' })
    const result = await shown
    samples.push(performance.now() - t0)
    if (result.outcome !== 'accepted') refused.push(`${text}: ${result.code} ${JSON.stringify(result.params)}`)
    const wait = t0 + 1000 / RATE_PER_S - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
  const s = summarize(samples)
  report(
    'receiving scan → validated → committed → shown, through the headless host, 1 M units',
    s.p99,
    'ms',
    30,
    'lower',
    `p50 ${s.p50.toFixed(2)} ms, max ${s.max.toFixed(1)} ms, ${s.n} scans at ${RATE_PER_S}/s, ${refused.length} refused`
  )
  if (refused.length > 0) console.log(`  first refusal: ${refused[0]}`)
} finally {
  client.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
