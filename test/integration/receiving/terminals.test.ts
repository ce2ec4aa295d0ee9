import { afterEach, describe, expect, it } from 'vitest'
import { createPutawayWorkflow } from '../../../src/main/workflows/putaway/workflow'
import { createReceivingWorkflow } from '../../../src/main/workflows/receiving/workflow'
import { createTerminalRepository } from '../../../src/main/store/repositories/terminals'
import { createTerminals } from '../../../src/main/terminals/terminals'
import { until } from '../../helpers/wait'
import { dm, MONITOR_GTIN, openRig, PALLET, type Rig } from './rig'

let rig: Rig
afterEach(() => rig?.close())

const gtinScan = (gtin: string) => `]C101${gtin}`

describe('receiving and put-away state is per terminal', () => {
  it('two receiving terminals keep their own order, plate and pending GTIN', async () => {
    rig = openRig()
    const door1 = rig.terminal('door-1')
    const door2 = rig.terminal('door-2')
    door1.open('PO-1001')
    door2.open('ASN-2001')
    door1.setPlate('LPN-D1')
    expect(door1.submit(gtinScan(MONITOR_GTIN))).toMatchObject({ code: 'receiving.serial_due' })
    // door-2's pallet scan is not taken as door-1's serial, and lands on door-2's order
    expect(door2.submit(PALLET)).toMatchObject({ outcome: 'accepted', code: 'receiving.pallet_received' })
    expect(door1.state()).toMatchObject({ order: { number: 'PO-1001' }, plate: { code: 'LPN-D1' }, pending: { gtin: MONITOR_GTIN } })
    expect(door2.state()).toMatchObject({ order: { number: 'ASN-2001' }, pending: null })
    expect(door2.state().plate).toBeNull()
    expect(door1.submit('MN00004001')).toMatchObject({ outcome: 'accepted', code: 'receiving.received', plate: { code: 'LPN-D1' } })
    // each terminal is told about its own changes
    await until(() => rig.changes.some((c) => c.terminalId === 'door-2' && c.order === 'ASN-2001'), { what: 'door-2 change notice' })
    expect(rig.changes.filter((c) => c.terminalId === 'door-1').every((c) => c.order === 'PO-1001')).toBe(true)
  })

  it('a restart resumes each terminal with its order and plate', () => {
    rig = openRig()
    rig.terminal('door-1').open('PO-1001')
    rig.terminal('door-1').setPlate('LPN-R1')
    rig.terminal('door-2').open('ASN-2001')
    // A new workflow on the same store: what a restarted station builds.
    const terminals = createTerminals(createTerminalRepository(rig.db), () => new Date())
    const again = createReceivingWorkflow({ db: rig.db, eventLog: rig.eventLog, terminals, now: () => new Date(), operatorId: () => null, stationId: rig.stationId, reportsDir: rig.dataDir, reportWorker: false })
    expect(again.state('door-1')).toMatchObject({ order: { number: 'PO-1001' }, plate: { code: 'LPN-R1' } })
    expect(again.state('door-2')).toMatchObject({ order: { number: 'ASN-2001' }, plate: null })
  })

  it('receiving on one terminal and put-away on another do not interfere', () => {
    rig = openRig()
    const door = rig.terminal('door-1')
    door.open('PO-1001')
    door.submit(dm(MONITOR_GTIN, 'MN00004001'))
    door.submit(dm(MONITOR_GTIN, 'MN00004002'))
    const putaway = createPutawayWorkflow({ db: rig.db, eventLog: rig.eventLog, now: () => new Date() })
    const aisle = { terminalId: 'aisle-1', operatorId: rig.operatorIds()[1]! }
    expect(putaway.submit(aisle, 'MN00004001')).toMatchObject({ outcome: 'accepted', code: 'putaway.subject' })
    // receiving goes on at the door while the aisle holds its subject
    expect(door.submit(dm(MONITOR_GTIN, 'MN00004003'))).toMatchObject({ outcome: 'accepted', code: 'receiving.received' })
    expect(putaway.state('door-1').subject).toBeNull()
    expect(putaway.state('aisle-1').subject).toMatchObject({ kind: 'unit', code: 'MN00004001' })
    expect(putaway.submit(aisle, 'A01-01-01')).toMatchObject({ outcome: 'accepted', code: 'putaway.moved' })
    expect(door.state().lines[0]).toMatchObject({ received: 3 })
    expect(rig.events('unit.stored')[0]).toMatchObject({ operator_id: aisle.operatorId })
  })
})
