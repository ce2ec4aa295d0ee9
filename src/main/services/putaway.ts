import type Database from 'better-sqlite3'
import { classifyScan, type ScanClassification } from '../../shared/codes/gs1/index'
import type { PutawayOutcome, PutawayState, PutawaySubject, PutawaySuggestion, ReceiveOutcomeKind } from '../../shared/contract-areas/receiving'
import type { FeedbackTone } from '../../shared/model/feedback'
import type { EventLog } from '../store/event-log'
import { identify, identifyEpc, isPlainSscc, type Identity } from './receiving/identify'
import type { Stmt } from './receiving/queries'

export interface PutawayDeps {
  db: Database.Database
  eventLog: EventLog
  operatorId: () => number | null
  now?: () => Date
  gsSubstitutes?: () => readonly string[]
  onChange?: (state: PutawayState) => void
}

interface LocationRow {
  id: number
  code: string
  name: string
  kind: string
  active: number
}

type Subject = PutawaySubject & { itemId: number | null; locationId: number | null; plateId: number | null }

const TONES: Record<ReceiveOutcomeKind, FeedbackTone | null> = { accepted: 'good', warning: 'warning', rejected: 'bad', ignored: null }
/** Location kinds a plate or unit can be put away to. */
const STORAGE_KINDS = new Set(['bin', 'shelf'])

/**
 * Put-away (DOMAIN flow 2): scan a plate or a unit → the suggested bin (the item's default bin, else
 * the emptiest bin of the item's put-away zone) → scan the bin label → moved. A plate moves with its
 * whole tree (pallet → cases → units): every plate gets a `plate.moved` event and every unit its own
 * `unit.stored` event (ADR 0008), all in one transaction.
 */
