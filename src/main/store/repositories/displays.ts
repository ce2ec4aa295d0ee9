import type Database from 'better-sqlite3'
import type { DisplayRecord } from '../../../shared/contract-areas/displays'

interface DisplayRow {
  id: number
  name: string
  created_at: string
  last_seen_at: string | null
  revoked_at: string | null
}

interface CodeRow {
  id: number
  expires_at: string
  used_at: string | null
}

const toRecord = (row: DisplayRow): DisplayRecord => ({ id: row.id, name: row.name, createdAt: row.created_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at })

/** Paired displays and their one-time pairing codes (migration 0011); tokens and codes arrive hashed. */
export function createDisplayRepository(db: Database.Database) {
  const statements = {
    all: db.prepare<[], DisplayRow>('SELECT id, name, created_at, last_seen_at, revoked_at FROM displays ORDER BY id'),
    byId: db.prepare<[number], DisplayRow>('SELECT id, name, created_at, last_seen_at, revoked_at FROM displays WHERE id = ?'),
    byToken: db.prepare<[string], DisplayRow>('SELECT id, name, created_at, last_seen_at, revoked_at FROM displays WHERE token_hash = ?'),
    insert: db.prepare<[string, string, string]>('INSERT INTO displays (name, token_hash, created_at) VALUES (?, ?, ?)'),
    seen: db.prepare<[string, number]>('UPDATE displays SET last_seen_at = ? WHERE id = ?'),
    revoke: db.prepare<[string, number | null, number]>('UPDATE displays SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL'),
    insertCode: db.prepare<[string, string, string, number | null]>('INSERT INTO display_pairing_codes (code_hash, created_at, expires_at, created_by) VALUES (?, ?, ?, ?)'),
    codeByHash: db.prepare<[string], CodeRow>('SELECT id, expires_at, used_at FROM display_pairing_codes WHERE code_hash = ?'),
    useCode: db.prepare<[string, number, number]>('UPDATE display_pairing_codes SET used_at = ?, display_id = ? WHERE id = ? AND used_at IS NULL'),
    expireOpenCodes: db.prepare<[string, string]>('UPDATE display_pairing_codes SET expires_at = ? WHERE used_at IS NULL AND expires_at > ?')
  }
  return {
    all: (): DisplayRecord[] => statements.all.all().map(toRecord),
    byId: (id: number): DisplayRecord | null => {
      const row = statements.byId.get(id)
      return row ? toRecord(row) : null
    },
    byTokenHash: (tokenHash: string): DisplayRecord | null => {
      const row = statements.byToken.get(tokenHash)
      return row ? toRecord(row) : null
    },
    markSeen: (id: number, at: string): void => void statements.seen.run(at, id),
    revoke: (id: number, at: string, by: number | null): boolean => statements.revoke.run(at, by, id).changes === 1,
    /** A new code replaces any code still open: only the newest one shown on the station works. */
    addCode: (codeHash: string, createdAt: string, expiresAt: string, by: number | null): void => {
      db.transaction(() => {
        statements.expireOpenCodes.run(createdAt, createdAt)
        statements.insertCode.run(codeHash, createdAt, expiresAt, by)
      })()
    },
    codeByHash: (codeHash: string): { id: number; expiresAt: string; usedAt: string | null } | null => {
      const row = statements.codeByHash.get(codeHash)
      return row ? { id: row.id, expiresAt: row.expires_at, usedAt: row.used_at } : null
    },
    /** Uses the code and creates the display in one transaction; false when the code was used meanwhile. */
    pair: (codeId: number, name: string, tokenHash: string, at: string): DisplayRecord =>
      db.transaction(() => {
        const id = Number(statements.insert.run(name, tokenHash, at).lastInsertRowid)
        if (statements.useCode.run(at, id, codeId).changes !== 1) throw new CodeAlreadyUsed()
        return toRecord(statements.byId.get(id) as DisplayRow)
      })()
  }
}

export class CodeAlreadyUsed extends Error {}

export type DisplayRepository = ReturnType<typeof createDisplayRepository>
