import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { STATION_TERMINAL } from '../../../src/main/services/scanning'
import type { Station } from '../../../src/main/station'
import type { ImportProgress, ReceiveOutcome, ReceivingState } from '../../../src/shared/contract-areas/receiving'
import { startTestStation } from '../../helpers/store'
import { until } from '../../helpers/wait'
import { dm, MONITOR_GTIN } from './rig'

const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))
let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

const count = (s: Station, sql: string) => (s.store.db.prepare(sql).get() as { n: number }).n

describe('receiving in the station', () => {
  it('scans through the pipeline with the receiving workflow: accepted → unit + event linked from the journal; refused → only the journal row', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await s.dispatch('session.signIn', { operatorId: 2, pin: '4321' })
    const states: ReceivingState[] = []
    s.events.on('receiving.changed', ({ state }) => states.push(state))
    expect(await s.dispatch('receiving.open', { order: 'PO-1001' })).toMatchObject({ ok: true, value: { order: { number: 'PO-1001' } } })
    s.scanning.pipeline.router.activate(STATION_TERMINAL, 'receiving')
    const good = await s.handlers['scans.submit']({ text: dm(MONITOR_GTIN, 'MN00004001'), source: 'test' })
    expect(good).toMatchObject({ outcome: 'accepted', code: 'receiving.received', workflow: 'receiving', tone: 'good' })
    const journal = s.store.db.prepare('SELECT outcome, event_id FROM scan_journal WHERE id = ?').get(good.journalId) as { outcome: string; event_id: number }
    const ev = s.store.db.prepare('SELECT type, operator_id, station_id FROM events WHERE id = ?').get(journal.event_id)
    expect(ev).toEqual({ type: 'unit.received', operator_id: 2, station_id: (await s.handlers['station.info']({})).stationId })

    const before = { units: count(s, 'SELECT count(*) AS n FROM units'), events: count(s, 'SELECT count(*) AS n FROM events'), journal: count(s, 'SELECT count(*) AS n FROM scan_journal') }
    const dup = await s.handlers['scans.submit']({ text: dm(MONITOR_GTIN, 'MN00004001'), source: 'test' })
    expect(dup).toMatchObject({ outcome: 'rejected', code: 'receiving.duplicate', tone: 'bad' })
    expect({ units: count(s, 'SELECT count(*) AS n FROM units'), events: count(s, 'SELECT count(*) AS n FROM events'), journal: count(s, 'SELECT count(*) AS n FROM scan_journal') }).toEqual({ ...before, journal: before.journal + 1 })
    await until(() => states.at(-1)?.lines[0]?.received === 1, { what: 'the receiving state after the scan' })
    expect(states.at(-1)?.lines[0]).toMatchObject({ sku: 'MON-27-BLK', received: 1 })

    // the contract methods around it
    expect(await s.dispatch('receiving.undo', {})).toMatchObject({ ok: true, value: { undone: 1 } })
    expect(await s.dispatch('receiving.newPlate', {})).toMatchObject({ ok: true, value: { code: 'receiving.plate_created' } }) // the demo's own SSCC range
    expect(await s.dispatch('receiving.orders', {})).toMatchObject({ ok: true, value: [{ number: 'ASN-2001' }, { number: 'PO-1001', status: 'receiving' }] })
    expect(await s.dispatch('lookup.find', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'lookup.unknown' } })
    expect(await s.dispatch('receiving.exception', { reason: 'stolen' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('new plates get SSCCs from the station range; put-away and look-up scan workflows', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    const { createSsccIssuer } = await import('../../../src/main/services/sscc-issuer')
    const { createSettingsRepository } = await import('../../../src/main/store/repositories/settings')
    createSsccIssuer(s.store.db, createSettingsRepository(s.store.db), s.eventLog).configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 100, rangeEnd: 199 }, null)
    await s.dispatch('receiving.open', { order: 'PO-1001' })
    const plate = await s.dispatch('receiving.newPlate', {})
    expect(plate).toMatchObject({ ok: true, value: { code: 'receiving.plate_created', plate: { kind: 'sscc', code: expect.stringMatching(/^106141410000001\d{3}$/) } } })
    await s.dispatch('receiving.submit', { text: dm(MONITOR_GTIN, 'MN00004002') })
    const code = plate.ok ? (plate.value as ReceiveOutcome).plate!.code : ''
    s.scanning.pipeline.router.activate(STATION_TERMINAL, 'putaway')
    expect(await s.handlers['scans.submit']({ text: `]C100${code}`, source: 'test' })).toMatchObject({ outcome: 'accepted', code: 'putaway.subject' })
    expect(await s.handlers['scans.submit']({ text: 'A01-01-01', source: 'test' })).toMatchObject({ outcome: 'accepted', code: 'putaway.moved' })
    s.scanning.pipeline.router.activate(STATION_TERMINAL, 'lookup')
    expect(await s.handlers['scans.submit']({ text: 'MN00004002', source: 'test' })).toMatchObject({ outcome: 'accepted', code: 'lookup.unit', params: { serial: 'MN00004002', status: 'stored', location: 'A01-01-01' } })
  })

  it('imports.preview / imports.run go through a worker and push progress events', async () => {
    station = await startTestStation({ demo: true, importPaths: true })
    const s = station
    const progress: ImportProgress[] = []
    s.events.on('imports.progress', (p) => progress.push(p))
    const file = join(s.store.file, '..', 'suppliers.csv')
    copyFileSync(join(SAMPLES, 'suppliers.csv'), file)
    expect(await s.dispatch('imports.preview', { path: file })).toMatchObject({ ok: true, value: { valid: true, applied: false } })
    expect(await s.dispatch('imports.run', { path: file })).toMatchObject({ ok: true, value: { applied: true, summary: { suppliersCreated: 2 } } })
    expect(progress.some((p) => p.phase === 'done')).toBe(true)
    expect(count(s, "SELECT count(*) AS n FROM suppliers WHERE code = 'SUP-PHARMA'")).toBe(1)
  })
})
