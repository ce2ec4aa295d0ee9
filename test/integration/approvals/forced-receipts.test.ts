import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { futureAi17 } from '../../helpers/clock'
import { startTestStation } from '../../helpers/store'
import { dm, MONITOR_GTIN, PEN_GTIN } from '../receiving/rig'

const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }
const EXP = futureAi17(18)
const BEN = { id: 2, name: 'Ben Okafor' }

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

const unitOf = (s: Station, serial: string) =>
  s.store.db.prepare('SELECT u.id, u.status, l.code AS location FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.serial = ?').get(serial) as { id: number; status: string; location: string | null } | undefined
const count = (s: Station, sql: string) => (s.store.db.prepare(sql).get() as { n: number }).n
const writes = (s: Station) => count(s, "SELECT count(*) AS n FROM events WHERE type NOT LIKE 'operator.%' AND type NOT LIKE 'access.%'")

describe('forced receipts: a supervisor’s "receive anyway" (issue #10.2, ADR 0019)', () => {
  it('a serial not on the ASN: the refusal names the option; an operator alone or an operator as approver is refused, nothing written; a supervisor PIN receives it into good stock with approvedBy and the reason', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    const text = dm(MONITOR_GTIN, 'MN00009999')
    const refused = await s.dispatch('receiving.submit', { text }, DOOR)
    expect(refused).toMatchObject({ ok: true, value: { outcome: 'rejected', code: 'receiving.unexpected_serial', params: { forceable: true }, notes: [{ code: 'approval.force_option' }] } })

    const before = writes(s)
    expect(await s.dispatch('receiving.force', { text, reason: 'supplier swapped the unit' }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.force_receipt' } })
    expect(await s.dispatch('receiving.force', { text, reason: 'supplier swapped the unit', approval: { badge: 'OP-0001' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.not_supervisor' } })
    expect(unitOf(s, 'MN00009999')).toBeUndefined()
    expect(writes(s)).toBe(before)

    const forced = await s.dispatch('receiving.force', { text, reason: 'supplier swapped the unit', approval: { operatorId: 2, pin: '4321' } }, DOOR)
    expect(forced).toMatchObject({ ok: true, value: { outcome: 'warning', code: 'receiving.forced', params: { serial: 'MN00009999', approver: 'Ben Okafor', reason: 'supplier swapped the unit' } } })
    expect(unitOf(s, 'MN00009999')).toMatchObject({ status: 'received' })
    const ev = s.store.db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'unit.received' ORDER BY id DESC LIMIT 1").get() as { op: number; payload: string }
    expect(ev.op).toBe(1)
    expect(JSON.parse(ev.payload)).toMatchObject({ serial: 'MN00009999', approvedBy: BEN, forced: { reason: 'supplier swapped the unit', refusals: ['receiving.unexpected_serial'] }, status: 'received' })
    const state = (await s.dispatch('receiving.state', {}, DOOR)) as { ok: true; value: { order: { received: number } } }
    expect(state.value.order.received).toBe(1)

    // Never forced: the same serial again is a duplicate (already in stock), with no option named.
    const dup = await s.dispatch('receiving.force', { text, reason: 'again', approval: { badge: 'OP-0002' } }, DOOR)
    expect(dup).toMatchObject({ ok: true, value: { outcome: 'rejected', code: 'receiving.duplicate' } })
    expect((dup as { value: { params: Record<string, unknown> } }).value.params.forceable).toBeUndefined()
  })

  it('a recalled lot or an expired unit is received only straight into quarantine, and put-away then takes only a hold location', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'ASN-2001' }, DOOR)
    const recalled = dm(PEN_GTIN, '100201', { lot: 'L2301', expiry: EXP })
    expect(await s.dispatch('receiving.submit', { text: recalled }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.lot_recalled', params: { forceable: true } } })
    expect(await s.dispatch('receiving.force', { text: recalled, reason: 'return to supplier', approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({
      ok: true,
      value: { outcome: 'warning', code: 'receiving.forced_quarantine', notes: [{ code: 'receiving.note_hold_recalled' }] }
    })
    expect(unitOf(s, '100201')).toMatchObject({ status: 'quarantined' })
    expect(await s.dispatch('putaway.submit', { text: '100201' }, DOOR)).toMatchObject({ ok: true, value: { code: 'putaway.subject_recalled', state: { suggestion: { code: 'Q-01' } } } })
    expect(await s.dispatch('putaway.submit', { text: 'A01-01-01' }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'rejected', code: 'putaway.hold_only' } })
    await s.dispatch('putaway.cancel', {}, DOOR)

    // A supervisor signed in on the terminal forces an expired unit without a dialog: quarantined too.
    await signInOn(s, 'supervisor', DOOR)
    const expired = dm(PEN_GTIN, '100202', { lot: 'L2405', expiry: '240101' })
    expect(await s.dispatch('receiving.submit', { text: expired }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.expired', params: { forceable: true } } })
    expect(await s.dispatch('receiving.force', { text: expired, reason: 'inspect before return' }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.forced_quarantine', params: { approver: 'Ben Okafor' } } })
    expect(unitOf(s, '100202')).toMatchObject({ status: 'quarantined' })
  })

  it('a scan with nothing to force is refused and nothing is written', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'ASN-2001' }, DOOR)
    const before = writes(s)
    const good = dm(PEN_GTIN, '100203', { lot: 'L2405', expiry: EXP })
    expect(await s.dispatch('receiving.force', { text: good, reason: 'just because', approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'rejected', code: 'receiving.nothing_to_force' } })
    expect(unitOf(s, '100203')).toBeUndefined()
    expect(writes(s)).toBe(before)
    // A reason is required (the contract refuses a blank one).
    expect(await s.dispatch('receiving.force', { text: good, reason: ' ' }, DOOR)).toMatchObject({ ok: false })
  })
})
