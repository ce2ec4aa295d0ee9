import { msg } from '../../../shared/messages/catalog'
import type { ScanVerdict } from '../../services/scan-pipeline'
import { AppFailure } from '../../errors'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'
import { createLookup, type Lookup } from './lookup'

export interface LookupModuleDeps {
  db: Db
  gsSubstitutes?: () => readonly string[]
}

/** What the look-up scan workflow says about a scanned code (the screen shows the whole history). */
export function lookupVerdict(lookup: Lookup, text: string): ScanVerdict {
  try {
    const r = lookup.find(text)
    const m =
      r.kind === 'unit'
        ? msg('lookup.unit', { sku: r.unit.sku, serial: r.unit.serial, status: r.unit.status, location: r.unit.location, events: r.timeline.length })
        : r.kind === 'plate'
          ? msg('lookup.plate', { plate: r.plate.code, status: r.plate.status, location: r.plate.location, units: r.plate.units })
          : r.kind === 'location'
            ? msg('lookup.location', { location: r.location.code, kind: r.location.kind, units: r.location.units })
            : msg('lookup.choices', { serial: r.code, items: r.units.length })
    return { outcome: 'accepted', code: m.code, params: m.params, tone: 'good' }
  } catch (error) {
    if (error instanceof AppFailure) return { outcome: 'rejected', code: error.code, params: { ...error.params }, tone: 'bad' }
    throw error
  }
}

/** The look-up module: `lookup.find` and the `lookup` scan workflow. Read-only. */
export function createLookupModule(deps: LookupModuleDeps): WorkflowModule<'lookup.find'> & { lookup: Lookup } {
  const lookup = createLookup(deps.db, deps.gsSubstitutes ? { gsSubstitutes: deps.gsSubstitutes } : {})
  return {
    name: 'lookup',
    lookup,
    handlers: { 'lookup.find': ({ code }) => lookup.find(code) },
    scanHandlers: { lookup: (scan) => lookupVerdict(lookup, scan.text) }
  }
}
