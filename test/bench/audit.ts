/**
 * `dockside audit verify` over the 1 M-unit / 5 M-event bench store (ADR 0015): events per second of
 * the hash-chain walk, beside the floor measured in the same run — reading the same rows with no hashing.
 * Run: npm run bench -- audit
 */
import { loadavg } from 'node:os'
import { openStore } from '../../src/main/store/db'
import { CHAINED_COLUMNS } from '../../src/main/store/audit/chain'
import { createAuditRepository } from '../../src/main/store/repositories/audit'
import { millionUnitDataDir } from './_million-units'
import { report } from './_support'

const dir = millionUnitDataDir()
const store = openStore({ dataDir: dir, stationLock: false })
try {
  const t0 = performance.now()
  let rows = 0
  for (const _row of store.db.prepare(`SELECT ${CHAINED_COLUMNS} FROM events ORDER BY id`).iterate()) rows++
  const floorPerSecond = rows / ((performance.now() - t0) / 1000)

  const t1 = performance.now()
  const verdict = createAuditRepository(store.db).verify()
  const perSecond = verdict.events / ((performance.now() - t1) / 1000)
  if (!verdict.ok) throw new Error(`the bench store's chain does not hold: ${JSON.stringify(verdict)}`)
  report(
    'audit verify over 5 M events',
    perSecond,
    'events/s',
    floorPerSecond * 0.3,
    'higher',
    `target = 30% of the floor; floor (reading the same ${rows.toLocaleString('en-US')} rows, no hashing) ${Math.round(floorPerSecond).toLocaleString('en-US')} rows/s in this run; load average ${loadavg()[0]!.toFixed(1)}`
  )
} finally {
  store.close()
}
