import type { EventLog } from '../store/event-log'
import { createOperatorRepository } from '../store/repositories/operators'
import type { Db } from '../store/sql'
import type { OperatorImportRecord } from './records'

interface Issues {
  add(row: number, column: string | null, rule: string, message: string, value?: string | null): void
}

/**
 * The in-memory path of an `operators` batch (a file of a few rows, the preview): the same checks
 * against the store as the staged import (src/main/store/repositories/import-operator-staging.ts).
 */
export function planOperators(db: Db, eventLog: EventLog, records: OperatorImportRecord[], check: Issues, bump: (k: string, n?: number) => void, operatorId: number | null, origin: string | null): () => void {
  const operators = createOperatorRepository(db)
  const activeNames = new Set(operators.list().map((o) => o.name.toLowerCase()))
  for (const r of records) {
    const holder = r.badge === null ? null : operators.badgeHolder(r.badge)
    if (holder !== null) check.add(r.row, 'badge', 'badge_taken', `Badge ${r.badge} already belongs to ${operators.record(holder)?.name ?? holder}.`, r.badge)
    if (activeNames.has(r.name.toLowerCase())) check.add(r.row, 'name', 'operator_exists', `An active operator named ${r.name} already exists: change them in Settings → Operators.`, r.name)
    bump('operatorsCreated')
    bump(`${r.role}s`)
  }
  return () => {
    for (const r of records) {
      const id = operators.insert({ name: r.name, role: r.role, badge: r.badge, pinHash: null })
      eventLog.append({ type: 'operator.created', operatorId, payload: { operator: id, name: r.name, role: r.role, badge: r.badge, pinSet: false, source: 'import', origin } })
    }
  }
}
