import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSyncRepository } from '../../../src/main/store/repositories/sync'
import { seeded, startFaultProxy, type FaultProxy, type ProxyRequest } from '../../helpers/fault-proxy'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'
import { makeTempDir, openTempStore } from '../../helpers/store'
import { push, receivedUnits } from '../../helpers/sync-events'

// Child processes and real PostgreSQL on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const CHILD = fileURLToPath(new URL('./sync-child.ts', import.meta.url))
const UPSTREAM_UNITS = 30_000

function run(args: string[]): { child: ChildProcess; exited: Promise<number | null>; lines: () => string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000)
  void exited.then(() => clearTimeout(timer))
  return { child, exited, lines: () => out.split('\n') }
}

describe.skipIf(!available)(`a station killed (SIGKILL) during push and during pull${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let proxy: FaultProxy

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    const target = new URL(server.url)
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) })
  })
  afterAll(async () => {
    await proxy?.close()
    await server?.close()
    await pgc?.stop()
  })

  it('loses nothing and duplicates nothing, upstream or in the pulled registry', async () => {
    // Another station's registry to pull, many pages of it.
    const otherToken = await server.token('dock-x')
    for (let i = 0; i < UPSTREAM_UNITS; i += 5000) {
      const serials = Array.from({ length: 5000 }, (_, k) => `X${String(i + k).padStart(7, '0')}`)
      expect((await push(server.url, otherToken, receivedUnits('dock-x', '09521234543213', serials))).status).toBe(200)
    }
    const dataDir = makeTempDir('dockside-sync-kill-')
    // The station id is made on first open (stored as JSON): read it to issue the token for it.
    const first = openTempStore(dataDir)
    const { createSettingsRepository } = await import('../../../src/main/store/repositories/settings')
    const id = createSettingsRepository(first.db).stationId()
    first.close()
    const token = await server.token(id)

    const random = seeded(7)
    const kills = { push: 0, pull: 0 }
    for (const phase of ['push', 'push', 'push', 'push', 'pull', 'pull', 'pull', 'pull', 'pull'] as const) {
      const child = run([dataDir, proxy.url, token])
      let armed = true
      proxy.onAnswered(async (r: ProxyRequest) => {
        const isPush = r.method === 'POST' && r.path.startsWith('/v1/sync/events')
        const isPull = r.method === 'GET' && r.path.startsWith('/v1/sync/changes')
        if (!armed || (phase === 'push' ? !isPush : !isPull)) return
        armed = false
        if (phase === 'push') {
          // The server has stored the batch; the station dies before it hears so.
          child.child.kill('SIGKILL')
          kills.push++
        } else {
          // The page reaches the station, which dies while applying it.
          setTimeout(() => child.child.kill('SIGKILL'), Math.floor(random() * 40))
          kills.pull++
        }
      })
      expect(await child.exited, child.lines().join('\n')).toBeNull()
      proxy.onAnswered(null)
    }
    expect(kills).toEqual({ push: 4, pull: 5 })

    const drain = run([dataDir, proxy.url, token, 'drain'])
    expect(await drain.exited, drain.lines().join('\n')).toBe(0)

    const store = openTempStore(dataDir)
    try {
      const local = store.db.prepare('SELECT uuid FROM events').all() as { uuid: string }[]
      const { rows } = await server.pool.query<{ uuid: string }>(`SELECT e.uuid::text AS uuid FROM station_events e JOIN stations s ON s.id = e.station_id WHERE s.name = $1`, [id])
      expect(rows.length).toBe(local.length)
      expect(new Set(rows.map((r) => r.uuid))).toEqual(new Set(local.map((r) => r.uuid)))
      expect((store.db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n).toBe(0)
      const units = Number((await server.pool.query('SELECT count(*) AS n FROM units')).rows[0].n)
      expect(createSyncRepository(store.db).upstreamUnitCount()).toBe(units)
      expect(units).toBeGreaterThanOrEqual(UPSTREAM_UNITS)
    } finally {
      store.close()
    }
  })
})
