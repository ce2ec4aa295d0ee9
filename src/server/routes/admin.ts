import type { FastifyInstance } from 'fastify'
import type { Pool } from 'pg'
import { SYNC_MAX_BODY_BYTES } from '../../shared/sync-protocol'
import { adminOf, authenticate } from '../auth/hook'
import type { TokenStore } from '../auth/tokens'
import { masterFileSchema, putMasterData } from '../sync/master'

/** Head-office routes (admin tokens only). */
export function registerAdminRoutes(app: FastifyInstance, options: { tokens: TokenStore; pool: Pool }): void {
  const auth = authenticate(options.tokens)

  /** Loads master data exactly as `dockside-server master load FILE.json` does: all records or none. */
  app.post('/v1/admin/master', { preHandler: auth, bodyLimit: SYNC_MAX_BODY_BYTES }, async (request) => {
    adminOf(request)
    const records = masterFileSchema.parse(request.body)
    return { records: records.length, changed: await putMasterData(options.pool, records) }
  })
}
