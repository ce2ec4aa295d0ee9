import type { ImportIssue } from '../../../shared/contract-areas/receiving'
import type { Db } from '../sql'

/** Where staged checks put the problems they find (a bounded list: src/main/import/issues.ts). */
export interface IssueSink {
  push(...issues: ImportIssue[]): number
  readonly length: number
}

const ROWS_PER_TX = 10_000

/**
 * Starts a staged import on a connection: TEMP tables go to disk (temp_store FILE) so their size never
 * lands in memory; `drop()` removes them and restores the connection's setting. `writer` buffers rows
 * (at most ROWS_PER_TX) and writes them in one synchronous transaction, so no transaction stays open
 * across the reader's awaits.
 */
export function beginStaging(db: Db, tables: readonly string[]) {
  const previousTempStore = db.pragma('temp_store', { simple: true }) as number
  db.pragma('temp_store = FILE')
  const dropAll = () => {
    for (const t of tables) db.exec(`DROP TABLE IF EXISTS temp.${t}`)
  }
  dropAll()
  return {
    writer<T>(insert: (row: T) => void) {
      let pending: T[] = []
      let count = 0
      const writeAll = db.transaction((rows: T[]) => rows.forEach(insert))
      const flush = () => {
        if (pending.length > 0) writeAll(pending)
        pending = []
      }
      return {
        add(row: T): void {
          pending.push(row)
          count++
          if (pending.length >= ROWS_PER_TX) flush()
        },
        count: () => count,
        flush
      }
    },
    drop(): void {
      dropAll()
      db.pragma(`temp_store = ${previousTempStore}`)
    }
  }
}

/** A keyset-paged query as pages of rows (each page fetched whole, so other statements may run between pages). */
export function* pagesOf<K, R>(statement: { all(key: K): R[] }, start: K, keyOf: (row: R) => K): Generator<R[]> {
  let key = start
  for (;;) {
    const rows = statement.all(key)
    if (rows.length === 0) return
    yield rows
    key = keyOf(rows[rows.length - 1]!)
  }
}
