import type { Pool, PoolClient } from 'pg'
import { serverMigrations, type ServerMigration } from './migrations'
import { ServerError } from '../errors'

export interface MigrateReport {
  from: number
  to: number
  applied: number[]
}

/** Lock id that keeps concurrent server processes from migrating at the same time. */
const MIGRATION_LOCK = 0x646f636b // "dock"

async function currentVersion(client: PoolClient): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
  return rows[0]?.v ?? 0
}

/**
 * Brings the database to the newest schema. Each migration runs in its own transaction; a database
 * migrated by a newer server is refused (never touched). Safe to call from several processes at once.
 */
export async function migrate(pool: Pool, migrations: readonly ServerMigration[] = serverMigrations): Promise<MigrateReport> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      const from = await currentVersion(client)
      const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
      if (from > latest) {
        throw new ServerError('server.schema_newer', { database: from, code: latest }, `The database schema is version ${from}, newer than this server knows (${latest}). Upgrade the server.`)
      }
      const applied: number[] = []
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (m.version <= from) continue
        await client.query('BEGIN')
        try {
          await client.query(m.sql)
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw new ServerError('server.migration_failed', { version: m.version, name: m.name, reason: (error as Error).message }, `Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`)
        }
        applied.push(m.version)
      }
      return { from, to: Math.max(from, latest), applied }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}
