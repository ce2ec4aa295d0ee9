import type Database from 'better-sqlite3'
import type { StationEventForEpcis, UnitRef } from '../../../shared/epcis'

/**
 * Reads the station's event log for the EPCIS export: each event with its unit, plate, location (and
 * the nearest GLN up the location tree), order and counted item resolved to natural keys.
 */

interface Row {
  id: number
  plate_id: number | null
  uuid: string
  type: string
  occurred_at: string
  station_id: string
  reason: string | null
  payload: string
  gtin: string | null
  serial: string | null
  plate_code: string | null
  plate_kind: 'sscc' | 'lpn' | null
  location_code: string | null
  own_gln: string | null
  inherited_gln: string | null
  order_number: string | null
  order_kind: 'po' | 'asn' | null
  po_number: string | null
  supplier_gln: string | null
  qty_gtin: string | null
}

const SELECT = `
  SELECT e.id, e.plate_id, e.uuid, e.type, e.occurred_at, e.station_id, e.reason, e.payload,
         i.gtin, u.serial,
         p.code AS plate_code, p.kind AS plate_kind,
         l.code AS location_code, l.gln AS own_gln,
         coalesce(l1.gln, l2.gln, l3.gln, l4.gln, l5.gln) AS inherited_gln,
         o.number AS order_number, o.kind AS order_kind, o.po_number, s.gln AS supplier_gln,
         qi.gtin AS qty_gtin
    FROM events e
    LEFT JOIN units u ON u.id = e.unit_id
    LEFT JOIN items i ON i.id = u.item_id
    LEFT JOIN license_plates p ON p.id = e.plate_id
    LEFT JOIN locations l ON l.id = e.location_id
    LEFT JOIN locations l1 ON l1.id = l.parent_id
    LEFT JOIN locations l2 ON l2.id = l1.parent_id
    LEFT JOIN locations l3 ON l3.id = l2.parent_id
    LEFT JOIN locations l4 ON l4.id = l3.parent_id
    LEFT JOIN locations l5 ON l5.id = l4.parent_id
    LEFT JOIN inbound_orders o ON o.id = e.order_id
    LEFT JOIN suppliers s ON s.id = o.supplier_id
    LEFT JOIN items qi ON e.type IN ('order.quantity_received', 'order.exception') AND qi.sku = json_extract(e.payload, '$.sku')
   WHERE e.occurred_at >= ?
   ORDER BY e.id`

export function createEpcisExportRepository(db: Database.Database) {
  const events = db.prepare<[string], Row>(SELECT)
  const scanUnits = db.prepare<[number, string], { gtin: string; serial: string }>(
    `SELECT i.gtin, u.serial FROM receipts r JOIN units u ON u.id = r.unit_id JOIN items i ON i.id = u.item_id
      WHERE r.scan_id = ? AND r.kind = 'unit' AND i.gtin IS NOT NULL
        AND r.order_id = (SELECT id FROM inbound_orders WHERE number = ?)
      ORDER BY r.id`
  )
  // Put-away writes plate.moved, then unit.stored for each of its `units` (same plate), in one transaction.
  const movedUnits = db.prepare<[number, number, number], { gtin: string; serial: string }>(
    `SELECT i.gtin, u.serial FROM events e JOIN units u ON u.id = e.unit_id JOIN items i ON i.id = u.item_id
      WHERE e.type = 'unit.stored' AND e.plate_id = ? AND e.id > ? AND i.gtin IS NOT NULL
      ORDER BY e.id LIMIT ?`
  )
  const sscc = db.prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'sscc'`)

  return {
    /** The company prefix length of this station's SSCC range, when one is configured. */
    companyPrefixLength(): number | null {
      const row = sscc.get()
      if (!row) return null
      const prefix = (JSON.parse(row.value) as { companyPrefix?: unknown }).companyPrefix
      return typeof prefix === 'string' && /^\d{6,12}$/.test(prefix) ? prefix.length : null
    },

    /** Every event at or after `since` (ISO-8601 UTC), oldest first, one at a time. */
    *since(since: string): Generator<StationEventForEpcis> {
      for (const r of events.iterate(since)) {
        const payload = JSON.parse(r.payload) as Record<string, unknown>
        let children: UnitRef[] | undefined
        if (r.type === 'plate.received' && typeof payload.scanId === 'number' && r.order_number) {
          children = scanUnits.all(payload.scanId, r.order_number)
        } else if (r.type === 'plate.moved' && r.plate_id !== null && typeof payload.units === 'number' && payload.units > 0) {
          children = movedUnits.all(r.plate_id, r.id, payload.units)
        }
        const qty = typeof payload.qty === 'number' ? payload.qty : null
        yield {
          uuid: r.uuid,
          type: r.type,
          occurredAt: r.occurred_at,
          stationId: r.station_id,
          reason: r.reason,
          payload,
          unit: r.gtin && r.serial ? { gtin: r.gtin, serial: r.serial } : null,
          plate: r.plate_code && r.plate_kind ? { code: r.plate_code, kind: r.plate_kind } : null,
          ...(children ? { children } : {}),
          location: r.location_code ? { code: r.location_code, gln: r.own_gln ?? r.inherited_gln, inherited: r.own_gln === null && r.inherited_gln !== null } : null,
          order: r.order_number && r.order_kind ? { number: r.order_number, kind: r.order_kind, poNumber: r.po_number, supplierGln: r.supplier_gln } : null,
          quantity: r.qty_gtin && qty !== null && qty > 0 ? { gtin: r.qty_gtin, lot: typeof payload.lot === 'string' ? payload.lot : null, qty } : null
        }
      }
    }
  }
}
