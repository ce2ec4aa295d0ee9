import type { ImportIssue } from '../../../shared/contract-areas/receiving'
import type { Db } from '../sql'

/** Where staged checks put the problems they find (a bounded list: src/main/import/issues.ts). */
export interface IssueSink {
  push(...issues: ImportIssue[]): number
  readonly length: number
}

const ROWS_PER_TX = 10_000
/** The page cache while staging, as SQLite's negative KiB (16 MB). */
const STAGING_CACHE_KIB = -16384

/**
 * Starts a staged import on a connection: TEMP tables go to disk (temp_store FILE) so their size never
 * lands in memory; `drop()` removes them and restores the connection's settings. `writer` buffers rows
 * (at most ROWS_PER_TX) and writes them in one synchronous transaction, so no transaction stays open
 * across the reader's awaits.
 */
export function beginStaging(db: Db, tables: readonly string[]) {
  const previousTempStore = db.pragma('temp_store', { simple: true }) as number
  const previousCache = db.pragma('cache_size', { simple: true }) as number
  db.pragma('temp_store = FILE')
  // A smaller page cache while staging: the cache (and SQLite's sorter, bounded by it) is the import's
  // largest constant; the stage is read in index order, so a big cache buys little.
  db.pragma(`cache_size = ${STAGING_CACHE_KIB}`)
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
      db.pragma(`cache_size = ${previousCache}`)
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
