import type { Pool } from 'pg'
import { z } from 'zod'
import { appendChanges, inTransaction } from '../db/tx'

/** Master data kept upstream (items, suppliers, locations, operators' names); stations follow it. */
export const masterRecordSchema = z.object({
  kind: z.enum(['item', 'supplier', 'location', 'operator']),
  key: z.string().min(1).max(200),
  body: z.record(z.string(), z.unknown())
})
export const masterFileSchema = z.array(masterRecordSchema).max(1_000_000)
export type MasterRecord = z.infer<typeof masterRecordSchema>

/**
 * Upserts master records in one transaction (all or none) and appends a `master` change for each one
 * whose body changed, so every station pulls it. Returns how many changed.
 */
export async function putMasterData(pool: Pool, records: readonly MasterRecord[]): Promise<number> {
  if (records.length === 0) return 0
  const unique = [...new Map(records.map((r) => [`${r.kind}\u0000${r.key}`, r])).values()]
  return await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ kind: string; key: string; body: Record<string, unknown> }>(
      `INSERT INTO master_data AS m (kind, key, body)
       SELECT k, key, body FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS x(k, key, body) ORDER BY k, key
       ON CONFLICT (kind, key) DO UPDATE SET body = EXCLUDED.body, updated_at = now() WHERE m.body IS DISTINCT FROM EXCLUDED.body
       RETURNING kind, key, body`,
      [unique.map((r) => r.kind), unique.map((r) => r.key), unique.map((r) => JSON.stringify(r.body))]
    )
    await appendChanges(client, rows.map((r) => ({ kind: 'master', key: `${r.kind}/${r.key}`, body: { kind: r.kind, key: r.key, ...r.body }, audience: null })))
    return rows.length
  })
}
