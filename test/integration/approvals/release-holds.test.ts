import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { futureAi17 } from '../../helpers/clock'
import { startTestStation } from '../../helpers/store'
import { dm, MONITOR_GTIN, PEN_GTIN } from '../receiving/rig'

const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }
const EXP = futureAi17(18)

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

const unitOf = (s: Station, serial: string) =>
  s.store.db.prepare('SELECT u.id, u.status, l.code AS location FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.serial = ?').get(serial) as { id: number; status: string; location: string | null }
const writes = (s: Station) => (s.store.db.prepare("SELECT count(*) AS n FROM events WHERE type NOT LIKE 'operator.%' AND type NOT LIKE 'access.%'").get() as { n: number }).n

async function quarantinedInHoldBin(s: Station, serial: string): Promise<void> {
  await signInOn(s, 'operator', DOOR)
  await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
  expect(await s.dispatch('receiving.exception', { reason: 'unexpected_serial', code: dm(MONITOR_GTIN, serial) }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'warning' } })
  expect(await s.dispatch('putaway.submit', { text: serial }, DOOR)).toMatchObject({ ok: true, value: { code: 'putaway.subject_quarantined' } })
  expect(await s.dispatch('putaway.submit', { text: 'Q-01' }, DOOR)).toMatchObject({ ok: true, value: { moved: { to: 'Q-01' } } })
}

describe('releasing holds (issue #10.2, ADR 0019)', () => {
  it('an operator alone is refused, nothing written; an operator as approver is refused; a supervisor PIN releases it, audited; put-away then takes a good-stock bin', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await quarantinedInHoldBin(s, 'MN00009998')
    const before = writes(s)
    expect(await s.dispatch('holds.release', { serial: 'MN00009998', reason: 'serial confirmed by supplier' }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.release_hold', params: { serial: 'MN00009998' } } })
    expect(await s.dispatch('holds.release', { serial: 'MN00009998', reason: 'serial confirmed by supplier', approval: { badge: 'OP-0001' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.not_supervisor' } })
    expect(unitOf(s, 'MN00009998')).toMatchObject({ status: 'quarantined', location: 'Q-01' })
    expect(writes(s)).toBe(before)

    const released = await s.dispatch('holds.release', { serial: 'MN00009998', reason: 'serial confirmed by supplier', approval: { operatorId: 2, pin: '4321' } }, DOOR)
    expect(released).toMatchObject({ ok: true, value: { code: 'holds.released', status: 'stored', serial: 'MN00009998', params: { approver: 'Ben Okafor', location: 'Q-01' } } })
    expect(unitOf(s, 'MN00009998')).toMatchObject({ status: 'stored', location: 'Q-01' })
    const ev = s.store.db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'unit.hold_released'").get() as { op: number; payload: string }
    expect(ev.op).toBe(1)
    expect(JSON.parse(ev.payload)).toMatchObject({ from: 'quarantined', to: 'stored', reason: 'serial confirmed by supplier', approvedBy: { id: 2, name: 'Ben Okafor' } })
    const look = (await s.dispatch('lookup.find', { code: 'MN00009998' }, DOOR)) as { ok: true; value: { timeline: { type: string; summary: { code: string } }[] } }
    expect(look.value.timeline.map((t) => t.summary.code)).toContain('timeline.unit.hold_released')

    expect(await s.dispatch('putaway.submit', { text: 'MN00009998' }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'accepted', code: 'putaway.subject' } })
    expect(await s.dispatch('putaway.submit', { text: 'A01-01-01' }, DOOR)).toMatchObject({ ok: true, value: { moved: { to: 'A01-01-01' } } })
    // Released once: a second release finds nothing held.
    expect(await s.dispatch('holds.release', { serial: 'MN00009998', reason: 'again', approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'holds.not_held' } })
  })

  it('a supervisor signed in releases by unit id with no dialog; a unit still at the dock becomes received', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'supervisor', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    await s.dispatch('receiving.exception', { reason: 'unexpected_serial', code: dm(MONITOR_GTIN, 'MN00009997') }, DOOR)
    const { id } = unitOf(s, 'MN00009997')
    expect(await s.dispatch('holds.release', { unitId: id, reason: 'label reprinted by supplier' }, DOOR)).toMatchObject({ ok: true, value: { status: 'received' } })
    expect(unitOf(s, 'MN00009997').status).toBe('received')
  })

  it('a recalled lot and an expired unit are never released at the station, whoever asks; the option is not offered to an operator first', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'ASN-2001' }, DOOR)
    await s.dispatch('receiving.force', { text: dm(PEN_GTIN, '100201', { lot: 'L2301', expiry: EXP }), reason: 'return to supplier', approval: { badge: 'OP-0002' } }, DOOR)
    await s.dispatch('receiving.force', { text: dm(PEN_GTIN, '100202', { lot: 'L2405', expiry: '240101' }), reason: 'inspect', approval: { badge: 'OP-0002' } }, DOOR)
    expect(await s.dispatch('holds.release', { serial: '100201', reason: 'looks fine' }, DOOR)).toMatchObject({ ok: false, error: { code: 'holds.lot_recalled', params: { lot: 'L2301' } } })
    expect(await s.dispatch('holds.release', { serial: '100202', reason: 'looks fine', approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'holds.expired' } })
    expect(unitOf(s, '100201').status).toBe('quarantined')
    expect(unitOf(s, '100202').status).toBe('quarantined')
    // A unit that is not held, and one that does not exist.
    await s.dispatch('receiving.submit', { text: dm(PEN_GTIN, '100203', { lot: 'L2405', expiry: EXP }) }, DOOR)
    expect(await s.dispatch('holds.release', { serial: '100203', reason: 'nothing' }, DOOR)).toMatchObject({ ok: false, error: { code: 'holds.not_held' } })
    expect(await s.dispatch('holds.release', { serial: 'NOPE-1', reason: 'nothing' }, DOOR)).toMatchObject({ ok: false, error: { code: 'holds.unknown_unit' } })
    expect(await s.dispatch('holds.release', { serial: 'NOPE-1', unitId: 3, reason: 'both' }, DOOR)).toMatchObject({ ok: false })
  })
})
