import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { startTestStation } from '../../helpers/store'
import { dm, MONITOR_GTIN } from '../receiving/rig'

const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

async function receivedAndPutAway(s: Station, serial: string, role: 'operator' | 'supervisor' = 'operator'): Promise<number> {
  await signInOn(s, role, DOOR)
  expect(await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)).toMatchObject({ ok: true })
  expect(await s.dispatch('receiving.submit', { text: dm(MONITOR_GTIN, serial) }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.received' } })
  expect(await s.dispatch('putaway.submit', { text: serial }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'accepted' } })
  expect(await s.dispatch('putaway.submit', { text: 'A01-01-01' }, DOOR)).toMatchObject({ ok: true, value: { moved: { to: 'A01-01-01' } } })
  return (s.store.db.prepare('SELECT id FROM units WHERE serial = ?').get(serial) as { id: number }).id
}

describe('undo after put-away with a supervisor (issue #10.2, ADR 0019)', () => {
  it('an operator alone is refused with the approval code, nothing written; an operator as approver is refused; a supervisor PIN takes the unit out of its bin and undoes the receipt', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    const unitId = await receivedAndPutAway(s, 'MN00004001')
    const events = () => (s.store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    const unit = () => s.store.db.prepare('SELECT u.status, l.code AS location FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.id = ?').get(unitId)
    const before = events()

    expect(await s.dispatch('receiving.undo', {}, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.undo_moved', params: { serial: 'MN00004001', location: 'A01-01-01' } } })
    expect(await s.dispatch('receiving.undo', { approval: { badge: 'OP-0001' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.not_supervisor' } })
    expect(await s.dispatch('receiving.undo', { approval: { operatorId: 2, pin: '0000' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(unit()).toEqual({ status: 'stored', location: 'A01-01-01' })
    // The wrong PIN is audited (ADR 0015); no receiving event was written.
    expect((s.store.db.prepare("SELECT count(*) AS n FROM events WHERE id > ? AND type NOT LIKE 'operator.%' AND type NOT LIKE 'access.%'").get(before) as { n: number }).n).toBe(0)

    const undone = await s.dispatch('receiving.undo', { approval: { operatorId: 2, pin: '4321' } }, DOOR)
    expect(undone).toMatchObject({ ok: true, value: { code: 'receiving.undone', params: { what: 'MN00004001' } } })
    expect(unit()).toEqual({ status: 'expected', location: null })
    const rows = s.store.db.prepare("SELECT type, operator_id AS op, payload FROM events WHERE unit_id = ? AND type IN ('unit.taken_out', 'unit.receipt_undone') ORDER BY id").all(unitId) as { type: string; op: number; payload: string }[]
    expect(rows.map((r) => r.type)).toEqual(['unit.taken_out', 'unit.receipt_undone'])
    for (const r of rows) {
      expect(r.op).toBe(1)
      expect(JSON.parse(r.payload)).toMatchObject({ approvedBy: { id: 2, name: 'Ben Okafor' } })
    }
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ from: 'A01-01-01', why: 'undo' })

    // The unit's history shows both, with the approver.
    const look = (await s.dispatch('lookup.find', { code: 'MN00004001' }, DOOR)) as { ok: true; value: unknown }
    expect(JSON.stringify(look.value)).toContain('timeline.unit.taken_out')
    expect(JSON.stringify(look.value)).toContain('Ben Okafor')
  })

  it('a supervisor badge scanned on the operator’s screen approves; a supervisor signed in needs no dialog', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await receivedAndPutAway(s, 'MN00004002')
    expect(await s.dispatch('receiving.undo', { approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.undone' } })
    await receivedAndPutAway(s, 'MN00004003', 'supervisor')
    expect(await s.dispatch('receiving.undo', {}, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.undone' } })
  })

  it('an unexpected serial recorded as an exception and put away to the hold bin needs a supervisor to undo too', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    await s.dispatch('receiving.exception', { reason: 'unexpected_serial', code: dm(MONITOR_GTIN, 'MN00009990') }, DOOR)
    await s.dispatch('putaway.submit', { text: 'MN00009990' }, DOOR)
    expect(await s.dispatch('putaway.submit', { text: 'Q-01' }, DOOR)).toMatchObject({ ok: true, value: { moved: { to: 'Q-01' } } })
    expect(await s.dispatch('receiving.undo', {}, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.undo_moved', params: { serial: 'MN00009990', location: 'Q-01' } } })
    expect(await s.dispatch('receiving.undo', { approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.undone' } })
    const types = s.store.db.prepare("SELECT type FROM events WHERE unit_id = (SELECT id FROM units WHERE serial = 'MN00009990') ORDER BY id").all() as { type: string }[]
    expect(types.map((t) => t.type).slice(-2)).toEqual(['unit.taken_out', 'unit.exception_undone'])
  })

  it('a unit still at the dock is undone by the operator alone, as before', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    await s.dispatch('receiving.submit', { text: dm(MONITOR_GTIN, 'MN00004004') }, DOOR)
    expect(await s.dispatch('receiving.undo', {}, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.undone' } })
    expect(s.store.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'unit.taken_out'").get()).toEqual({ n: 0 })
  })
})
