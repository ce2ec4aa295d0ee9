/**
 * Confirm load: one `unit.shipped` event per loaded unit (status shipped, customer, door, shipment),
 * the plates read whole marked shipped, and the shipment's status with a `shipment.loaded` event, all
 * in ONE transaction through the event log.
 */
import type { ConfirmResult } from '../../../shared/contract-areas/gate'
import type { EventLog } from '../../store/event-log'
import type { ShipmentRepository, ShipmentRow } from '../../store/repositories/shipments'

export interface ConfirmInput {
  shipment: ShipmentRow
  /** Expected unit keys (`<item id>:<serial>`) the gate read. */
  keys: readonly string[]
  /** Plate codes read whole. */
  plates: readonly string[]
  expected: number
  doorId: number | null
  door: string | null
  reason: string | null
  operatorId: number | null
  terminalId: string
}

export function confirmLoad(repo: ShipmentRepository, eventLog: EventLog, input: ConfirmInput, now: () => Date): ConfirmResult {
  const { shipment } = input
  const { result } = eventLog.record(
    () => {
      const at = now().toISOString()
      let shipped = 0
      for (const key of input.keys) {
        const sep = key.indexOf(':')
        const itemId = Number(key.slice(0, sep))
        const serial = key.slice(sep + 1)
        // An expected unit read at the door but never received here was received by another station
        // of the site (it reached this station through the upstream registry): it gets its row here.
        const held = repo.unitByItemSerial(itemId, serial)
        const unit = held ?? { id: repo.insertUnitHeldElsewhere(itemId, serial, at), plate_id: null }
        eventLog.record(
          () => repo.shipUnit(unit.id, shipment.customer_id, input.doorId, at),
          () => ({
            type: 'unit.shipped',
            operatorId: input.operatorId,
            unitId: unit.id,
            plateId: unit.plate_id,
            locationId: input.doorId,
            payload: { shipment: shipment.number, customer: shipment.customer, door: input.door, terminal: input.terminalId, ...(held ? {} : { receivedElsewhere: true }) }
          })
        )
        shipped++
      }
      for (const code of input.plates) {
        const plate = repo.plateByCode(code)
        if (plate) repo.shipPlate(plate.id)
      }
      const partial = shipped < input.expected
      repo.closeShipment(shipment.id, at, partial ? input.reason : null, shipped)
      return { shipped, partial }
    },
    ({ shipped, partial }) => ({
      type: 'shipment.loaded',
      operatorId: input.operatorId,
      locationId: input.doorId,
      reason: partial ? input.reason : null,
      payload: { shipment: shipment.number, customer: shipment.customer, door: input.door, units: shipped, expected: input.expected, partial, plates: input.plates }
    })
  )
  return { shipment: shipment.number, shipped: result.shipped, expected: input.expected, partial: result.partial }
}
