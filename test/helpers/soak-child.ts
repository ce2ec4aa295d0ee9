// A station in its own process for the kill -9 soak: submits scans in bursts and runs small items
// imports between them, printing each acknowledgement (`ack <journalId> <text>`, `import <prefix> <n>`)
// only after the call returned — the write is committed (synchronous = FULL). Killed with SIGKILL.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importFile } from '../../src/main/import'
import { silentLogger } from '../../src/main/logging'
import { createStation } from '../../src/main/station'

const dataDir = process.argv[2]!
const cycle = process.argv[3]!
const station = await createStation({ dataDir, host: 'headless', version: 'soak', logger: silentLogger(), demo: true, backups: false })
process.stdout.write('ready\n')
for (let burst = 0; ; burst++) {
  for (let i = 0; i < 25; i++) {
    const text = `SOAK-${cycle}-${burst}-${i}`
    const r = await station.handlers['scans.submit']({ text, source: 'test' })
    if (r.journalId > 0) process.stdout.write(`ack ${r.journalId} ${text}\n`)
  }
  const prefix = `SK${cycle}X${burst}X`
  const rows = 200
  const file = join(dataDir, `soak-${cycle}-${burst}.csv`)
  writeFileSync(file, `kind,items\nsku,description,tracking\n${Array.from({ length: rows }, (_, j) => `${prefix}${j},Soak ${j},none`).join('\n')}\n`)
  const report = await importFile(station.store.db, station.eventLog, file, {})
  if (report.applied) process.stdout.write(`import ${prefix} ${rows}\n`)
}
