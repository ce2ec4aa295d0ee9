import type { AggregationEvent, BizTransaction, EpcisAction, EpcisEvent, EpcisMapOptions, ObjectEvent, StationEventForEpcis } from './types'
import { bizTransactionUri, eventIdOf, itemClass, locationUri, plateEpc, stationUri, unitEpc } from './uris'

/**
 * Station event → EPCIS 2.0 event (CBV 2.0 vocabulary). One table row per station event type; a type
 * that changes no object (sign-in, settings, print queue bookkeeping) maps to a skip with a reason code.
 */

type Shape = 'object' | 'aggregation'
interface Rule {
  shape: Shape
  action: EpcisAction
  bizStep: string
  disposition?: string | ((e: StationEventForEpcis) => string | undefined)
}

const RULES: Record<string, Rule> = {
  'unit.received': { shape: 'object', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  'unit.exception': { shape: 'object', action: 'OBSERVE', bizStep: 'inspecting', disposition: (e) => (e.reason === 'damaged' ? 'damaged' : 'non_conformant') },
  'unit.receipt_undone': { shape: 'object', action: 'OBSERVE', bizStep: 'removing', disposition: 'unknown' },
  'unit.taken_out': { shape: 'object', action: 'OBSERVE', bizStep: 'removing', disposition: 'unknown' },
  'unit.hold_released': { shape: 'object', action: 'OBSERVE', bizStep: 'inspecting', disposition: 'sellable_not_accessible' },
  'unit.stored': { shape: 'object', action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible' },
  'unit.moved': { shape: 'object', action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible' },
  'unit.moved_to_plate': { shape: 'aggregation', action: 'ADD', bizStep: 'packing', disposition: 'in_progress' },
  'unit.packed': { shape: 'aggregation', action: 'ADD', bizStep: 'packing', disposition: 'in_progress' },
  'unit.unpacked': { shape: 'aggregation', action: 'DELETE', bizStep: 'unpacking', disposition: 'in_progress' },
  'unit.picked': { shape: 'object', action: 'OBSERVE', bizStep: 'picking', disposition: 'in_progress' },
  'unit.shipped': { shape: 'object', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  'unit.returned': { shape: 'object', action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
  'unit.quarantined': { shape: 'object', action: 'OBSERVE', bizStep: 'holding', disposition: 'non_sellable_other' },
  'unit.recalled': { shape: 'object', action: 'OBSERVE', bizStep: 'holding', disposition: 'recalled' },
  'unit.repaired': { shape: 'object', action: 'OBSERVE', bizStep: 'repairing', disposition: 'in_progress' },
  'unit.scrapped': { shape: 'object', action: 'DELETE', bizStep: 'destroying', disposition: 'destroyed' },
  'label.printed': { shape: 'object', action: 'OBSERVE', bizStep: 'encoding', disposition: 'encoded' },
  'plate.created': { shape: 'object', action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  'plate.received': { shape: 'aggregation', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  'plate.moved': { shape: 'aggregation', action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible' },
  'plate.packed': { shape: 'aggregation', action: 'ADD', bizStep: 'packing', disposition: 'container_closed' },
  'plate.shipped': { shape: 'aggregation', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  'order.quantity_received': { shape: 'object', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  'order.exception': { shape: 'object', action: 'OBSERVE', bizStep: 'inspecting', disposition: (e) => (e.reason === 'damaged' ? 'damaged' : 'non_conformant') },
  'order.receipt_undone': { shape: 'object', action: 'OBSERVE', bizStep: 'removing', disposition: 'unknown' },
  'shipment.loaded': { shape: 'object', action: 'OBSERVE', bizStep: 'loading', disposition: 'in_transit' },
  'shipment.shipped': { shape: 'object', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' }
}

/** Station event types with no object to report (sign-in, settings, print queue, SSCC ranges, order headers). */
const NO_OBJECT = /^(operator|settings|print|sscc|demo|import)\.|^label\.(print_failed|print_uncertain|reprint_requested)$|^order\.(receiving_started|closed|reopened)$/

export type MapOutcome = { ok: true; event: EpcisEvent } | { ok: false; code: 'epcis.no_object_event' | 'epcis.unmapped_type' | 'epcis.missing_reference'; params: Record<string, unknown> }

/** Every station event type the mapping turns into an EPCIS event. */
export const MAPPED_EVENT_TYPES: readonly string[] = Object.keys(RULES)

function bizTransactions(e: StationEventForEpcis): BizTransaction[] {
  const list: BizTransaction[] = []
  const o = e.order
  if (o) {
    if (o.kind === 'po') list.push({ type: 'po', bizTransaction: bizTransactionUri('po', o.number, o.supplierGln) })
    else {
      list.push({ type: 'desadv', bizTransaction: bizTransactionUri('asn', o.number, o.supplierGln) })
      if (o.poNumber) list.push({ type: 'po', bizTransaction: bizTransactionUri('po', o.poNumber, o.supplierGln) })
    }
  }
  if (e.shipment) list.push({ type: 'desadv', bizTransaction: bizTransactionUri('shipment', e.shipment.number) })
  return list
}

export function mapStationEvent(e: StationEventForEpcis, options: EpcisMapOptions): MapOutcome {
  const rule = RULES[e.type]
  if (!rule) {
    return NO_OBJECT.test(e.type) ? { ok: false, code: 'epcis.no_object_event', params: { type: e.type, uuid: e.uuid } } : { ok: false, code: 'epcis.unmapped_type', params: { type: e.type, uuid: e.uuid } }
  }
  const L = options.companyPrefixLength
  const missing = (ref: string): MapOutcome => ({ ok: false, code: 'epcis.missing_reference', params: { type: e.type, uuid: e.uuid, ref } })
  const where = e.location ? locationUri(e.location, e.stationId, L) : null
  const disposition = typeof rule.disposition === 'function' ? rule.disposition(e) : rule.disposition
  const common = {
    eventID: eventIdOf(e.uuid),
    eventTime: new Date(e.occurredAt).toISOString(),
    eventTimeZoneOffset: '+00:00',
    bizStep: rule.bizStep,
    ...(disposition ? { disposition } : {}),
    readPoint: { id: where ?? stationUri(e.stationId) },
    ...(where ? { bizLocation: { id: where } } : {}),
    'dockside:stationEventType': e.type,
    'dockside:stationId': e.stationId
  }
  const txs = bizTransactions(e)
  const withTx = txs.length > 0 ? { bizTransactionList: txs } : {}

  const children = e.unit ? [e.unit] : (e.children ?? [])
  if (rule.shape === 'aggregation' && !(children.length === 0 && rule.action === 'OBSERVE')) {
    // A unit onto a plate: the plate is the parent. A plate with its units: same, children listed.
    // (The schema wants children on ADD/OBSERVE: a plate seen without its units is an ObjectEvent below.)
    if (!e.plate) return missing('plate')
    const event: AggregationEvent = {
      type: 'AggregationEvent',
      ...common,
      action: rule.action,
      parentID: plateEpc(e.plate, L),
      childEPCs: [...new Set(children.map((u) => unitEpc(u, L)))],
      ...withTx
    }
    if (event.childEPCs.length === 0 && rule.action !== 'DELETE') return missing('children')
    return { ok: true, event }
  }

  const epcs: string[] = []
  if (e.unit && rule.shape === 'object') epcs.push(unitEpc(e.unit, L))
  else if (e.plate) epcs.push(plateEpc(e.plate, L))
  const quantityList = e.quantity ? [{ epcClass: itemClass(e.quantity.gtin, e.quantity.lot, L), quantity: e.quantity.qty }] : undefined
  if (epcs.length === 0 && !quantityList && !e.type.startsWith('order.')) return missing('unit')
  const event: ObjectEvent = {
    type: 'ObjectEvent',
    ...common,
    action: rule.action,
    epcList: epcs,
    ...(quantityList ? { quantityList } : {}),
    ...withTx
  }
  return { ok: true, event }
}
