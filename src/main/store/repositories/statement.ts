import type { Db } from '../sql'

/** A prepared statement with its parameter and row types (named parameters pass one object). */
export interface Stmt<P extends unknown[], R> {
  run(...params: P): { changes: number; lastInsertRowid: number | bigint }
  get(...params: P): R | undefined
  all(...params: P): R[]
}

/** Prepares a statement typed by its parameters and row (repositories only). */
export const prepare = <P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Stmt<P, R> => db.prepare(sql) as unknown as Stmt<P, R>
