import { classifyScan, type ScanClassification } from '../../../shared/codes/gs1/index'
import type { CodedMessage, PutawayOutcome, PutawayState, PutawaySubject, PutawaySuggestion, ReceiveOutcomeKind } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import { TONE_OF_OUTCOME } from '../../../shared/model/feedback'
import type { EventLog } from '../../store/event-log'
import { createItemRepository } from '../../store/repositories/items'
import { createLocationRepository, type LocationRow } from '../../store/repositories/locations'
import { createPlateTreeRepository } from '../../store/repositories/plate-tree'
import { createPlateRepository } from '../../store/repositories/plates'
import { createPutawayRepository, type HoldCandidateRow } from '../../store/repositories/putaway'
import type { Db } from '../../store/sql'
import { identify, identifyEpc, isPlainSscc, type Identity } from '../receiving/identify'
import { holdNote, holdReason, type HoldReason } from '../receiving/rules'
import { createPutawayApply } from './apply'
import { binRefusal, plateNotMovable, suggestBin, unitNotMovable } from './rules'

export interface PutawayDeps {
  db: Db
  eventLog: EventLog
  now: () => Date
  gsSubstitutes?: () => readonly string[]
  /** A terminal's put-away state after a move. */
  onChange?: (terminalId: string, state: PutawayState) => void
}

/** One put-away call: the terminal and its operator. */
export interface PutawayCall {
  terminalId: string
  operatorId: number | null
  /** A supervisor's override (issue 12 item 1): puts a held unit into a non-hold location, audited. */
  override?: { reason: string; approvedBy?: { id: number; name: string } } | undefined
}

interface Hold {
  reason: HoldReason
  unit: HoldCandidateRow
}

type Subject = PutawaySubject & { itemId: number | null; locationId: number | null; plateId: number | null; hold: Hold | null }
type Resolved = { unitId: number } | { plateCode: string } | { location: LocationRow } | { refusal: CodedMessage }

/**
 * Put-away (DOMAIN flow 2), per terminal: scan a plate or a unit → the suggested bin (the item's
 * default bin, else the emptiest bin of the item's put-away zone) → scan the bin label → moved. The
 * subject and suggestion live per terminal in memory (a restart starts the put-away over).
 */
