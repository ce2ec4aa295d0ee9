import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../src/main/store/db'
import { makeTempDir } from '../../helpers/store'

describe('one station per data directory', () => {
  it('refuses a second station on the same data dir while the first runs', () => {
    const dir = makeTempDir()
    const first = openStore({ dataDir: dir })
    // Same process here, so fake another live owner: pid 1 (init) is always alive.
    first.close()
    writeFileSync(join(dir, 'station.lock'), JSON.stringify({ pid: 1, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }))
    expect(() => openStore({ dataDir: dir })).toThrow(/Another Dockside station \(process 1/)
  })

  it('takes over a lock left by a station that died', () => {
    const dir = makeTempDir()
    writeFileSync(join(dir, 'station.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }))
    const store = openStore({ dataDir: dir })
    expect(store.migration.to).toBeGreaterThan(0)
    store.close()
  })

  it('opens read-only without the lock (CLI look-ups while the station runs)', () => {
    const dir = makeTempDir()
    const station = openStore({ dataDir: dir })
    const reader = openStore({ dataDir: dir, readonly: true })
    expect(reader.migration.to).toBe(station.migration.to)
    reader.close()
    station.close()
  })
})
