/**
 * What the gate looks up in the store: the expectation of a shipment (expected plates expanded to
 * their trees) and what an EPC names here. One lookup per unique EPC per session.
 */
import { decodeEpc } from '../../../shared/codes/epc'
import { createItemRepository } from '../../store/repositories/items'
import { createPlateTreeRepository } from '../../store/repositories/plate-tree'
import { createShipmentRepository, type GateUnitRow, type ShipmentRow } from '../../store/repositories/shipments'
import type { Db } from '../../store/sql'
import type { TagIdentity, UnitFacts } from './rules'

/** What the screen shows about a unit, by key. */
export interface UnitLabel {
  sku: string
  serial: string
  plate: string | null
}

export interface ShipmentExpectation {
  shipment: ShipmentRow
  /** Expected unit keys in order, with their labels. */
  units: Map<string, UnitLabel>
  plates: Set<string>
}

/** A decoded tag with what it names here (for the list on screen). */
export interface Identified {
  identity: TagIdentity
  scheme: string | null
  sku: string | null
  serial: string | null
  plate: string | null
  /** Units the tag stands for (1 for a unit, the tree for a plate). */
  units: number
}

const keyOf = (itemId: number, serial: string) => `${itemId}:${serial}`
const facts = (u: GateUnitRow): UnitFacts => ({ key: keyOf(u.item_id, u.serial), status: u.status, lotStatus: u.lot_status })

export function createGateResolver(db: Db) {
  const shipments = createShipmentRepository(db)
  const items = createItemRepository(db)
  const tree = createPlateTreeRepository(db)

  const plateUnits = (plateId: number): GateUnitRow[] => tree.unitIds(plateId).flatMap((id) => shipments.unitById(id) ?? [])

  return {
    shipments,
    expectation(shipment: ShipmentRow): ShipmentExpectation {
      const units = new Map<string, UnitLabel>()
      for (const e of shipments.expectedUnits(shipment.id)) {
        const plate = e.unit_id !== null ? (shipments.unitById(e.unit_id)?.plate ?? null) : null
        units.set(keyOf(e.item_id, e.serial), { sku: e.sku, serial: e.serial, plate })
      }
      const plates = new Set<string>()
      for (const p of shipments.expectedPlates(shipment.id)) {
        plates.add(p.code)
        if (p.plate_id === null) continue
        for (const u of plateUnits(p.plate_id)) units.set(keyOf(u.item_id, u.serial), { sku: u.sku, serial: u.serial, plate: u.plate })
      }
      return { shipment, units, plates }
    },
    identify(epcHex: string): Identified {
      const d = decodeEpc(epcHex)
      if (!d.ok) return { identity: { kind: 'unreadable', reason: d.error.code }, scheme: null, sku: null, serial: null, plate: null, units: 0 }
      const epc = d.value
      if (epc.scheme === 'sgtin-96' || epc.scheme === 'sgtin-198') {
        const unit = shipments.unitByGtinSerial(epc.gtin, epc.serial)
        const item = unit ? null : items.byGtin(epc.gtin)
        const key = unit ? keyOf(unit.item_id, unit.serial) : item ? keyOf(item.id, epc.serial) : null
        return {
          identity: { kind: 'unit', companyPrefix: epc.companyPrefix, unit: unit ? facts(unit) : null, key },
          scheme: epc.scheme,
          sku: unit?.sku ?? item?.sku ?? null,
          serial: epc.serial,
          plate: unit?.plate ?? null,
          units: 1
        }
      }
      if (epc.scheme === 'sscc-96') {
        const plate = shipments.plateByCode(epc.sscc)
        const units = plate ? plateUnits(plate.id) : []
        return {
          identity: { kind: 'plate', companyPrefix: epc.companyPrefix, code: epc.sscc, found: plate !== null, status: plate?.status ?? null, units: units.map(facts) },
          scheme: epc.scheme,
          sku: null,
          serial: null,
          plate: epc.sscc,
          units: units.length
        }
      }
      return { identity: { kind: 'other', companyPrefix: epc.companyPrefix }, scheme: epc.scheme, sku: null, serial: null, plate: null, units: 0 }
    }
  }
}

export type GateResolver = ReturnType<typeof createGateResolver>
