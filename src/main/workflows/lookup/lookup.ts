import { classifyScan } from '../../../shared/codes/gs1/index'
import type { LocationDetail, LookupResult, PlateDetail, TimelineEntry, UnitDetail } from '../../../shared/contract-areas/receiving'
import { AppFailure } from '../../errors'
import { createItemRepository } from '../../store/repositories/items'
import { createLocationRepository, type LocationRow } from '../../store/repositories/locations'
import { createLookupRepository, type EventRow, type UnitDetailRow } from '../../store/repositories/lookup'
import { createPlateTreeRepository } from '../../store/repositories/plate-tree'
import { createPlateRepository } from '../../store/repositories/plates'
import type { Db } from '../../store/sql'
import { identifyEpc, paramsOf, plainGtin } from '../receiving/identify'
import { describeEvent } from './describe'
import type { MessageCode } from '../../../shared/messages/catalog'

/** How many events a plate's or a location's timeline shows (newest); a unit shows its whole life. */
export const TIMELINE_LIMIT = 500

const short = (code: string): string => (code.length > 80 ? `${code.slice(0, 80)}…` : code)

/**
 * Look-up (DOMAIN flow 6): any code → the unit's, plate's or location's history, read from the event
 * log. Read-only (works on a read-only store for `dockside lookup`).
 */
