import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { signInOn } from '../../helpers/auth'
import { startTestStation } from '../../helpers/store'
import { until } from '../../helpers/wait'

// "Print again" (issue 12 item 6): the last label *this* terminal printed, whatever its kind, through
// the reprint approval (a supervisor), never another terminal's label.
const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }
const BENCH: CallContext = { terminalId: 'bench-2', host: 'ws' }

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

describe('print.reprintLast', () => {
  it('reprints this terminal’s last label (a unit, then a pallet), needs a supervisor, and records the approver', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    const db = s.store.db
    await signInOn(s, 'operator', DOOR)
    await signInOn(s, 'operator', BENCH)
    expect(await s.dispatch('print.reprintLast', { reason: 'print again' }, DOOR)).toMatchObject({ ok: false, error: { code: 'print.nothing_to_reprint' } })

    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    await s.dispatch('receiving.receiveTyped', { item: 'MON-27-BLK', serial: 'MN00004005' }, DOOR)
    const unitId = (db.prepare("SELECT id FROM units WHERE serial = 'MN00004005'").get() as { id: number }).id
    const unitJob = ((await s.dispatch('labels.printUnits', { unitIds: [unitId] }, DOOR)) as { ok: true; value: { jobs: { id: number }[] } }).value.jobs[0]!.id
    const settled = (id: number) => until(() => !['queued', 'sending', 'sent'].includes((db.prepare('SELECT status FROM print_jobs WHERE id = ?').get(id) as { status: string }).status), { what: `job ${id} printed`, timeoutMs: 20_000 })
    await settled(unitJob)
    // Another terminal prints a pallet label meanwhile: it is not door-1's "last label".
    const printerId = (db.prepare('SELECT printer_id FROM print_jobs WHERE id = ?').get(unitJob) as { printer_id: string }).printer_id
    const other = (await s.dispatch('print.enqueue', { printerId, template: 'sscc', data: { sscc: '106141412345678908' } }, BENCH)) as { ok: true; value: { id: number } }
    await settled(other.value.id)

    expect(await s.dispatch('print.reprintLast', { reason: 'print again' }, DOOR)).toMatchObject({ ok: false, error: { code: 'approval.reprint' } })
    const again = await s.dispatch('print.reprintLast', { reason: 'print again', approval: { badge: 'OP-0002' } }, DOOR)
    expect(again).toMatchObject({ ok: true, value: { kind: 'reprint', reprintOf: unitJob, template: 'unit', unitId } })
    const event = db.prepare("SELECT operator_id AS op, payload FROM events WHERE type = 'label.reprint_requested' ORDER BY id DESC").get() as { op: number; payload: string }
    expect(event.op).toBe(1)
    expect(JSON.parse(event.payload)).toMatchObject({ reprintOf: unitJob, approvedBy: { id: 2, name: 'Ben Okafor' } })

    // The bench's last label is its pallet label; a supervisor signed in there approves by being there.
    await settled((again as { ok: true; value: { id: number } }).value.id)
    await signInOn(s, 'supervisor', BENCH)
    expect(await s.dispatch('print.reprintLast', { reason: 'print again' }, BENCH)).toMatchObject({ ok: true, value: { kind: 'reprint', reprintOf: other.value.id, template: 'sscc' } })
  })
})
