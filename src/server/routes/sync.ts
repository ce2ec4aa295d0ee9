import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { SYNC_CHANGES_MAX_LIMIT, SYNC_MAX_BODY_BYTES, syncPushRequestSchema } from '../../shared/sync-protocol'
import { authenticate, stationOf, stationOnly } from '../auth/hook'
import type { TokenStore } from '../auth/tokens'
import { notFound } from '../errors'
import type { SyncStore } from '../sync/store'

const changesQuery = z.object({
  cursor: z.string().regex(/^\d{1,19}$/, 'cursor must be a whole number').default('0'),
  limit: z.coerce.number().int().min(1).max(SYNC_CHANGES_MAX_LIMIT).default(1000)
})
const unitParams = z.object({ gtin: z.string().regex(/^\d{14}$/), serial: z.string().min(1).max(100) })

/** Station sync protocol (src/shared/sync-protocol.ts). */
export function registerSyncRoutes(app: FastifyInstance, options: { tokens: TokenStore; sync: SyncStore }): void {
  const auth = authenticate(options.tokens)

  app.post('/v1/sync/events', { preHandler: auth, bodyLimit: SYNC_MAX_BODY_BYTES }, async (request, reply) => {
    const batch = syncPushRequestSchema.parse(request.body)
    const t0 = performance.now()
    const result = await options.sync.push(stationOnly(request), batch.events)
    // The batch's time in the database transaction, for load balancers and the bench (p99 per batch).
    reply.header('Server-Timing', `db;dur=${(performance.now() - t0).toFixed(1)}`)
    return result
  })

  app.get('/v1/sync/changes', { preHandler: auth }, async (request) => {
    const q = changesQuery.parse(request.query)
    return await options.sync.changes(stationOf(request), BigInt(q.cursor), q.limit)
  })

  app.get('/v1/units/:gtin/:serial', { preHandler: auth }, async (request) => {
    const p = unitParams.parse(request.params)
    const found = await options.sync.unit(stationOf(request), p.gtin, p.serial)
    if (!found.unit && found.history.length === 0) throw notFound('sync.no_such_unit', p, `No unit ${p.gtin} / ${p.serial} upstream.`)
    return found
  })
}
