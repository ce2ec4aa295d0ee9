/** One sentence per event type for the look-up timeline (the payload keeps every detail). */
export interface DescribableEvent {
  type: string
  reason: string | null
  order: string | null
  plate: string | null
  location: string | null
  payload: Record<string, unknown>
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null)
const join = (...parts: Array<string | null | false | undefined>) => parts.filter(Boolean).join(' ')

function production(p: Record<string, unknown>): string | null {
  const bits = [str(p.lot) && `lot ${str(p.lot)}`, str(p.expiry) && `expires ${str(p.expiry)}`, str(p.madeAt) && `made ${str(p.madeAt)}`, str(p.productionLine) && `on ${str(p.productionLine)}`, str(p.shift) && `shift ${str(p.shift)}`].filter(Boolean)
  return bits.length ? `(${bits.join(', ')})` : null
}

export function describeEvent(e: DescribableEvent): string {
  const p = e.payload
  const order = e.order ?? str(p.order)
  switch (e.type) {
    case 'unit.received':
      return join(`Received${order ? ` on ${order}` : ''}${str(p.lineNo) ? ` line ${str(p.lineNo)}` : ''}`, e.plate && `onto plate ${e.plate}`, e.location && `at ${e.location}`, production(p), str(p.via) && `— ${str(p.via) === 'pallet' ? 'whole pallet by SSCC' : `scan: ${str(p.via)}`}`, p.over === true && '(over-receipt)')
    case 'unit.receipt_undone':
      return join(`Receipt undone${order ? ` on ${order}` : ''}`, str(p.fromPlate) && `(was on plate ${str(p.fromPlate)})`)
    case 'unit.exception':
      return join(`Exception: ${(e.reason ?? 'exception').replace('_', ' ')}${order ? ` on ${order}` : ''}`, str(p.note) && `— ${str(p.note)}`)
    case 'unit.exception_undone':
      return `Exception "${(e.reason ?? '').replace('_', ' ')}" undone${order ? ` on ${order}` : ''}`
    case 'unit.stored':
      return join(`Put away to ${e.location ?? str(p.to) ?? '?'}`, str(p.from) && `from ${str(p.from)}`, e.plate && `with plate ${e.plate}`, p.suggested === false && `(suggested ${str(p.suggestion) ?? 'another bin'})`)
    case 'unit.moved_to_plate':
      return `Put onto plate ${e.plate ?? str(p.plate) ?? '?'}${e.location ? ` at ${e.location}` : ''}`
    case 'plate.created':
      return join(`Plate ${str(p.code) ?? e.plate ?? ''} created`, str(p.source) && `(${str(p.source)})`, order && `for ${order}`)
    case 'plate.received':
      return `Received whole${order ? ` on ${order}` : ''}: ${str(p.units) ?? 0} units${Number(p.plates) > 1 ? ` on ${str(p.plates)} plates` : ''}`
    case 'plate.moved':
      return join(`Moved to ${e.location ?? str(p.to) ?? '?'}`, str(p.from) && `from ${str(p.from)}`, `with ${str(p.units) ?? 0} units`)
    case 'label.printed':
      return join('Label printed', str(p.template) && `(${str(p.template)})`, p.kind === 'reprint' && `reprint: ${str(p.reason) ?? ''}`)
    case 'label.reprint_requested':
      return `Reprint requested${str(p.reason) ? `: ${str(p.reason)}` : ''}`
    case 'label.print_uncertain':
      return 'Label print uncertain (printer did not confirm)'
    case 'label.print_failed':
      return 'Label print failed'
    case 'order.quantity_received':
      return `Received ${str(p.qty) ?? '?'} × ${str(p.sku) ?? 'item'}${order ? ` on ${order}` : ''}`
    default:
      return join(e.type, e.reason && `(${e.reason})`)
  }
}