export function createLookup(db: Db, options: { gsSubstitutes?: () => readonly string[] } = {}) {
  const repo = createLookupRepository(db)
  const items = createItemRepository(db)
  const plates = createPlateRepository(db)
  const locations = createLocationRepository(db)
  const tree = createPlateTreeRepository(db)

  const timeline = (rows: EventRow[]): TimelineEntry[] =>
    rows.map((r) => {
      let payload: Record<string, unknown> = {}
      try {
        payload = JSON.parse(r.payload) as Record<string, unknown>
      } catch {
        payload = {}
      }
      const e = { type: r.type, reason: r.reason, order: r.order_number, plate: r.plate_code, location: r.location_code, payload }
      return {
        eventId: r.id,
        type: r.type,
        at: r.occurred_at,
        stationId: r.station_id,
        operator: r.operator_id === null ? null : { id: r.operator_id, name: r.operator_name ?? `#${r.operator_id}` },
        summary: describeEvent(e),
        order: r.order_number ?? (typeof payload.order === 'string' ? payload.order : null),
        plate: r.plate_code,
        location: r.location_code,
        reason: r.reason,
        payload
      }
    })

  const unitDetail = (r: UnitDetailRow): UnitDetail => ({
    id: r.id,
    sku: r.sku,
    gtin: r.gtin,
    description: r.description,
    serial: r.serial,
    lot: r.lot,
    lotStatus: r.lot_status,
    expiry: r.expiry,
    madeAt: r.made_at,
    productionLine: r.production_line,
    shift: r.shift,
    supplier: r.supplier_code ? { code: r.supplier_code, name: r.supplier_name ?? '' } : null,
    order: r.order_number ? { number: r.order_number, kind: r.order_kind ?? '' } : null,
    condition: r.condition,
    status: r.status,
    location: r.location,
    locationPath: locations.path(r.location_id),
    plate: r.plate,
    customer: r.customer,
    receivedAt: r.received_at,
    updatedAt: r.updated_at
  })

  const unitResult = (code: string, row: UnitDetailRow): LookupResult => ({ kind: 'unit', code, unit: unitDetail(row), timeline: timeline(repo.unitEvents(row.id)) })

  function plateResult(code: string, plateCode: string): LookupResult | null {
    const p = plates.byCode(plateCode)
    const summary = p ? plates.summary(p.id) : null
    if (!p || !summary) return null
    const childCodes = plates.childCodes(p.id)
    const plate: PlateDetail = { ...summary, children: childCodes.length, locationPath: locations.path(p.location_id), childCodes, contents: tree.contents(p.id) }
    return { kind: 'plate', code, plate, timeline: timeline(repo.plateEvents(p.id, TIMELINE_LIMIT)) }
  }

  function locationResult(code: string, l: LocationRow): LookupResult {
    const location: LocationDetail = {
      id: l.id,
      code: l.code,
      name: l.name,
      kind: l.kind,
      path: locations.path(l.id),
      active: l.active === 1,
      units: locations.unitCount(l.id),
      plates: locations.topPlateCodes(l.id)
    }
    return { kind: 'location', code, location, timeline: timeline(repo.locationEvents(l.id, TIMELINE_LIMIT)) }
  }

  /** Nothing has this code; `details.why` says what was tried. */
  const unknown = (code: string, why: Record<string, unknown> = { why: 'no_match' }): never => {
    throw new AppFailure('lookup.unknown', { code: short(code) }, why)
  }

  /** A serial an open order expects but nobody received yet is not "unknown": say which order. */
  function notYetReceived(serial: string, itemId: number | null = null): void {
    const expected = repo.expectedBySerial(serial, itemId)
    if (expected) throw new AppFailure('lookup.expected_not_received', { serial: expected.serial, sku: expected.sku, order: expected.order_number })
  }

  function byGtinSerial(code: string, gtin: string, serial: string): LookupResult {
    const item = items.byGtin(gtin)
    if (!item) return unknown(code, { why: 'unknown_gtin', gtin })
    const row = repo.unitByItemSerial(item.id, serial)
    if (row) return unitResult(code, row)
    notYetReceived(serial, item.id)
    return unknown(code, { why: 'never_received', sku: item.sku, serial })
  }

  function find(input: string): LookupResult {
    const code = input.replace(/[\r\n]+$/, '')
    if (code.trim().length === 0) throw new AppFailure('lookup.empty', {})
    const c = classifyScan(code, { gsSubstitutes: options.gsSubstitutes?.() ?? [] })
    if (c.kind === 'invalid') throw new AppFailure(c.error.code as MessageCode, paramsOf(c.error as { message: string }) as never, { code: short(code) })
    if (c.kind === 'gs1') {
      const f = c.fields
      if (f.sscc) return plateResult(code, f.sscc) ?? unknown(code, { why: 'unknown_sscc', sscc: f.sscc })
      if (f.gtin && f.serial) return byGtinSerial(code, f.gtin, f.serial)
      if (f.gtin) throw new AppFailure('lookup.gtin_only', { gtin: f.gtin })
      if (f.gln) {
        const l = locations.byGln(f.gln)
        if (l) return locationResult(code, l)
      }
      return unknown(code)
    }
    const t = c.text.trim()
    const epc = identifyEpc(t)
    if (epc?.kind === 'unit') return byGtinSerial(code, epc.gtin, epc.serial)
    if (epc?.kind === 'sscc') return plateResult(code, epc.sscc) ?? unknown(code, { why: 'unknown_sscc', sscc: epc.sscc })
    const plate = plateResult(code, t)
    if (plate) return plate
    const units = repo.unitsBySerial(t)
    if (units.length === 1) return unitResult(code, units[0]!)
    if (units.length > 1) return { kind: 'choices', code, units: units.map(unitDetail) }
    const l = locations.byCode(t)
    if (l) return locationResult(code, l)
    const gtin = plainGtin(t)
    if (gtin && items.byGtin(gtin)) throw new AppFailure('lookup.gtin_only', { gtin: t })
    notYetReceived(t)
    return unknown(code)
  }

  /**
   * The GTIN + serial a code names, for asking the upstream registry: read from the code itself (GS1
   * element string, EPC), or from the one unit held here with that serial. Null when it names no unit.
   */
  function unitKey(input: string): { gtin: string; serial: string } | null {
    const code = input.replace(/[\r\n]+$/, '')
    if (code.trim().length === 0) return null
    const c = classifyScan(code, { gsSubstitutes: options.gsSubstitutes?.() ?? [] })
    if (c.kind === 'invalid') return null
    if (c.kind === 'gs1') return c.fields.gtin && c.fields.serial ? { gtin: c.fields.gtin.padStart(14, '0'), serial: c.fields.serial } : null
    const t = c.text.trim()
    const epc = identifyEpc(t)
    if (epc?.kind === 'unit') return { gtin: epc.gtin.padStart(14, '0'), serial: epc.serial }
    const units = repo.unitsBySerial(t)
    return units.length === 1 && units[0]!.gtin ? { gtin: units[0]!.gtin.padStart(14, '0'), serial: units[0]!.serial } : null
  }

  return { find, unitKey }
}

export type Lookup = ReturnType<typeof createLookup>
