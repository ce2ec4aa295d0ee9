import Fastify, { type FastifyInstance } from 'fastify'
import type { Pool } from 'pg'
import type { DestinationStream } from 'pino'
import { createTokenStore } from './auth/tokens'
import { createEpcisStore } from './epcis/store'
import { ServerError } from './errors'
import { registerAdminRoutes } from './routes/admin'
import { registerEpcisRoutes } from './routes/epcis'
import { registerOpenApi } from './routes/openapi'
import { sendProblem } from './routes/problem'
import { registerSyncRoutes } from './routes/sync'
import { createSyncStore } from './sync/store'

export interface AppOptions {
  pool: Pool
  /** Where JSON log lines go (default stdout); `false` silences the log. */
  logStream?: DestinationStream | false
  captureLimit?: number
  captureFileSizeLimit?: number
  /** Serve HTTPS directly (PEM key and certificate); the usual set-up terminates TLS at a reverse proxy. */
  https?: { key: Buffer; cert: Buffer }
}

export const DEFAULT_CAPTURE_LIMIT = 10_000
export const DEFAULT_CAPTURE_FILE_SIZE_LIMIT = 16 * 1024 * 1024

/**
 * The upstream HTTP app. Holds no state of its own: everything lives in PostgreSQL, so any number of
 * these processes can serve one database behind a load balancer.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger =
    options.logStream === false
      ? false
      : {
          level: 'info',
          // Tokens never reach the log: headers are not logged, and the redaction is a second fence.
          redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization'], censor: '[redacted]' },
          ...(options.logStream ? { stream: options.logStream } : {})
        }
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, trustProxy: true, ...(options.https ? { https: options.https } : {}) }) as unknown as FastifyInstance
  app.addContentTypeParser(['application/ld+json', 'application/problem+json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch {
      done(new ServerError('server.bad_json', {}, 'The body is not valid JSON.', 400), undefined)
    }
  })
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply))
  app.setNotFoundHandler((request, reply) => sendProblem(new ServerError('server.no_route', { method: request.method, url: request.url.split('?')[0] }, `No route ${request.method} ${request.url.split('?')[0]}.`, 404), request, reply))

  const tokens = createTokenStore(options.pool)
  app.get('/health', async () => {
    await options.pool.query('SELECT 1')
    return { ok: true }
  })
  registerOpenApi(app)
  registerEpcisRoutes(app, {
    tokens,
    epcis: createEpcisStore(options.pool),
    captureLimit: options.captureLimit ?? DEFAULT_CAPTURE_LIMIT,
    captureFileSizeLimit: options.captureFileSizeLimit ?? DEFAULT_CAPTURE_FILE_SIZE_LIMIT
  })
  registerSyncRoutes(app, { tokens, sync: createSyncStore(options.pool) })
  registerAdminRoutes(app, { tokens, pool: options.pool })
  await app.ready()
  return app
}
