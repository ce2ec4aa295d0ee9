import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { syncChangesResponseSchema, syncPushResponseSchema } from '../../../src/shared/sync-protocol'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../../helpers/server'
import { changes, push, receivedUnits, syncEvent } from '../../helpers/sync-events'

// Real PostgreSQL and child processes on a busy 2-core CI machine: generous bounds, never speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const GTIN = '09521234543213'

describe.skipIf(!postgresAvailable())(`upstream sync protocol on real PostgreSQL${postgresAvailable() ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let server: InProcessServer
  let a: string
  let b: string
  let c: string
  const stored = async () => Number((await server.pool.query('SELECT count(*) AS n FROM station_events')).rows[0].n)

  beforeAll(async () => {
    pgc = await startTestPostgres()
    server = await startInProcessServer(pgc.url)
    a = await server.token('dock-a')
    b = await server.token('dock-b')
    c = await server.token('dock-c')
  })
  afterAll(async () => {
    await server?.close()
    await pgc?.stop()
  })

  it('stores a batch once by uuid and projects it into the unit registry other stations pull', async () => {
    const batch = receivedUnits('dock-a', GTIN, ['S-1', 'S-2', 'S-3'])
    const first = await push(server.url, a, batch)
    expect(first.status).toBe(200)
    expect(syncPushResponseSchema.parse(first.body)).toEqual({ stored: 3, duplicates: 0, conflicts: 0 })
    const again = await push(server.url, a, batch)
    expect(again.body).toEqual({ stored: 0, duplicates: 3, conflicts: 0 })
    expect(await stored()).toBe(3)

    const seen = syncChangesResponseSchema.parse(await changes(server.url, b))
    const units = seen.changes.filter((ch) => ch.kind === 'unit')
    expect(units.map((u) => u.key).sort()).toEqual([`${GTIN}/S-1`, `${GTIN}/S-2`, `${GTIN}/S-3`])
    expect(units[0]!.body).toMatchObject({ status: 'received', station: 'dock-a', locationCode: 'DOCK-1' })
    const later = await changes(server.url, b, seen.cursor)
    expect(later.changes).toEqual([])
    expect(later.cursor).toBe(seen.cursor)
  })

  it('moves the unit as later events arrive, and keeps the last event by time when they arrive out of order', async () => {
    const t = Date.now()
    const stored1 = syncEvent('dock-b', 'unit.stored', { occurredAt: new Date(t + 10_000).toISOString(), unit: { gtin: GTIN, serial: 'S-1' }, location: { code: 'BIN-7' } })
    const older = syncEvent('dock-b', 'unit.moved_to_plate', { occurredAt: new Date(t + 5_000).toISOString(), unit: { gtin: GTIN, serial: 'S-1' }, plate: { code: 'LPN-9' } })
    const before = (await changes(server.url, a)).cursor
    expect((await push(server.url, b, [stored1])).status).toBe(200)
    expect((await push(server.url, b, [older])).status).toBe(200)
    const feed = await changes(server.url, a, before)
    expect(feed.changes.map((ch) => ch.body.status)).toEqual(['stored'])
    const unit = await fetch(`${server.url}/v1/units/${GTIN}/S-1`, { headers: { authorization: `Bearer ${a}` } })
    const body = (await unit.json()) as { unit: Record<string, unknown>; history: { type: string; station: string }[] }
    expect(body.unit).toMatchObject({ status: 'stored', location_code: 'BIN-7', station: 'dock-b' })
    expect(body.history.map((h) => `${h.station}:${h.type}`)).toEqual(['dock-a:unit.received', 'dock-b:unit.moved_to_plate', 'dock-b:unit.stored'])
  })

  it('the same serial received at two stations is a conflict (counterfeit suspect) seen by both, not by others', async () => {
    const cursorA = (await changes(server.url, a)).cursor
    const cursorC = (await changes(server.url, c)).cursor
    const r = await push(server.url, b, receivedUnits('dock-b', GTIN, ['S-2']))
    expect(r.body).toEqual({ stored: 1, duplicates: 0, conflicts: 1 })
    for (const [token, cursor] of [[a, cursorA], [b, '0']] as const) {
      const conflicts = (await changes(server.url, token, cursor)).changes.filter((ch) => ch.kind === 'conflict')
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]!.body).toMatchObject({ kind: 'duplicate_receipt', gtin: GTIN, serial: 'S-2', stations: ['dock-a', 'dock-b'], counterfeitSuspect: true })
    }
    expect((await changes(server.url, c, cursorC)).changes.filter((ch) => ch.kind === 'conflict')).toEqual([])
  })

  it('pages never split a pushed batch: a cursor always sits between whole transactions', async () => {
    const start = (await changes(server.url, a)).cursor
    await push(server.url, a, receivedUnits('dock-a', GTIN, Array.from({ length: 30 }, (_, i) => `PG-${i}`)))
    await push(server.url, a, receivedUnits('dock-a', GTIN, ['PG-X1', 'PG-X2']))
    const first = await changes(server.url, a, start, 10)
    expect(first.changes).toHaveLength(30)
    expect(first.more).toBe(true)
    const second = await changes(server.url, a, first.cursor, 10)
    expect(second.changes.map((ch) => ch.key)).toEqual([`${GTIN}/PG-X1`, `${GTIN}/PG-X2`])
    expect(BigInt(second.cursor)).toBeGreaterThan(BigInt(first.cursor))
    expect((await changes(server.url, a, second.cursor, 10)).changes).toEqual([])
  })

  it('master data follows upstream: every station pulls each changed record once', async () => {
    const { putMasterData } = await import('../../../src/server/sync/master')
    const before = (await changes(server.url, c)).cursor
    const items = [
      { kind: 'item' as const, key: 'MON-27-BLK', body: { gtin: GTIN, description: '27" monitor, black', tracking: 'serial' } },
      { kind: 'location' as const, key: 'DOCK-1', body: { name: 'Dock 1', kind: 'dock', gln: '0614141000012' } }
    ]
    expect(await putMasterData(server.pool, items)).toBe(2)
    expect(await putMasterData(server.pool, items)).toBe(0) // unchanged: no new change
    const feed = await changes(server.url, c, before)
    expect(feed.changes.map((ch) => [ch.kind, ch.key])).toEqual([
      ['master', 'item/MON-27-BLK'],
      ['master', 'location/DOCK-1']
    ])
    expect(feed.changes[0]!.body).toMatchObject({ kind: 'item', key: 'MON-27-BLK', gtin: GTIN })
  })

  it('a station cannot write events as another station: 403, nothing stored', async () => {
    const before = await stored()
    const r = await push(server.url, a, [...receivedUnits('dock-a', GTIN, ['S-50']), ...receivedUnits('dock-b', GTIN, ['S-51'])])
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ code: 'sync.wrong_station', params: { token: 'dock-a', event: 'dock-b' } })
    expect(await stored()).toBe(before)
  })

  it('wrong, missing, revoked or rotated-out token → 401, nothing stored', async () => {
    const before = await stored()
    const batch = receivedUnits('dock-c', GTIN, ['S-60'])
    expect((await push(server.url, 'not-a-real-token-at-all-000', batch)).status).toBe(401)
    const res = await fetch(`${server.url}/v1/sync/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: batch }) })
    expect(res.status).toBe(401)
    expect((await fetch(`${server.url}/v1/sync/changes`)).status).toBe(401)
    const { createTokenStore } = await import('../../../src/server/auth/tokens')
    const tokens = createTokenStore(server.pool)
    const rotated = await tokens.rotate('dock-c')
    expect(rotated.revoked).toBe(1)
    expect((await push(server.url, c, batch)).status).toBe(401)
    expect(await stored()).toBe(before)
    expect((await push(server.url, rotated.token, batch)).status).toBe(200)
    expect(await tokens.revoke('dock-c')).toBe(1)
    expect((await push(server.url, rotated.token, receivedUnits('dock-c', GTIN, ['S-61']))).status).toBe(401)
    const hashes = await server.pool.query('SELECT token_hash FROM station_tokens')
    expect(hashes.rows.every((r: { token_hash: Buffer }) => r.token_hash.length === 32)).toBe(true)
    expect(JSON.stringify(hashes.rows)).not.toContain(rotated.token)
  })

  it('malformed or oversized batches are refused with a reason', async () => {
    const before = await stored()
    const bad = async (body: unknown, status: number, code: string) => {
      const r = await push(server.url, a, body)
      expect(r.status, JSON.stringify(r.body)).toBe(status)
      expect(r.body.code).toBe(code)
      return r.body
    }
    const missingType = await bad({ events: [{ ...receivedUnits('dock-a', GTIN, ['S-70'])[0]!, type: undefined }] }, 400, 'server.invalid_request')
    expect(String(missingType.detail)).toContain('events.0.type')
    await bad({ events: [] }, 400, 'server.invalid_request')
    await bad({ events: [{ ...receivedUnits('dock-a', GTIN, ['S-71'])[0]!, unit: { gtin: '123', serial: 'x' } }] }, 400, 'server.invalid_request')
    await bad({ events: receivedUnits('dock-a', GTIN, Array.from({ length: 5001 }, (_, i) => `T-${i}`)) }, 400, 'server.invalid_request')
    const huge = { events: receivedUnits('dock-a', GTIN, ['S-72']).map((e) => ({ ...e, payload: { pad: 'x'.repeat(17 * 1024 * 1024) } })) }
    await bad(huge, 413, 'server.body_too_large')
    expect(await stored()).toBe(before)
  })
})
