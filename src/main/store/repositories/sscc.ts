import type Database from 'better-sqlite3'
import type { Db } from '../sql'

/** The SSCC counters in `sequences` (one per configured range: `sscc:<extension>:<prefix>:<start>`). */
export function createSsccRepository(db: Db): {
  readSequence: Database.Statement<[string], { next: number; last: number }>
  sequencesOf: Database.Statement<[string, string], { name: string; next: number }>
  upsertSequence: Database.Statement<[string, number, number]>
  advance: Database.Statement<[number, string]>
} {
  return {
    readSequence: db.prepare<[string], { next: number; last: number }>('SELECT next, last FROM sequences WHERE name = ?'),
    sequencesOf: db.prepare<[string, string], { name: string; next: number }>('SELECT name, next FROM sequences WHERE substr(name, 1, length(?)) = ?'),
    upsertSequence: db.prepare<[string, number, number]>(
      'INSERT INTO sequences (name, next, last) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET next = max(sequences.next, excluded.next), last = excluded.last'
    ),
    advance: db.prepare<[number, string]>('UPDATE sequences SET next = next + ? WHERE name = ?')
  }
}
