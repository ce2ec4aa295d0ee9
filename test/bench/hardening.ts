import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { fuzzInputs, sendRaw, statusOf } from '../helpers/http-fuzz'
import { report } from './_support'

// Issue 11 (hardening): the HTTP and WebSocket hosts take ≥ 100,000 fuzzed inputs over raw TCP
// (request lines, headers, URLs, frames) and the process never exits.
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 100_000)
const CONCURRENCY = 24
const SEED = 20261102

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./_headless-child.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] })
let exited: number | null | undefined
child.on('exit', (code) => (exited = code))
const ready = await new Promise<{ port: number; token: string; dataDir: string }>((resolve, reject) => {
  let out = ''
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString()
    const m = /READY (\d+) ([0-9a-f]+) (\S+)/.exec(out)
    if (m) resolve({ port: Number(m[1]), token: m[2]!, dataDir: m[3]! })
  })
  child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready`)))
})

// The floor, in this run: plain valid GETs per second on the same host.
const valid = [Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${ready.port}\r\n\r\n`)]
async function pump(total: number, next: (i: number) => Buffer[]): Promise<{ perSecond: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>()
  let i = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < total) {
        const input = next(i++)
        const s = statusOf(await sendRaw(ready.port, input, { endAfterMs: 300, boundMs: 15_000 }))
        statuses.set(s, (statuses.get(s) ?? 0) + 1)
      }
    })
  )
  return { perSecond: total / ((performance.now() - t0) / 1000), statuses }
}
const floor = await pump(2000, () => valid)

const arbitrary = fuzzInputs(ready.port, ready.token)
let batch: Buffer[][] = []
const fuzz = await pump(INPUTS, (i) => {
  if (i % 1000 === 0) batch = fc.sample(arbitrary, { seed: SEED + i, numRuns: 1000 })
  return batch[i % 1000]!
})

const after = statusOf(await sendRaw(ready.port, valid, { endAfterMs: 10_000, boundMs: 20_000 }))
const alive = exited === undefined && after === 200
const crashLog = join(ready.dataDir, 'logs', 'dockside-crash.log')
const fiveHundreds = [...fuzz.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)
const mix = [...fuzz.statuses].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s || 'closed'}×${c}`).join(' ')

report('fuzzed HTTP/WS inputs survived (host process alive, still answers 200)', alive ? INPUTS : 0, 'inputs', 100_000, 'higher', `answers: ${mix}`)
report('5xx answers to fuzzed inputs', fiveHundreds, 'answers', 0, 'lower')
report('fuzz throughput', fuzz.perSecond, 'inputs/s', floor.perSecond * 0.05, 'higher', `floor = 5% of ${floor.perSecond.toFixed(0)} plain GETs/s measured in this run`)
if (existsSync(crashLog)) console.log(`crash log:\n${readFileSync(crashLog, 'utf8')}`)
child.kill('SIGTERM')

// Big imports (issue 11, finding 7) are their own bench: `npm run bench -- imports-big`.