export function createPutawayWorkflow(deps: PutawayDeps) {
  const repo = createPutawayRepository(deps.db)
  const items = createItemRepository(deps.db)
  const plates = createPlateRepository(deps.db)
  const locations = createLocationRepository(deps.db)
  const tree = createPlateTreeRepository(deps.db)
  const apply = createPutawayApply({ db: deps.db, eventLog: deps.eventLog, repo, plates, tree })
  const subjects = new Map<string, { subject: Subject; suggestion: PutawaySuggestion | null }>()

  const publicSubject = (s: Subject): PutawaySubject => ({ kind: s.kind, id: s.id, code: s.code, units: s.units, description: s.description, location: s.location })
  const state = (t: string): PutawayState => {
    const s = subjects.get(t)
    return { subject: s ? publicSubject(s.subject) : null, suggestion: s?.suggestion ?? null }
  }
  const out = (t: string, kind: ReceiveOutcomeKind, m: CodedMessage, extra: Partial<PutawayOutcome> = {}): PutawayOutcome => ({
    outcome: kind,
    code: m.code,
    params: m.params,
    notes: [],
    tone: TONE_OF_OUTCOME[kind],
    eventId: null,
    moved: null,
    state: state(t),
    ...extra
  })

  const today = (): string => deps.now().toISOString().slice(0, 10)

  function holdOf(u: HoldCandidateRow | null): Hold | null {
    if (!u) return null
    const lot = u.lot_status === null ? null : { status: u.lot_status, status_note: u.lot_note, expiry: u.expiry }
    const reason = holdReason(u.status, lot, u.expiry, today())
    return reason ? { reason, unit: u } : null
  }

  const subjectOnHold = (reason: HoldReason, p: { code: string; sku: string; lot: string | null; expiry: string | null; bin: string | null }): CodedMessage =>
    reason === 'recalled'
      ? msg('putaway.subject_recalled', { code: p.code, sku: p.sku, lot: p.lot, bin: p.bin })
      : reason === 'expired'
        ? msg('putaway.subject_expired', p)
        : msg('putaway.subject_quarantined', { code: p.code, sku: p.sku, lot: p.lot, bin: p.bin })

  const holdMessage = (h: Hold): CodedMessage => holdNote(h.reason, h.unit.sku, h.unit.lot, h.unit.expiry)

  function unitSubject(unitId: number): Subject | CodedMessage {
    const u = repo.unit(unitId)!
    const refusal = unitNotMovable(u.serial, u.status)
    if (refusal) return refusal
    const description = msg('putaway.describe_unit', { sku: u.sku, description: u.description, plate: u.plate })
    return { kind: 'unit', id: u.id, code: u.serial, units: 1, description, location: u.location, itemId: u.item_id, locationId: u.location_id, plateId: u.plate_id, hold: holdOf(repo.unitHold(u.id)) }
  }

  function plateSubject(code: string): Subject | CodedMessage | null {
    const p = plates.byCode(code)
    if (!p) return null
    const refusal = plateNotMovable(code, p.status)
    if (refusal) return refusal
    const all = tree.plates(p.id)
    let units = 0
    for (const t of all) units += tree.unitsOn(t.id).length
    const location = p.location_id === null ? null : (locations.byId(p.location_id)?.code ?? null)
    const description = msg('putaway.describe_plate', { units, plates: all.length })
    return { kind: 'plate', id: p.id, code: p.code, units, description, location, itemId: tree.dominantItem(p.id), locationId: p.location_id, plateId: p.id, hold: holdOf(repo.plateHold(p.id, today())) }
  }

  /** The scan as a unit, plate or location (or why it is none of them). */
  function resolve(id: Identity): Resolved {
    if (id.kind === 'invalid') return { refusal: { code: id.code, params: id.params } }
    if (id.kind === 'sscc') return { plateCode: id.sscc }
    if (id.kind === 'location') {
      const l = locations.byGln(id.gln)
      return l ? { location: l } : { refusal: msg('putaway.unknown_location', { gln: id.gln }) }
    }
    if (id.kind === 'unit') {
      const item = items.byGtin(id.gtin)
      const unitId = item ? repo.unitIdByItemSerial(item.id, id.serial) : null
      return unitId !== null ? { unitId } : { refusal: msg('putaway.unknown_unit', { serial: id.serial }) }
    }
    if (id.kind === 'gtin') return { refusal: msg('putaway.gtin_only', {}) }
    if (id.kind === 'order') return { refusal: msg('putaway.unknown_code', { code: id.number }) }
    const t = id.text
    const epc = identifyEpc(t)
    if (epc) return resolve(epc)
    if (plates.byCode(t) || isPlainSscc(t)) return { plateCode: t }
    const l = locations.byCode(t)
    if (l) return { location: l }
    const units = repo.unitIdsBySerial(t)
    if (units.length === 1) return { unitId: units[0]! }
    if (units.length > 1) return { refusal: msg('putaway.ambiguous', { serial: t }) }
    return { refusal: msg('putaway.unknown_code', { code: t }) }
  }

  function take(t: string, s: Subject): PutawayOutcome {
    if (s.hold) {
      const bin = locations.emptiestHoldBin()
      const why = holdMessage(s.hold)
      const suggestion = bin ? { code: bin.code, name: bin.name, why } : null
      subjects.set(t, { subject: s, suggestion })
      const params = { code: s.code, sku: s.hold.unit.sku, lot: s.hold.unit.lot, expiry: s.hold.unit.expiry, bin: bin?.code ?? null }
      return out(t, 'warning', subjectOnHold(s.hold.reason, params), { notes: bin ? [why] : [why, msg('putaway.note_no_hold_location', {})] })
    }
    const itemRow = s.itemId === null ? null : items.byId(s.itemId)
    const suggestion = suggestBin(itemRow, locations)
    subjects.set(t, { subject: s, suggestion })
    return out(t, 'accepted', msg('putaway.subject', { code: s.code, bin: suggestion?.code ?? null }), { notes: suggestion ? [suggestion.why] : [msg('putaway.note_no_rule', {})] })
  }

  function moveTo(call: PutawayCall, s: Subject, suggestion: PutawaySuggestion | null, bin: LocationRow): PutawayOutcome {
    const t = call.terminalId
    const refusal = binRefusal(bin)
    if (refusal) return out(t, 'rejected', refusal)
    const overridden = s.hold !== null && bin.hold !== 1
    if (overridden && !call.override) {
      return out(t, 'rejected', msg('putaway.hold_only', { code: s.code, bin: bin.code, suggested: suggestion?.code ?? null }), { notes: [holdMessage(s.hold!)] })
    }
    const audit = overridden ? { reason: call.override!.reason, hold: s.hold!.reason, ...(call.override!.approvedBy ? { approvedBy: call.override!.approvedBy } : {}) } : null
    const r = apply.moveTo(s, bin, suggestion?.code ?? null, call.operatorId, deps.now().toISOString(), audit)
    subjects.delete(t)
    deps.onChange?.(t, state(t))
    const params = { code: s.code, bin: bin.code, units: r.units }
    if (audit) return out(t, 'warning', msg('putaway.moved_override', { ...params, reason: audit.reason }), { eventId: r.eventId, moved: { units: r.units, plates: r.plates, to: bin.code } })
    return out(t, r.suggested ? 'accepted' : 'warning', r.suggested ? msg('putaway.moved', params) : msg('putaway.moved_elsewhere', { ...params, suggested: suggestion!.code }), {
      eventId: r.eventId,
      moved: { units: r.units, plates: r.plates, to: bin.code }
    })
  }

  function ontoPlate(call: PutawayCall, s: Subject, plateCode: string): PutawayOutcome {
    const t = call.terminalId
    const p = plates.byCode(plateCode)!
    if (p.status !== 'open') return out(t, 'rejected', msg('putaway.plate_not_open', { plate: plateCode, status: p.status }))
    const plateAtHold = p.location_id !== null && locations.byId(p.location_id)?.hold === 1
    if (s.hold && !plateAtHold && !call.override) return out(t, 'rejected', msg('putaway.hold_only', { code: s.code, bin: plateCode, suggested: subjects.get(t)?.suggestion?.code ?? null }), { notes: [holdMessage(s.hold)] })
    const eventId = apply.ontoPlate(s, p, call.operatorId, deps.now().toISOString())
    subjects.delete(t)
    deps.onChange?.(t, state(t))
    const location = p.location_id === null ? null : (locations.byId(p.location_id)?.code ?? null)
    return out(t, 'accepted', msg('putaway.onto_plate', { serial: s.code, plate: p.code, location }), { eventId, moved: { units: 1, plates: 0, to: p.code } })
  }

  function handleScan(call: PutawayCall, c: ScanClassification): PutawayOutcome {
    const t = call.terminalId
    const r = resolve(identify(c))
    const current = subjects.get(t) ?? null
    if ('refusal' in r) return out(t, 'rejected', r.refusal)
    if ('location' in r) {
      if (!current) return out(t, 'rejected', msg('putaway.subject_first', { location: r.location.code }))
      return moveTo(call, current.subject, current.suggestion, r.location)
    }
    if ('plateCode' in r) {
      if (current?.subject.kind === 'unit' && plates.byCode(r.plateCode)) return ontoPlate(call, current.subject, r.plateCode)
      const s = plateSubject(r.plateCode)
      if (s === null) return out(t, 'rejected', msg('putaway.unknown_plate', { plate: r.plateCode }))
      if ('code' in s && 'params' in s) return out(t, 'rejected', s)
      return take(t, s)
    }
    const s = unitSubject(r.unitId)
    if ('params' in s) return out(t, 'rejected', s)
    return take(t, s)
  }

  return {
    handleScan,
    submit: (call: PutawayCall, text: string): PutawayOutcome => handleScan(call, classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })),
    state,
    cancel(t: string): PutawayState {
      subjects.delete(t)
      return state(t)
    }
  }
}

export type PutawayWorkflow = ReturnType<typeof createPutawayWorkflow>
