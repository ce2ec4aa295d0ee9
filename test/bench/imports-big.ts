// Big imports (issue 11, finding 7): a 5 M-row items CSV and a 2 M-row ASN (expected serials on
// nested plates) as CSV and as XLSX, each imported (checked and applied) in its own process: rows/s,
// beside the floor measured in the same run (the rate of only reading the same file's rows), and
// peak RSS against a bound. Validated rows are staged in TEMP tables on disk, checked with SQL and
// applied from there; XLSX is read with a streaming reader (its shared strings are held).
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeTempDir } from '../helpers/store'
import { report } from './_support'

const ITEMS_ROWS = Number(process.env.IMPORT_ROWS ?? 5_000_000)
const ASN_ROWS = Number(process.env.ASN_ROWS ?? 2_000_000)
const RSS_BOUND_MB = 512
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url))
const dir = makeTempDir('dockside-bench-imports-big-')

function node(args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`)
  return run.stdout.trim().split('\n').pop()!
}

for (const [kind, format, rows] of [['items', 'csv', ITEMS_ROWS], ['asn', 'csv', ASN_ROWS], ['asn', 'xlsx', ASN_ROWS]] as const) {
  const file = join(dir, `${kind}.${format}`)
  const t0 = performance.now()
  node([here('./_import-files.ts'), kind, format, String(rows), file])
  const written = (performance.now() - t0) / 1000
  const floor = JSON.parse(node([here('./_import-child.ts'), String(rows), kind, format], { FILE: file, FLOOR: '1' })) as { rowsPerSecond: number }
  const r = JSON.parse(node([here('./_import-child.ts'), String(rows), kind, format], { FILE: file, APPLY: '1' })) as {
    rows: number
    valid: boolean
    applied: boolean
    seconds: number
    rowsPerSecond: number
    peakRssMb: number
    startRssMb: number
    errors: number
  }
  const label = `${kind} ${format.toUpperCase()} of ${rows.toLocaleString('en-US')} rows`
  report(`${label}: rows imported (checked and applied)`, r.valid && r.applied ? r.rows : 0, 'rows', rows, 'higher', `${r.rowsPerSecond.toFixed(0)} rows/s in ${r.seconds.toFixed(0)} s; floor (only reading the rows) ${floor.rowsPerSecond.toFixed(0)} rows/s; file written in ${written.toFixed(0)} s${r.errors ? `; ${r.errors} errors` : ''}`)
  report(`${label}: peak RSS`, r.peakRssMb, 'MB', RSS_BOUND_MB, 'lower', `process started at ${r.startRssMb.toFixed(0)} MB`)
  rmSync(file, { force: true })
}
rmSync(dir, { recursive: true, force: true })
