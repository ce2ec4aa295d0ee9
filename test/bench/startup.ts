/**
 * Start-up of the `dockside` command (issue #9 item 6), measured as a user meets it: wall time from
 * spawning `node bin/dockside.mjs …` in a fresh process. Beside each figure, the floor measured in the
 * same run: `node -e ''`, a Node process that loads nothing (on a busy machine both move together).
 * - one-shot `dockside gs1 parse '(01)09506000134352(21)ABC'` from the CLI build: target ≤ 300 ms
 * - `dockside serve` on a 1 M-unit database from the CLI build, ready = the URL printed and the UI page
 *   answered over HTTP: target ≤ 1 s
 * The same two from source (tsx, DOCKSIDE_FROM_SOURCE=1) are printed for comparison — the "before".
 * Each figure also gives the CPU time the process used (all its threads), beside the floor's: on a
 * machine shared with other work the wall time mostly measures the queue for a core, the CPU time much
 * less so (read from an exit hook for one-shots, from /proc/<pid>/stat at readiness for serve, where
 * the main thread's share is the critical path an idle machine would see).
 * Run: npm run bench -- startup (builds the CLI first when it is stale; the UI needs `npm run build`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cliBuildState } from '../../bin/build-state.mjs'
import { ensureCliBuild } from '../../scripts/build-cli'
import { BIN, PROJECT_ROOT } from '../helpers/station-server'
import { millionUnitDataDir } from './_million-units'
import { report, summarize } from './_support'

const ONE_SHOT_RUNS = 11
const SERVE_RUNS = 6
const SOURCE_RUNS = 3
const GS1 = ['gs1', 'parse', '(01)09506000134352(21)ABC']

if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) throw new Error('The UI is not built: run `npm run build` first.')
await ensureCliBuild()
if (!cliBuildState(PROJECT_ROOT).fresh) throw new Error('The CLI build is still stale after building it.')

const env = (fromSource: boolean): NodeJS.ProcessEnv => {
  const e = { ...process.env }
  if (fromSource) e.DOCKSIDE_FROM_SOURCE = '1'
  else delete e.DOCKSIDE_FROM_SOURCE
  return e
}

// Prints the process's CPU time (user + system, all threads) as it exits: one line on stderr.
const CPU_HOOK = ['--import', `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.cpuUsage(); process._rawDebug('dockside-cpu ' + (u.user + u.system) / 1000) })")}`]

/** Wall time (spawn to exit) and CPU time of one fresh process; throws when it fails. */
function timeProcess(args: string[], options: { fromSource?: boolean; expectStdout?: string } = {}): { wall: number; cpu: number } {
  const t0 = performance.now()
  const run = spawnSync(process.execPath, [...CPU_HOOK, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: env(options.fromSource ?? false), timeout: 60_000 })
  const wall = performance.now() - t0
  const cpu = /^dockside-cpu (\S+)\n$/.exec(run.stderr)
  if (run.status !== 0 || !cpu) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  if (options.expectStdout !== undefined && !run.stdout.includes(options.expectStdout)) throw new Error(`${args.join(' ')} printed ${run.stdout}`)
  return { wall, cpu: Number(cpu[1]) }
}

/** CPU time a running process (or, with `tid`, one of its threads) has used so far, from /proc; NaN without /proc. */
function cpuSoFar(pid: number, tid?: number): number {
  try {
    const fields = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN
  }
}

/** Spawn → "Open the station at: URL" on stdout → the page answers 200; then SIGTERM and wait for exit. */
async function timeServe(dataDir: string, fromSource: boolean): Promise<{ wall: number; cpu: number; mainCpu: number }> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: PROJECT_ROOT, env: env(fromSource), stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dockside serve printed no URL within 60 s:\n${output}`)), 60_000)
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString()
        const match = /Open the station at: (http:\/\/\S+)/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      void exited.then((code) => reject(new Error(`dockside serve exited with ${code}:\n${output}`)))
    })
    const page = await fetch(url)
    await page.text()
    const wall = performance.now() - t0
    if (page.status !== 200) throw new Error(`the UI page answered ${page.status}`)
    // The main thread alone is the critical path to "ready" (pino's and device discovery's threads run beside it).
    return { wall, cpu: cpuSoFar(child.pid!), mainCpu: cpuSoFar(child.pid!, child.pid!) }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

const median = (xs: number[]) => summarize(xs).p50
const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(0)} ms`)
type Sample = { wall: number; cpu: number }
const walls = (xs: Sample[]) => xs.map((x) => x.wall)
const cpus = (xs: Sample[]) => xs.map((x) => x.cpu)

// The floor, then the one-shot, interleaved so both see the same machine; the first of each warms caches.
const floors: Sample[] = []
const oneShots: Sample[] = []
for (let i = 0; i < ONE_SHOT_RUNS; i++) {
  floors.push(timeProcess(['-e', '']))
  oneShots.push(timeProcess([BIN, ...GS1], { expectStdout: '"gtin":"09506000134352"' }))
}
const floor = median(walls(floors.slice(1)))
const floorCpu = median(cpus(floors.slice(1)))
const oneShot = summarize(walls(oneShots.slice(1)))
console.log(`floor: node -e '' median ${ms(floor)} wall, ${ms(floorCpu)} CPU, max ${ms(Math.max(...walls(floors.slice(1))))} (n=${floors.length - 1})`)
report(
  `dockside gs1 parse, one-shot from the build, median of ${oneShot.n}`,
  oneShot.p50,
  'ms',
  300,
  'lower',
  `${ms(oneShot.p50 - floor)} above the floor (node -e '' ${ms(floor)} in this run); CPU ${ms(median(cpus(oneShots.slice(1))))} (floor ${ms(floorCpu)}); max ${ms(oneShot.max)}`
)

const dataDir = millionUnitDataDir()
const serves: (Sample & { mainCpu: number })[] = []
const serveFloors: Sample[] = []
for (let i = 0; i < SERVE_RUNS; i++) {
  serveFloors.push(timeProcess(['-e', '']))
  serves.push(await timeServe(dataDir, false))
}
const serve = summarize(walls(serves.slice(1)))
const serveFloor = median(walls(serveFloors.slice(1)))
report(
  `dockside serve ready (URL printed, UI page answered), 1 M units, from the build, median of ${serve.n}`,
  serve.p50,
  'ms',
  1000,
  'lower',
  `${ms(serve.p50 - serveFloor)} above the floor (node -e '' ${ms(serveFloor)} in this run); CPU ${ms(median(cpus(serves.slice(1))))}, of which the main thread ${ms(median(serves.slice(1).map((x) => x.mainCpu)))} (floor ${ms(median(cpus(serveFloors.slice(1))))}); max ${ms(serve.max)}`
)

// The "before": the same from source through tsx (not a target).
const sourceOneShots = Array.from({ length: SOURCE_RUNS }, () => timeProcess([BIN, ...GS1], { fromSource: true }))
const sourceServes: (Sample & { mainCpu: number })[] = []
for (let i = 0; i < SOURCE_RUNS; i++) sourceServes.push(await timeServe(dataDir, true))
console.log(
  `for comparison, from source through tsx (DOCKSIDE_FROM_SOURCE=1), median of ${SOURCE_RUNS}: gs1 parse ${ms(median(walls(sourceOneShots)))} (CPU ${ms(median(cpus(sourceOneShots)))}), ` +
    `serve ready at 1 M units ${ms(median(walls(sourceServes)))} (CPU ${ms(median(cpus(sourceServes)))})`
)
