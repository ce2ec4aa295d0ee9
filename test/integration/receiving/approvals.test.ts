import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { startTestStation } from '../../helpers/store'
import { dm, MONITOR_GTIN } from './rig'
import { until } from '../../helpers/wait'

const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }
const monitor = (serial: string) => dm(MONITOR_GTIN, serial)

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

describe('supervisor approvals (issue #12.3, ADR 0015)', () => {
  it('an operator cannot close an order short without a supervisor; a supervisor PIN or badge on the screen approves, recorded as approvedBy', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    expect(await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)).toMatchObject({ ok: true })
    expect(await s.dispatch('receiving.submit', { text: monitor('MN00004001') }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.received' } })
    const refused = await s.dispatch('receiving.close', {}, DOOR)
    expect(refused).toMatchObject({ ok: false, error: { code: 'approval.close_short', params: { order: 'PO-1001' } } })
    // An operator's own PIN is no approval; a wrong supervisor PIN neither.
    expect(await s.dispatch('receiving.close', { approval: { operatorId: 1, pin: '1234' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.not_supervisor' } })
    expect(await s.dispatch('receiving.close', { approval: { operatorId: 2, pin: '0000' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(s.store.db.prepare("SELECT status FROM inbound_orders WHERE number = 'PO-1001'").get()).toEqual({ status: 'receiving' })
    const approved = await s.dispatch('receiving.close', { note: 'carrier short', approval: { operatorId: 2, pin: '4321' } }, DOOR)
    expect(approved).toMatchObject({ ok: true })
    const event = s.store.db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'order.closed'").get() as { op: number; payload: string }
    expect(event.op).toBe(1)
    expect(JSON.parse(event.payload)).toMatchObject({ approvedBy: { id: 2, name: 'Ben Okafor' }, note: 'carrier short' })

    // A supervisor's badge scanned on the operator's screen approves too.
    expect(await s.dispatch('receiving.open', { order: 'ASN-2001' }, DOOR)).toMatchObject({ ok: true })
    expect(await s.dispatch('receiving.close', { approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true })
  })

  it('a reprint needs a supervisor: refused for an operator alone, approved by a supervisor badge on the same screen', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    await s.dispatch('receiving.receiveTyped', { item: 'MON-27-BLK', serial: 'MN00004005' }, DOOR)
    const unitId = (s.store.db.prepare("SELECT id FROM units WHERE serial = 'MN00004005'").get() as { id: number }).id
    const printed = (await s.dispatch('labels.printUnits', { unitIds: [unitId] }, DOOR)) as { ok: true; value: { jobs: { id: number }[] } }
    const jobId = printed.value.jobs[0]!.id
    const status = () => (s.store.db.prepare('SELECT status FROM print_jobs WHERE id = ?').get(jobId) as { status: string }).status
    await until(() => !['queued', 'sending', 'sent'].includes(status()), { what: 'the label printed', timeoutMs: 20_000 })
    expect(await s.dispatch('print.reprint', { jobId, reason: 'label torn' }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.reprint' } })
    expect(await s.dispatch('print.reprint', { jobId, reason: 'label torn', approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true })
    const event = s.store.db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'label.reprint_requested'").get() as { op: number; payload: string }
    expect(event.op).toBe(1)
    expect(JSON.parse(event.payload)).toMatchObject({ approvedBy: { id: 2, name: 'Ben Okafor' } })
  })

  it('an over-receipt beyond the item tolerance needs a supervisor; approved on the screen it is received and recorded as approvedBy', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    expect(await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 50 }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'accepted' } })
    const refused = await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 2 }, DOOR)
    expect(refused).toMatchObject({ ok: true, value: { outcome: 'rejected', code: 'approval.over_receipt', params: { sku: 'BOX-M', order: 'PO-1001', expected: 50, over: 2 } } })
    const received = () => (s.store.db.prepare("SELECT coalesce(sum(qty), 0) AS n FROM receipts r JOIN items i ON i.id = r.item_id WHERE i.sku = 'BOX-M' AND r.status = 'active'").get() as { n: number }).n
    expect(received()).toBe(50)
    expect(await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 2, approval: { operatorId: 1, pin: '1234' } }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.not_supervisor' } })
    const approved = await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 2, approval: { badge: 'OP-0002' } }, DOOR)
    expect(approved).toMatchObject({ ok: true, value: { outcome: 'warning', code: 'receiving.over' } })
    expect(received()).toBe(52)
    const events = s.store.db.prepare("SELECT payload FROM events WHERE type = 'order.quantity_received' ORDER BY id").all() as { payload: string }[]
    expect(JSON.parse(events.at(-1)!.payload)).toMatchObject({ over: true, approvedBy: { id: 2, name: 'Ben Okafor' } })
    // A supervisor signed in on the terminal approves by being there.
    await signInOn(s, 'supervisor', DOOR)
    expect(await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 1 }, DOOR)).toMatchObject({ ok: true, value: { outcome: 'warning', code: 'receiving.over' } })
  })

  it('a supervisor signed in closes short without a dialog; a full order needs nobody', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'supervisor', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    expect(await s.dispatch('receiving.close', {}, DOOR)).toMatchObject({ ok: true })
    const payload = JSON.parse((s.store.db.prepare("SELECT payload FROM events WHERE type = 'order.closed'").get() as { payload: string }).payload) as Record<string, unknown>
    expect(payload.approvedBy).toEqual({ id: 2, name: 'Ben Okafor' })
  })

  it('the header counts received against expected per line: an over-receipt never counts toward progress', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await signInOn(s, 'operator', DOOR)
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    // 60 expected (10 monitors, 50 cartons): 59 cartons received (9 over: a supervisor approves), 9 monitors still missing.
    expect(await s.dispatch('receiving.receiveTyped', { item: 'BOX-M', qty: 59, approval: { badge: 'OP-0002' } }, DOOR)).toMatchObject({ ok: true, value: { code: 'receiving.over' } })
    expect(await s.dispatch('receiving.receiveTyped', { item: 'MON-27-BLK', serial: 'MN00004001' }, DOOR)).toMatchObject({ ok: true })
    const state = (await s.dispatch('receiving.state', {}, DOOR)) as { ok: true; value: { order: { received: number; expected: number } } }
    expect(state.value.order).toMatchObject({ expected: 60, received: 51 })
  })
})
