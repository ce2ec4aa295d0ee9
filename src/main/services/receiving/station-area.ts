import type Database from 'better-sqlite3'
import { join } from 'node:path'
import type { StationHandlers } from '../../../shared/contract'
import type { ReceivingOutputs, ReceivingState } from '../../../shared/contract-areas/receiving'
import { AppFailure } from '../../errors'
import type { EventLog } from '../../store/event-log'
import type { SettingsRepository } from '../../store/repositories/settings'
import { createLookup, type Lookup } from '../lookup'
import { createPutawayService, type PutawayService } from '../putaway'
import type { ScanHandler, ScanRouter } from '../scan-pipeline'
import { createSsccIssuer } from '../sscc-issuer'
import { createReceiving, type Receiving } from './index'
import { toVerdict } from './scan-handler'

export interface ReceivingAreaDeps {
  db: Database.Database
  eventLog: EventLog
  settings: SettingsRepository
  dataDir: string
  stationId: string
  nativeBinding?: string
  operatorId: () => number | null
  gsSubstitutes: () => readonly string[]
  /** Receiving state after a change (after the commit). */
  onReceivingChanged: (state: ReceivingState) => void
}

export interface ReceivingArea {
  receiving: Receiving
  putaway: PutawayService
  lookup: Lookup
  /** Imports are wired in createStation (import/service.ts): they depend on the host. */
  handlers: Pick<StationHandlers, Exclude<keyof ReceivingOutputs, `imports.${string}`>>
  /** The `receiving`, `putaway` and `lookup` scan workflows. */
  scanHandlers: Record<'receiving' | 'putaway' | 'lookup', ScanHandler>
  registerScanHandlers(router: ScanRouter): () => void
}

/** Receiving, put-away, look-up and imports wired for createStation (one call there). */
export function createReceivingArea(deps: ReceivingAreaDeps): ReceivingArea {
  const issuer = createSsccIssuer(deps.db, deps.settings, deps.eventLog)
  const receiving = createReceiving({
    db: deps.db,
    eventLog: deps.eventLog,
    operatorId: deps.operatorId,
    issueSscc: (operatorId) => issuer.issue(1, operatorId)[0]!,
    gsSubstitutes: deps.gsSubstitutes,
    onChange: deps.onReceivingChanged,
    stationId: deps.stationId,
    reportsDir: join(deps.dataDir, 'reports')
  })
  const putaway = createPutawayService({ db: deps.db, eventLog: deps.eventLog, operatorId: deps.operatorId, gsSubstitutes: deps.gsSubstitutes })
  const lookup = createLookup(deps.db, { gsSubstitutes: deps.gsSubstitutes })
  const svc = receiving.service

  const handlers: ReceivingArea['handlers'] = {
    'receiving.orders': (input) => svc.orders(input),
    'receiving.open': ({ order }) => svc.open(order),
    'receiving.state': () => svc.state(),
    'receiving.leave': () => svc.leave(),
    'receiving.submit': ({ text }) => svc.submit(text),
    'receiving.receiveTyped': (input) => svc.receiveTyped(input),
    'receiving.cancelPending': () => svc.cancelPending(),
    'receiving.setPlate': ({ code }) => svc.setPlate(code),
    'receiving.newPlate': () => svc.newPlate(),
    'receiving.exception': (input) => svc.exception(input),
    'receiving.undo': () => svc.undo(),
    'receiving.close': ({ note }) => receiving.close(note ?? null),
    'putaway.submit': ({ text }) => putaway.submit(text),
    'putaway.state': () => putaway.state(),
    'putaway.cancel': () => putaway.cancel(),
    'lookup.find': ({ code }) => lookup.find(code)
  }

  const scanHandlers: ReceivingArea['scanHandlers'] = {
    receiving: (scan) => toVerdict(svc.handleScan(scan.classification, scan.text)),
    putaway: (scan) => toVerdict(putaway.handleScan(scan.classification, scan.text)),
    lookup: (scan) => {
      try {
        const r = lookup.find(scan.text)
        const message =
          r.kind === 'unit'
            ? `${r.unit.sku} serial ${r.unit.serial}: ${r.unit.status}${r.unit.location ? ` at ${r.unit.location}` : ''} — ${r.timeline.length} events`
            : r.kind === 'plate'
              ? `Plate ${r.plate.code}: ${r.plate.status}${r.plate.location ? ` at ${r.plate.location}` : ''}, ${r.plate.units} units`
              : r.kind === 'location'
                ? `${r.location.code} (${r.location.kind}): ${r.location.units} units`
                : `Serial ${r.code} exists for ${r.units.length} items: pick one`
        return { outcome: 'accepted', code: `lookup.${r.kind}`, message }
      } catch (error) {
        if (error instanceof AppFailure) return { outcome: 'rejected', code: error.code, message: error.message }
        throw error
      }
    }
  }

  return {
    receiving,
    putaway,
    lookup,
    handlers,
    scanHandlers,
    registerScanHandlers(router) {
      const offs = (Object.keys(scanHandlers) as Array<keyof typeof scanHandlers>).map((name) => router.register(name, scanHandlers[name]))
      return () => offs.forEach((off) => off())
    }
  }
}
