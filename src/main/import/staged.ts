/**
 * Staged imports (issue 11, finding 7): validated rows of every kind go to a TEMP table of the
 * importing connection as they stream in; the checks between rows and against the store are SQL over
 * that table, and the apply writes from it in one transaction. Memory does not grow with the file.
 */
import type { ImportKind } from '../../shared/contract-areas/receiving'
import type { EventLog } from '../store/event-log'
import { createItemStaging } from '../store/repositories/import-staging'
import { createLocationStaging, createSupplierStaging, type StagedLocation, type StagedSupplier } from '../store/repositories/import-master-staging'
import { createOrderStaging, type StagedOrderRow } from '../store/repositories/import-order-staging'
import { createOperatorStaging, type StagedOperator } from '../store/repositories/import-operator-staging'
import { createShipmentStaging, type StagedShipmentRow } from '../store/repositories/import-shipment-staging'
import type { IssueSink } from '../store/repositories/import-staging-support'
import type { Db } from '../store/sql'
import type { AnyRecord, ItemRecord } from './formats'

export interface Staging {
  add(record: AnyRecord): void
  count(): number
  /** Every problem of the staged rows goes to `issues`; with none, the summary of what the apply will write. */
  check(issues: IssueSink, onProgress?: (done: number) => void): Record<string, number> | null
  /** Writes the staged rows; call inside the one transaction of the import. */
  apply(eventLog: EventLog, now: string, operatorId: number | null, origin: string): void
  drop(): void
}

/** The staging of a kind (every kind is staged). */
export function stagingFor(db: Db, kind: ImportKind): Staging {
  switch (kind) {
    case 'items': {
      const s = createItemStaging(db)
      return {
        add: (r) => s.add(r as ItemRecord),
        count: s.count,
        check: (issues) => {
          const before = issues.length
          const summary = s.check(issues)
          return issues.length > before ? null : summary
        },
        apply: (_events, now) => s.apply(now),
        drop: s.drop
      }
    }
    case 'po':
    case 'asn': {
      const s = createOrderStaging(db, kind)
      return {
        add: (r) => s.add(r as StagedOrderRow),
        count: s.count,
        check: (issues, onProgress) => s.check(issues, onProgress),
        apply: (events, now, operatorId, origin) => s.apply(events, now, operatorId, 'file', origin),
        drop: s.drop
      }
    }
    case 'suppliers': {
      const s = createSupplierStaging(db)
      return { add: (r) => s.add(r as StagedSupplier), count: s.count, check: (issues) => s.check(issues), apply: () => s.apply(), drop: s.drop }
    }
    case 'locations': {
      const s = createLocationStaging(db)
      return { add: (r) => s.add(r as StagedLocation), count: s.count, check: (issues) => s.check(issues), apply: () => s.apply(), drop: s.drop }
    }
    case 'shipment': {
      const s = createShipmentStaging(db)
      return { add: (r) => s.add(r as StagedShipmentRow), count: s.count, check: (issues) => s.check(issues), apply: (_events, now) => s.apply(now), drop: s.drop }
    }
    case 'operators': {
      const s = createOperatorStaging(db)
      return { add: (r) => s.add(r as StagedOperator), count: s.count, check: (issues) => s.check(issues), apply: (events, _now, operatorId, origin) => s.apply(events, operatorId, origin), drop: s.drop }
    }
  }
}
