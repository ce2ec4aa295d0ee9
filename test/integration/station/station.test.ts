import { describe, expect, it } from 'vitest'
import { hashPin, verifyPin } from '../../../src/main/services/pin-hash'
import { makeTempDir, startTestStation } from '../../helpers/store'

describe('createStation', () => {
  it('seeds demo data once: operators, items of every tracking policy, a PO and an ASN', async () => {
    const dataDir = makeTempDir()
    const station = await startTestStation({ dataDir, demo: true })
    const db = station.store.db
    const tracking = db.prepare('SELECT DISTINCT tracking FROM items ORDER BY tracking').all() as { tracking: string }[]
    expect(tracking.map((t) => t.tracking)).toEqual(['lot', 'lot_serial', 'none', 'serial'])
    const orders = db.prepare('SELECT number, kind FROM inbound_orders ORDER BY number').all()
    expect(orders).toEqual([
      { number: 'ASN-2001', kind: 'asn' },
      { number: 'PO-1001', kind: 'po' }
    ])
    expect((db.prepare('SELECT count(*) AS n FROM inbound_expected_units WHERE serial IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(0)
    const info = await station.handlers['station.info']({})
    expect(info.demo).toBe(true)
    // "New pallet" works out of the box: the demo has its own SSCC range.
    const plate = await station.dispatch('receiving.newPlate', {})
    expect(plate).toMatchObject({ ok: true, value: { plate: { code: expect.stringMatching(/^106141411000000\d{3}$/) } } })
    await station.close()

    const again = await startTestStation({ dataDir, demo: true })
    expect((again.store.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n).toBe(3)
    again.close()
  })

  it('signs in by badge or PIN, refuses wrong ones, and records each sign-in as an event', async () => {
    const station = await startTestStation({ demo: true })
    const sessions: unknown[] = []
    station.events.on('session.changed', (s) => sessions.push(s))
    const byBadge = await station.dispatch('session.signIn', { badge: 'OP-0001' })
    expect(byBadge).toMatchObject({ ok: true, value: { operator: { name: 'Ana García', role: 'operator' } } })
    const wrongPin = await station.dispatch('session.signIn', { operatorId: 2, pin: '0000' })
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    const unknownBadge = await station.dispatch('session.signIn', { badge: 'NOPE' })
    expect(unknownBadge).toMatchObject({ ok: false, error: { code: 'auth.unknown_badge' } })
    const byPin = await station.dispatch('session.signIn', { operatorId: 2, pin: '4321' })
    expect(byPin).toMatchObject({ ok: true, value: { operator: { name: 'Ben Okafor' } } })
    expect(sessions).toHaveLength(2)
    const events = station.store.db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'operator.signed_in' ORDER BY id").all()
    expect(events).toEqual([
      { op: 1, payload: '{"method":"badge","terminal":"station"}' },
      { op: 2, payload: '{"method":"pin","terminal":"station"}' }
    ])
    await station.close()
  })

  it('stores PINs only as slow salted hashes', async () => {
    const station = await startTestStation({ demo: true })
    const hashes = station.store.db.prepare('SELECT pin_hash FROM operators').all() as { pin_hash: string }[]
    for (const { pin_hash } of hashes) {
      expect(pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
      expect(pin_hash).not.toContain('1234')
    }
    await station.close()
    const a = await hashPin('1234')
    const b = await hashPin('1234')
    expect(a).not.toBe(b)
    expect(await verifyPin('1234', a)).toBe(true)
    expect(await verifyPin('1235', a)).toBe(false)
    expect(await verifyPin('1234', 'garbage')).toBe(false)
  })

  it('keeps settings in the store, audits each change, and refuses bad ones without writing', async () => {
    const dataDir = makeTempDir()
    const station = await startTestStation({ dataDir })
    const updated = await station.dispatch('settings.update', { stationName: 'Receiving 2', language: 'es', dock: 'D2' })
    expect(updated).toMatchObject({ ok: true, value: { stationName: 'Receiving 2', language: 'es', dock: 'D2' } })
    const refused = await station.dispatch('settings.update', { language: 'xx', dock: 'D3' })
    expect(refused.ok).toBe(false)
    const audit = station.store.db.prepare("SELECT payload FROM events WHERE type = 'settings.changed'").all()
    expect(audit).toEqual([{ payload: JSON.stringify({ stationName: 'Receiving 2', dock: 'D2', language: 'es', before: { stationName: 'Dockside station', dock: '', language: 'en' } }) }])
    await station.close()
    const reopened = await startTestStation({ dataDir })
    expect(await reopened.handlers['settings.get']({})).toMatchObject({ stationName: 'Receiving 2', dock: 'D2', language: 'es' })
    reopened.close()
  })

  it('counts unsent outbox rows for the sync badge', async () => {
    const station = await startTestStation({ demo: true })
    const before = (await station.handlers['sync.status']({})).pending
    await station.dispatch('session.signIn', { badge: 'OP-0001' })
    expect((await station.handlers['sync.status']({})).pending).toBe(before + 1)
    await station.close()
  })

  it('exports a diagnostics bundle with versions, settings and the scan journal', async () => {
    const station = await startTestStation({ demo: true })
    station.store.db
      .prepare("INSERT INTO scan_journal (scanned_at, device_id, raw, text, outcome, message) VALUES ('2026-11-28T06:00:00Z', 'sim-1', x'5d43313031', ']C101', 'rejected', 'truncated')")
      .run()
    const result = await station.handlers['diagnostics.export']({})
    const bundle = JSON.parse((await import('node:fs')).readFileSync(result.path, 'utf8'))
    expect(bundle.versions).toMatchObject({ dockside: 'test', node: process.versions.node, schema: expect.any(Number) })
    expect(bundle.settings.stationName).toBe('Demo station')
    expect(bundle.scanJournal).toEqual([expect.objectContaining({ deviceId: 'sim-1', rawHex: '5D43313031', outcome: 'rejected' })])
    await station.close()
  })
})

describe('scan workflows', () => {
  it('routes the station’s scans to the workflow the screen chose', async () => {
    const station = await startTestStation({ demo: true })
    const results: string[] = []
    station.events.on('scans.result', (r) => results.push(r.workflow))
    expect(await station.dispatch('scans.setWorkflow', { workflow: 'receiving' })).toEqual({ ok: true, value: { workflow: 'receiving' } })
    await station.dispatch('scans.submit', { text: 'PO-1001', source: 'wedge' })
    expect(await station.dispatch('scans.setWorkflow', { workflow: 'default' })).toEqual({ ok: true, value: { workflow: 'default' } })
    await station.dispatch('scans.submit', { text: 'PO-1001', source: 'wedge' })
    expect(await station.dispatch('scans.setWorkflow', { workflow: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(results).toEqual(['receiving', 'default'])
    await station.close()
  })
})
