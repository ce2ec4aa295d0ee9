import type { Migration } from '../migration'

/**
 * Remote displays (issue 10, item 6; ADR 0018): paired displays keep only the SHA-256 of their long
 * random token; pairing codes are one-time, short-lived and kept hashed too, so the CLI can make one
 * beside a running station. Displays are revoked, never deleted (the audit names them).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'displays',
  up: (db) => {
    db.exec(`
      CREATE TABLE displays (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT,
        revoked_at TEXT,
        revoked_by INTEGER REFERENCES operators(id)
      );
      CREATE TABLE display_pairing_codes (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        display_id INTEGER REFERENCES displays(id),
        created_by INTEGER REFERENCES operators(id)
      );
    `)
  }
}
