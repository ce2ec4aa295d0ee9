import type { EventLog } from '../event-log'
import type { Db } from '../sql'
import { beginStaging, pagesOf, type IssueSink } from './import-staging-support'
import { createOperatorRepository } from './operators'

/** What the staging needs of an `operators` record (src/main/import/records.ts): never a PIN. */
export interface StagedOperator {
  row: number
  name: string
  badge: string | null
  role: 'operator' | 'supervisor' | 'administrator'
}

const STAGE = 'temp.import_operator_stage'
const PAGE = 500

/**
 * An `operators` import (issue #10.2) staged in a TEMP table: duplicates in the file and against the
 * store are SQL; the apply creates each operator through the operators repository with one
 * `operator.created` event each (who imported them, from which file), all in the import's transaction.
 * Operators are only created: changing one is Settings → Operators (its before → after is audited there).
 */
export function createOperatorStaging(db: Db) {
  const staging = beginStaging(db, ['import_operator_stage'])
  db.exec('CREATE TEMP TABLE import_operator_stage (row INTEGER PRIMARY KEY, name TEXT NOT NULL, badge TEXT, role TEXT NOT NULL)')
  const insert = db.prepare(`INSERT INTO ${STAGE} (row, name, badge, role) VALUES (?, ?, ?, ?)`)
  const writer = staging.writer<StagedOperator>((r) => insert.run(r.row, r.name, r.badge, r.role))
  return {
    add: writer.add,
    count: writer.count,
    check(issues: IssueSink): Record<string, number> | null {
      writer.flush()
      const before = issues.length
      db.exec(`CREATE INDEX temp.import_operator_stage_badge ON import_operator_stage (badge, row); CREATE INDEX temp.import_operator_stage_name ON import_operator_stage (name COLLATE NOCASE, row)`)
      const badgeTwice = db.prepare(`SELECT s.row, s.badge, (SELECT min(x.row) FROM ${STAGE} x WHERE x.badge = s.badge) AS first FROM ${STAGE} s WHERE s.badge IS NOT NULL AND first < s.row`)
      for (const d of badgeTwice.iterate() as Iterable<{ row: number; badge: string; first: number }>) issues.push({ row: d.row, column: 'badge', rule: 'unique', message: `This badge already appears in row ${d.first}.`, value: d.badge })
      const nameTwice = db.prepare(`SELECT s.row, s.name, (SELECT min(x.row) FROM ${STAGE} x WHERE x.name = s.name COLLATE NOCASE) AS first FROM ${STAGE} s WHERE first < s.row`)
      for (const d of nameTwice.iterate() as Iterable<{ row: number; name: string; first: number }>) issues.push({ row: d.row, column: 'name', rule: 'unique', message: `This name already appears in row ${d.first}.`, value: d.name })
      const badgeTaken = db.prepare(`SELECT s.row, s.badge, o.name FROM ${STAGE} s JOIN main.operators o ON o.badge = s.badge ORDER BY s.row`)
      for (const d of badgeTaken.iterate() as Iterable<{ row: number; badge: string; name: string }>) {
        issues.push({ row: d.row, column: 'badge', rule: 'badge_taken', message: `Badge ${d.badge} already belongs to ${d.name}.`, value: d.badge })
      }
      const nameTaken = db.prepare(`SELECT s.row, s.name FROM ${STAGE} s WHERE EXISTS (SELECT 1 FROM main.operators o WHERE o.name = s.name COLLATE NOCASE AND o.active = 1) ORDER BY s.row`)
      for (const d of nameTaken.iterate() as Iterable<{ row: number; name: string }>) {
        issues.push({ row: d.row, column: 'name', rule: 'operator_exists', message: `An active operator named ${d.name} already exists: change them in Settings → Operators.`, value: d.name })
      }
      if (issues.length > before) return null
      const byRole = db.prepare(`SELECT role, count(*) AS n FROM ${STAGE} GROUP BY role`).all() as Array<{ role: string; n: number }>
      const summary: Record<string, number> = { operatorsCreated: writer.count() }
      for (const r of byRole) summary[`${r.role}s`] = r.n
      return summary
    },
    /** Creates every staged operator, each with its `operator.created` event (inside the caller's transaction). */
    apply(eventLog: EventLog, operatorId: number | null, origin: string): void {
      const operators = createOperatorRepository(db)
      const page = db.prepare<[number], StagedOperator>(`SELECT row, name, badge, role FROM ${STAGE} WHERE row > ? ORDER BY row LIMIT ${PAGE}`)
      for (const rows of pagesOf(page, 0, (r) => r.row)) {
        for (const r of rows) {
          const id = operators.insert({ name: r.name, role: r.role, badge: r.badge, pinHash: null })
          eventLog.append({ type: 'operator.created', operatorId, payload: { operator: id, name: r.name, role: r.role, badge: r.badge, pinSet: false, source: 'import', origin } })
        }
      }
    },
    drop: staging.drop
  }
}
