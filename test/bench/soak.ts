/**
 * Kill -9 soak (issue #11 reliability target): ≥ 200 cycles of SIGKILL into a station process during
 * scan bursts and items imports; after each, every acknowledged scan must be in the journal, every
 * import all or nothing, and `PRAGMA integrity_check` ok. Run: npm run bench -- soak (SOAK_CYCLES=n).
 */
import { soakCycle } from '../helpers/soak'
import { makeTempDir } from '../helpers/store'
import { report } from './_support'

const CYCLES = Number(process.env.SOAK_CYCLES ?? 200)
const dataDir = makeTempDir('dockside-bench-soak-')
let acked = 0
let lost = 0
let imports = 0
let partial = 0
let integrityOk = 0
const t0 = performance.now()
for (let cycle = 0; cycle < CYCLES; cycle++) {
  const r = await soakCycle(dataDir, cycle, 20 + ((cycle * 37) % 120), (cycle * 13) % 80)
  acked += r.acked
  lost += r.lost.length
  imports += r.importsAcked
  partial += r.partialImports.length
  if (r.integrity === 'ok') integrityOk++
  else console.log(`cycle ${cycle}: integrity_check ${r.integrity}`)
}
const minutes = (performance.now() - t0) / 60_000
report('kill -9 cycles with integrity_check ok', integrityOk, 'cycles', 200, 'higher', `${CYCLES} SIGKILLs in ${minutes.toFixed(1)} min`)
report('acknowledged scans lost', lost, 'scans', 0, 'lower', `${acked.toLocaleString('en-US')} acknowledged scans`)
report('imports not all-or-nothing', partial, 'imports', 0, 'lower', `${imports} acknowledged imports of 200 rows`)