export function createPutawayService(deps: PutawayDeps) {
  const { db, eventLog } = deps
  const now = deps.now ?? (() => new Date())
  const stmt = <P extends unknown[] = unknown[], R = unknown>(sql: string): Stmt<P, R> => db.prepare(sql) as unknown as Stmt<P, R>
  const q = {
    itemByGtin: stmt<[string], { id: number }>('SELECT id FROM items WHERE gtin = ?'),
    unitByItemSerial: stmt<[number, string], { id: number }>('SELECT id FROM units WHERE item_id = ? AND serial = ?'),
    unitsBySerial: stmt<[string], { id: number }>('SELECT id FROM units WHERE serial = ? LIMIT 2'),
    unit: stmt<[number], { id: number; item_id: number; serial: string; sku: string; description: string; status: string; location_id: number | null; location: string | null; plate_id: number | null; plate: string | null }>(
      `SELECT u.id, u.item_id, u.serial, i.sku, i.description, u.status, u.location_id, l.code AS location, u.plate_id, p.code AS plate
         FROM units u JOIN items i ON i.id = u.item_id LEFT JOIN locations l ON l.id = u.location_id LEFT JOIN license_plates p ON p.id = u.plate_id WHERE u.id = ?`
    ),
    plate: stmt<[string], { id: number; code: string; status: string; parent_id: number | null; location_id: number | null; location: string | null }>(
      'SELECT p.id, p.code, p.status, p.parent_id, p.location_id, l.code AS location FROM license_plates p LEFT JOIN locations l ON l.id = p.location_id WHERE p.code = ?'
    ),
    plateTree: stmt<[number], { id: number; code: string; location_id: number | null }>(
      `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.id, t.depth + 1 FROM license_plates c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 8)
       SELECT p.id, p.code, p.location_id FROM license_plates p JOIN tree t ON t.id = p.id ORDER BY t.depth, p.id`
    ),
    unitsOnPlate: stmt<[number], { id: number; location_id: number | null; status: string }>('SELECT id, location_id, status FROM units WHERE plate_id = ? ORDER BY id'),
    dominantItem: stmt<[number], { item_id: number; n: number }>(
      `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.id, t.depth + 1 FROM license_plates c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 8)
       SELECT item_id, count(*) AS n FROM units WHERE plate_id IN (SELECT id FROM tree) GROUP BY item_id ORDER BY n DESC LIMIT 1`
    ),
    item: stmt<[number], { sku: string; default_bin_id: number | null; putaway_zone_id: number | null }>('SELECT sku, default_bin_id, putaway_zone_id FROM items WHERE id = ?'),
    locationById: stmt<[number], LocationRow>('SELECT id, code, name, kind, active FROM locations WHERE id = ?'),
    locationByCode: stmt<[string], LocationRow>('SELECT id, code, name, kind, active FROM locations WHERE code = ? COLLATE NOCASE'),
    locationByGln: stmt<[string], LocationRow>('SELECT id, code, name, kind, active FROM locations WHERE gln = ? LIMIT 1'),
    binInZone: stmt<[number], LocationRow>(
      `WITH RECURSIVE down(id, depth) AS (SELECT ?, 0 UNION ALL SELECT l.id, d.depth + 1 FROM locations l JOIN down d ON l.parent_id = d.id WHERE d.depth < 16)
       SELECT l.id, l.code, l.name, l.kind, l.active FROM locations l JOIN down d ON d.id = l.id
        WHERE l.kind = 'bin' AND l.active = 1
        ORDER BY (SELECT count(*) FROM units u WHERE u.location_id = l.id), l.code LIMIT 1`
    ),
    moveUnit: stmt<[number, string, number]>("UPDATE units SET location_id = ?, status = CASE WHEN status = 'received' THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?"),
    unitOffPlate: stmt<[number, string, number]>("UPDATE units SET location_id = ?, plate_id = NULL, status = CASE WHEN status = 'received' THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?"),
    unitOntoPlate: stmt<[number, number | null, number | null, string, number]>("UPDATE units SET plate_id = ?, location_id = ?, status = CASE WHEN status = 'received' AND ? IS NOT NULL THEN 'stored' ELSE status END, updated_at = ? WHERE id = ?"),
    movePlate: stmt<[number, number]>('UPDATE license_plates SET location_id = ? WHERE id = ?'),
    detachPlate: stmt<[number]>('UPDATE license_plates SET parent_id = NULL WHERE id = ?')
  }

  let subject: Subject | null = null
  let suggestion: PutawaySuggestion | null = null

  const state = (): PutawayState => ({ subject: subject ? publicSubject(subject) : null, suggestion })
  const publicSubject = (s: Subject): PutawaySubject => ({ kind: s.kind, id: s.id, code: s.code, units: s.units, description: s.description, location: s.location })
  const out = (kind: ReceiveOutcomeKind, code: string, message: string, extra: Partial<PutawayOutcome> = {}): PutawayOutcome => ({
    outcome: kind,
    code,
    message,
    tone: TONES[kind],
    eventId: null,
    moved: null,
    state: state(),
    ...extra
  })

  function suggest(itemId: number | null): PutawaySuggestion | null {
    if (itemId === null) return null
    const item = q.item.get(itemId)
    if (!item) return null
    if (item.default_bin_id !== null) {
      const bin = q.locationById.get(item.default_bin_id)
      if (bin && bin.active === 1) return { code: bin.code, name: bin.name, why: `default bin of ${item.sku}` }
    }
    if (item.putaway_zone_id !== null) {
      const bin = q.binInZone.get(item.putaway_zone_id)
      const zone = q.locationById.get(item.putaway_zone_id)
      if (bin) return { code: bin.code, name: bin.name, why: `emptiest bin in zone ${zone?.code ?? ''} (put-away rule of ${item.sku})` }
    }
    return null
  }

  function unitSubject(unitId: number): Subject | string {
    const u = q.unit.get(unitId)!
    if (!['received', 'stored', 'quarantined', 'returned'].includes(u.status)) return `Serial ${u.serial} is ${u.status}: it cannot be put away.`
    return { kind: 'unit', id: u.id, code: u.serial, units: 1, description: `${u.sku} ${u.description}${u.plate ? ` (on plate ${u.plate})` : ''}`, location: u.location, itemId: u.item_id, locationId: u.location_id, plateId: u.plate_id }
  }

  function plateSubject(code: string): Subject | string | null {
    const p = q.plate.get(code)
    if (!p) return null
    if (p.status === 'shipped' || p.status === 'dissolved') return `Plate ${code} is ${p.status}: it cannot be put away.`
    const tree = q.plateTree.all(p.id)
    let units = 0
    for (const t of tree) units += q.unitsOnPlate.all(t.id).length
    const dominant = q.dominantItem.get(p.id)
    return {
      kind: 'plate',
      id: p.id,
      code: p.code,
      units,
      description: `${units} unit${units === 1 ? '' : 's'}${tree.length > 1 ? ` on ${tree.length} plates` : ''}`,
      location: p.location,
      itemId: dominant?.item_id ?? null,
      locationId: p.location_id,
      plateId: p.id
    }
  }

  /** The scan as a unit, plate or location (or a reason it is none of them). */
  type Resolved = { unitId: number } | { plateCode: string } | { location: LocationRow } | { error: string; code: string }
  function resolve(id: Identity): Resolved {
    if (id.kind === 'invalid') return { error: id.message, code: id.code }
    if (id.kind === 'sscc') return { plateCode: id.sscc }
    if (id.kind === 'location') {
      const l = q.locationByGln.get(id.gln)
      return l ? { location: l } : { error: `No location has GLN ${id.gln}.`, code: 'putaway.unknown_location' }
    }
    if (id.kind === 'unit') {
      const item = q.itemByGtin.get(id.gtin)
      const u = item ? q.unitByItemSerial.get(item.id, id.serial) : undefined
      return u ? { unitId: u.id } : { error: `Serial ${id.serial} was never received here.`, code: 'putaway.unknown_unit' }
    }
    if (id.kind === 'gtin') return { error: 'That is a product code (GTIN): scan the unit\'s serial or DataMatrix, or the plate.', code: 'putaway.gtin_only' }
    if (id.kind === 'order') return { error: 'That is an order barcode: scan a plate, a unit or a bin.', code: 'putaway.unknown_code' }
    const t = id.text
    const epc = identifyEpc(t)
    if (epc) return resolve(epc)
    if (q.plate.get(t) || isPlainSscc(t)) return { plateCode: t }
    const l = q.locationByCode.get(t)
    if (l) return { location: l }
    const units = q.unitsBySerial.all(t)
    if (units.length === 1) return { unitId: units[0]!.id }
    if (units.length > 1) return { error: `Serial ${t} exists for several items: scan the DataMatrix (GTIN + serial).`, code: 'putaway.ambiguous' }
    return { error: `"${t}" is not a plate, unit or location this station knows.`, code: 'putaway.unknown_code' }
  }

  function take(s: Subject): PutawayOutcome {
    subject = s
    suggestion = suggest(s.itemId)
    const what = s.kind === 'plate' ? `Plate ${s.code} (${s.description})` : `Serial ${s.code} — ${s.description}`
    return out('accepted', 'putaway.subject', `${what}: ${suggestion ? `put away to ${suggestion.code} (${suggestion.why})` : 'no bin rule for this item — put it in any bin'}. Scan the bin label.`)
  }

  function moveTo(s: Subject, bin: LocationRow): PutawayOutcome {
    if (bin.active !== 1) return out('rejected', 'putaway.location_inactive', `${bin.code} is not in use (inactive): choose another bin.`)
    if (!STORAGE_KINDS.has(bin.kind)) return out('rejected', 'putaway.not_a_bin', `${bin.code} is a ${bin.kind}, not a bin or shelf: scan the bin label.`)
    const operatorId = deps.operatorId()
    const at = now().toISOString()
    const suggested = suggestion === null || suggestion.code === bin.code
    const from = s.location
    let units = 0
    let plates = 0
    let eventId: number | null = null
    db.transaction(() => {
      if (s.kind === 'unit') {
        eventId = eventLog.record(
          () => q.unitOffPlate.run(bin.id, at, s.id),
          () => ({ type: 'unit.stored', unitId: s.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, ...(s.plateId !== null ? { offPlate: true } : {}), suggested, suggestion: suggestion?.code ?? null } })
        ).event.id
        units = 1
        return
      }
      const tree = q.plateTree.all(s.id)
      const root = tree[0]!
      const detached = s.plateId !== null && (q.plate.get(s.code)?.parent_id ?? null) !== null
      for (const p of tree) {
        const onPlate = q.unitsOnPlate.all(p.id)
        const ev = eventLog.record(
          () => {
            q.movePlate.run(bin.id, p.id)
            if (p.id === root.id && detached) q.detachPlate.run(p.id)
          },
          () => ({ type: 'plate.moved', plateId: p.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, units: onPlate.length, ...(p.id !== root.id ? { with: root.code } : {}), ...(p.id === root.id && detached ? { detached: true } : {}), suggested } })
        )
        if (p.id === root.id) eventId = ev.event.id
        plates++
        for (const u of onPlate) {
          eventLog.record(
            () => q.moveUnit.run(bin.id, at, u.id),
            () => ({ type: 'unit.stored', unitId: u.id, plateId: p.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, plate: root.code, suggested } })
          )
          units++
        }
      }
    }).immediate()
    subject = null
    const note = suggested ? '' : ` Note: the suggested bin was ${suggestion!.code}.`
    suggestion = null
    deps.onChange?.(state())
    return out(suggested ? 'accepted' : 'warning', suggested ? 'putaway.moved' : 'putaway.moved_elsewhere', `${s.kind === 'plate' ? `Plate ${s.code}` : `Serial ${s.code}`} put away to ${bin.code}: ${units} unit${units === 1 ? '' : 's'}${plates > 1 ? ` on ${plates} plates` : ''}.${note}`, {
      eventId,
      moved: { units, plates, to: bin.code }
    })
  }

  function ontoPlate(s: Subject, plateCode: string): PutawayOutcome {
    const p = q.plate.get(plateCode)!
    if (p.status !== 'open') return out('rejected', 'putaway.plate_not_open', `Plate ${plateCode} is ${p.status}.`)
    const operatorId = deps.operatorId()
    const at = now().toISOString()
    const eventId = eventLog.record(
      () => q.unitOntoPlate.run(p.id, p.location_id, p.location_id, at, s.id),
      () => ({ type: 'unit.moved_to_plate', unitId: s.id, plateId: p.id, locationId: p.location_id, operatorId, payload: { from: s.location, plate: p.code, fromPlate: s.plateId } })
    ).event.id
    subject = null
    suggestion = null
    deps.onChange?.(state())
    return out('accepted', 'putaway.onto_plate', `Serial ${s.code} is now on plate ${p.code}${p.location ? ` at ${p.location}` : ''}.`, { eventId, moved: { units: 1, plates: 0, to: p.code } })
  }

  function handleScan(c: ScanClassification): PutawayOutcome {
    const r = resolve(identify(c))
    if ('error' in r) return out('rejected', r.code, r.error)
    if ('location' in r) {
      if (!subject) return out('rejected', 'putaway.subject_first', `${r.location.code} is a location: scan the plate or unit to put away first.`)
      return moveTo(subject, r.location)
    }
    if ('plateCode' in r) {
      if (subject?.kind === 'unit' && q.plate.get(r.plateCode)) return ontoPlate(subject, r.plateCode)
      const s = plateSubject(r.plateCode)
      if (s === null) return out('rejected', 'putaway.unknown_plate', `Plate ${r.plateCode} is not known here: receive it first.`)
      if (typeof s === 'string') return out('rejected', 'putaway.not_movable', s)
      return take(s)
    }
    const s = unitSubject(r.unitId)
    if (typeof s === 'string') return out('rejected', 'putaway.not_movable', s)
    return take(s)
  }

  return {
    handleScan: (c: ScanClassification, _text?: string) => handleScan(c),
    submit: (text: string) => handleScan(classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })),
    state,
    cancel(): PutawayState {
      subject = null
      suggestion = null
      return state()
    }
  }
}

export type PutawayService = ReturnType<typeof createPutawayService>
