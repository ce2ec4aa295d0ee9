import type Database from 'better-sqlite3'

/**
 * The database handle as code outside `store/` may hold it: passed to repositories, never queried
 * directly (only `store/**` imports better-sqlite3 — ESLint enforces it).
 */
export interface Db extends Database.Database {}

/** Runs `fn` in one transaction that takes the write lock up front (a savepoint when already inside one). */
export function inImmediateTransaction<A extends unknown[], T>(db: Db, fn: (...args: A) => T): (...args: A) => T {
  const tx = db.transaction(fn)
  return (...args: A) => tx.immediate(...args)
}
