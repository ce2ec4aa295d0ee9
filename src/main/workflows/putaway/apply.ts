import type { EventLog } from '../../store/event-log'
import type { LocationRow } from '../../store/repositories/locations'
import type { PlateTreeRepository } from '../../store/repositories/plate-tree'
import type { PlateRepository } from '../../store/repositories/plates'
import type { PutawayRepository } from '../../store/repositories/putaway'
import { inImmediateTransaction, type Db } from '../../store/sql'

export interface MoveSubject {
  kind: 'plate' | 'unit'
  id: number
  code: string
  location: string | null
  plateId: number | null
}

/**
 * Put-away's writes through the event log. A plate moves with its whole tree: every plate gets a
 * `plate.moved` event and every unit its own `unit.stored` event (ADR 0008), all in one transaction.
 */
export function createPutawayApply(deps: { db: Db; eventLog: EventLog; repo: PutawayRepository; plates: PlateRepository; tree: PlateTreeRepository }) {
  const { eventLog, repo, plates, tree } = deps

  /** `override`: a supervisor put a held subject into a non-hold location; recorded on every event. */
  function moveTo(s: MoveSubject, bin: LocationRow, suggestion: string | null, operatorId: number | null, at: string, override: { reason: string; hold: string } | null = null) {
    const audit = override ? { override } : {}
    const suggested = suggestion === null || suggestion === bin.code
    const from = s.location
    let units = 0
    let plateCount = 0
    let eventId: number | null = null
    inImmediateTransaction(deps.db, () => {
      if (s.kind === 'unit') {
        eventId = eventLog.record(
          () => repo.storeUnitOffPlate(s.id, bin.id, at),
          () => ({ type: 'unit.stored', unitId: s.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, ...(s.plateId !== null ? { offPlate: true } : {}), suggested, suggestion, ...audit } })
        ).event.id
        units = 1
        return
      }
      const all = tree.plates(s.id)
      const root = all[0]!
      const detached = s.plateId !== null && (plates.byCode(s.code)?.parent_id ?? null) !== null
      for (const p of all) {
        const onPlate = tree.unitsOn(p.id)
        const ev = eventLog.record(
          () => {
            plates.setLocation(p.id, bin.id)
            if (p.id === root.id && detached) plates.setParent(p.id, null)
          },
          () => ({ type: 'plate.moved', plateId: p.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, units: onPlate.length, ...(p.id !== root.id ? { with: root.code } : {}), ...(p.id === root.id && detached ? { detached: true } : {}), suggested, ...audit } })
        )
        if (p.id === root.id) eventId = ev.event.id
        plateCount++
        for (const u of onPlate) {
          eventLog.record(
            () => repo.moveUnit(u.id, bin.id, at),
            () => ({ type: 'unit.stored', unitId: u.id, plateId: p.id, locationId: bin.id, operatorId, payload: { from, to: bin.code, plate: root.code, suggested, ...audit } })
          )
          units++
        }
      }
    })()
    return { suggested, units, plates: plateCount, eventId: eventId as number | null }
  }

  function ontoPlate(s: MoveSubject, plate: { id: number; code: string; location_id: number | null }, operatorId: number | null, at: string): number {
    return eventLog.record(
      () => repo.putOntoPlate(s.id, plate.id, plate.location_id, at),
      () => ({ type: 'unit.moved_to_plate', unitId: s.id, plateId: plate.id, locationId: plate.location_id, operatorId, payload: { from: s.location, plate: plate.code, fromPlate: s.plateId } })
    ).event.id
  }

  return { moveTo, ontoPlate }
}
