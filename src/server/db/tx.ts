import type { Pool, PoolClient } from 'pg'

const RETRYABLE = new Set(['40001', '40P01']) // serialization failure, deadlock

/** Runs `work` in one transaction; retries a few times when PostgreSQL aborts it for a deadlock. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      const code = (error as { code?: string }).code
      if (attempt < 5 && code !== undefined && RETRYABLE.has(code)) continue
      throw error
    } finally {
      client.release()
    }
  }
}

/**
 * Appends rows to the changes feed (they become visible to readers once every older transaction ended).
 * `audience`: only these stations (null: all); `site`: only that site's stations (null: every site).
 */
export async function appendChanges(client: PoolClient, rows: { kind: string; key: string; body: unknown; audience: number[] | null; site?: string | null }[]): Promise<void> {
  if (rows.length === 0) return
  await client.query(
    `INSERT INTO changes (kind, key, body, audience, site)
     SELECT k, key, body, CASE WHEN aud = '' THEN NULL ELSE string_to_array(aud, ',')::bigint[] END, site
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::text[]) WITH ORDINALITY AS t(k, key, body, aud, site, n)
      ORDER BY n`,
    [rows.map((r) => r.kind), rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.body)), rows.map((r) => (r.audience ? r.audience.join(',') : '')), rows.map((r) => r.site ?? null)]
  )
}
