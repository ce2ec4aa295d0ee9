import type { Pool } from 'pg'
import { z } from 'zod'
import { masterBodyProblem } from '../../shared/sync-master'
import { appendChanges, inTransaction } from '../db/tx'

export const MASTER_KINDS = ['item', 'supplier', 'location', 'operator', 'order', 'shipment', 'recall'] as const

/**
 * Master data kept upstream (items, suppliers, locations, operators' names, inbound orders, outbound
 * shipments, recall notices); stations follow it. `site` absent: global (every site); otherwise only
 * that site's stations pull the record.
 */
export const masterRecordSchema = z
  .object({
    kind: z.enum(MASTER_KINDS),
    key: z.string().min(1).max(200),
    site: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a site is 1–100 letters, digits, ".", "_" or "-"').nullish(),
    body: z.record(z.string(), z.unknown())
  })
  .superRefine((r, ctx) => {
    const problem = masterBodyProblem(r.kind, r.body)
    if (problem) ctx.addIssue({ code: 'custom', path: ['body'], message: `${r.kind} ${r.key}: ${problem}` })
  })
export const masterFileSchema = z.array(masterRecordSchema).max(1_000_000)
export type MasterRecord = z.infer<typeof masterRecordSchema>

/**
 * Upserts master records in one transaction (all or none) and appends a `master` change for each one
 * whose body or site changed, so every station entitled to it pulls it. Returns how many changed.
 */
export async function putMasterData(pool: Pool, records: readonly MasterRecord[]): Promise<number> {
  if (records.length === 0) return 0
  const unique = [...new Map(records.map((r) => [`${r.kind}\u0000${r.key}`, r])).values()]
  return await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ kind: string; key: string; site: string | null; body: Record<string, unknown> }>(
      `INSERT INTO master_data AS m (kind, key, site, body)
       SELECT k, key, site, body FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS x(k, key, site, body) ORDER BY k, key
       ON CONFLICT (kind, key) DO UPDATE SET body = EXCLUDED.body, site = EXCLUDED.site, updated_at = now()
         WHERE m.body IS DISTINCT FROM EXCLUDED.body OR m.site IS DISTINCT FROM EXCLUDED.site
       RETURNING kind, key, site, body`,
      [unique.map((r) => r.kind), unique.map((r) => r.key), unique.map((r) => r.site ?? null), unique.map((r) => JSON.stringify(r.body))]
    )
    await appendChanges(client, rows.map((r) => ({ kind: 'master', key: `${r.kind}/${r.key}`, body: { kind: r.kind, key: r.key, ...r.body }, audience: null, site: r.site })))
    return rows.length
  })
}
