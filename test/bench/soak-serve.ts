/**
 * Kill -9 soak of the station as deployed (issue #11 reliability target): ≥ 200 cycles of starting the
 * real `dockside serve`, driving scans and uploaded items imports over its WebSocket API with the
 * launch token, and SIGKILLing it mid-burst; after each, every acknowledged scan must be in the
 * journal, every import all or nothing, `PRAGMA integrity_check` ok. Run: npm run bench -- soak-serve
 * (SOAK_CYCLES=n). Needs the UI built (`npm run build`): serve refuses to start without it.
 */
import { soakServeCycle } from '../helpers/serve-soak'
import { makeTempDir } from '../helpers/store'
import { report } from './_support'

const CYCLES = Number(process.env.SOAK_CYCLES ?? 200)
const dataDir = makeTempDir('dockside-bench-soak-serve-')
let acked = 0
let lost = 0
let imports = 0
let partial = 0
let integrityOk = 0
const starts: number[] = []
const t0 = performance.now()
for (let cycle = 0; cycle < CYCLES; cycle++) {
  const r = await soakServeCycle(dataDir, cycle, 20 + ((cycle * 37) % 120), (cycle * 53) % 600)
  acked += r.acked
  lost += r.lost.length
  imports += r.importsAcked
  partial += r.partialImports.length
  starts.push(r.startMs)
  if (r.integrity === 'ok') integrityOk++
  else console.log(`cycle ${cycle}: integrity_check ${r.integrity}`)
  if ((cycle + 1) % 20 === 0) console.log(`… ${cycle + 1} cycles in ${((performance.now() - t0) / 60_000).toFixed(1)} min: ${acked} acknowledged scans, ${lost} lost, ${imports} imports, ${partial} partial, integrity ok ${integrityOk}`)
}
const minutes = (performance.now() - t0) / 60_000
starts.sort((a, b) => a - b)
report('dockside serve SIGKILL cycles with integrity_check ok', integrityOk, 'cycles', 200, 'higher', `${CYCLES} SIGKILLs in ${minutes.toFixed(1)} min; restart to URL median ${(starts[starts.length >> 1]! / 1000).toFixed(1)} s`)
report('acknowledged scans lost (over the WebSocket)', lost, 'scans', 0, 'lower', `${acked.toLocaleString('en-US')} acknowledged scans`)
report('imports not all-or-nothing (uploaded, run in the import worker)', partial, 'imports', 0, 'lower', `${imports} acknowledged imports of 200 rows`)
