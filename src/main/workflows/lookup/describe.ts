import type { CodedMessage } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'

/** An event as the timeline describes it (the payload keeps every detail). */
export interface DescribableEvent {
  type: string
  reason: string | null
  order: string | null
  plate: string | null
  location: string | null
  payload: Record<string, unknown>
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null)
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0)

const approverName = (p: Record<string, unknown>): string | null => {
  const a = p.approvedBy
  return typeof a === 'object' && a !== null && 'name' in a ? str((a as { name: unknown }).name) : null
}

/** One code per event type for the look-up timeline; the renderer words it in the operator's language. */
export function describeEvent(e: DescribableEvent): CodedMessage {
  const p = e.payload
  const order = e.order ?? str(p.order)
  switch (e.type) {
    case 'unit.received':
      return msg('timeline.unit.received', { order, line: str(p.lineNo), plate: e.plate, location: e.location, lot: str(p.lot), expiry: str(p.expiry), madeAt: str(p.madeAt), productionLine: str(p.productionLine), shift: str(p.shift), via: str(p.via) })
    case 'unit.receipt_undone':
      return msg('timeline.unit.receipt_undone', { order, plate: str(p.fromPlate) })
    case 'unit.exception':
      return msg('timeline.unit.exception', { reason: e.reason, order, note: str(p.note) })
    case 'unit.exception_undone':
      return msg('timeline.unit.exception_undone', { reason: e.reason, order })
    case 'order.exception':
      return msg('timeline.order.exception', { reason: e.reason, order, qty: num(p.qty), sku: str(p.sku) ?? str(p.code) })
    case 'order.exception_undone':
      return msg('timeline.order.exception_undone', { reason: e.reason, order })
    case 'order.receipt_undone':
      return msg('timeline.order.receipt_undone', { qty: num(p.qty), order })
    case 'unit.taken_out':
      return msg('timeline.unit.taken_out', { from: str(p.from), order, approver: approverName(p) })
    case 'unit.hold_released':
      return msg('timeline.unit.hold_released', { reason: str(p.reason), approver: approverName(p) })
    case 'unit.stored':
      return p.suggested === false
        ? msg('timeline.unit.stored_elsewhere', { to: e.location ?? str(p.to), from: str(p.from), plate: e.plate, suggestion: str(p.suggestion) })
        : msg('timeline.unit.stored', { to: e.location ?? str(p.to), from: str(p.from), plate: e.plate })
    case 'unit.moved_to_plate':
      return msg('timeline.unit.moved_to_plate', { plate: e.plate ?? str(p.plate), location: e.location })
    case 'plate.created':
      return msg('timeline.plate.created', { code: str(p.code) ?? e.plate, source: str(p.source), order })
    case 'plate.received':
      return msg('timeline.plate.received', { order, units: num(p.units), plates: num(p.plates) || 1 })
    case 'plate.moved':
      return msg('timeline.plate.moved', { to: e.location ?? str(p.to), from: str(p.from), units: num(p.units) })
    case 'label.printed':
      return p.kind === 'reprint' ? msg('timeline.label.reprinted', { template: str(p.template), reason: e.reason ?? str(p.reason) }) : msg('timeline.label.printed', { template: str(p.template) })
    case 'label.reprint_requested':
      return msg('timeline.label.reprint_requested', { reason: e.reason ?? str(p.reason) })
    case 'label.print_uncertain':
      return msg('timeline.label.print_uncertain', {})
    case 'label.print_failed':
      return msg('timeline.label.print_failed', {})
    case 'order.quantity_received':
      return msg('timeline.order.quantity_received', { qty: num(p.qty), sku: str(p.sku), order })
    case 'order.receiving_started':
      return msg('timeline.order.receiving_started', { order })
    case 'order.closed':
      return msg('timeline.order.closed', { order, received: num(p.received), expected: num(p.expected) })
    case 'unit.shipped':
      return msg('timeline.unit.shipped', { shipment: str(p.shipment), customer: str(p.customer), door: e.location ?? str(p.door) })
    case 'shipment.loaded':
      return msg('timeline.shipment.loaded', { shipment: str(p.shipment), units: num(p.units), expected: num(p.expected) })
    default:
      return msg('timeline.other', { type: e.type, reason: e.reason })
  }
}
