import type { FastifyInstance } from 'fastify'
import { epcisQueryDocument } from '../../shared/epcis'
import { authenticate, stationOf } from '../auth/hook'
import type { StationIdentity } from '../auth/tokens'
import type { TokenStore } from '../auth/tokens'
import type { EpcisStore } from '../epcis/store'
import { encodePageToken, parseEventQuery } from '../epcis/query'
import { eventsOfDocument } from '../epcis/validate'
import { notFound } from '../errors'

export interface EpcisRouteOptions {
  tokens: TokenStore
  epcis: EpcisStore
  captureLimit: number
  captureFileSizeLimit: number
}

/** What a token may read: its site's events, or all for an admin. */
const siteScope = (identity: StationIdentity): string | null => (identity.role === 'admin' ? null : identity.site)

const VERSION_HEADERS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' }

/** The GS1 EPCIS 2.0 REST binding subset: capture (+ jobs) and the events query. */
export function registerEpcisRoutes(app: FastifyInstance, options: EpcisRouteOptions): void {
  const { epcis } = options
  const auth = authenticate(options.tokens)

  app.options('/capture', async (_request, reply) => {
    return reply
      .status(204)
      .headers({
        Allow: 'OPTIONS, POST, GET',
        ...VERSION_HEADERS,
        'GS1-EPCIS-Min': '2.0.0',
        'GS1-EPCIS-Max': '2.0.0',
        'GS1-CBV-Min': '2.0.0',
        'GS1-CBV-Max': '2.0.0',
        'GS1-EPC-Format': 'Always_EPC_URN',
        'GS1-EPCIS-Capture-Limit': String(options.captureLimit),
        'GS1-EPCIS-Capture-File-Size-Limit': String(options.captureFileSizeLimit),
        'GS1-Capture-Error-Behaviour': 'rollback'
      })
      .send()
  })

  app.post('/capture', { preHandler: auth, bodyLimit: options.captureFileSizeLimit }, async (request, reply) => {
    const events = eventsOfDocument(request.body, options.captureLimit)
    const job = await epcis.capture(stationOf(request), events)
    return reply.status(202).headers({ ...VERSION_HEADERS, Location: `/capture/${job.captureID}` }).send()
  })

  app.get<{ Params: { captureID: string } }>('/capture/:captureID', { preHandler: auth }, async (request, reply) => {
    const job = await epcis.job(request.params.captureID, siteScope(stationOf(request)))
    if (!job) throw notFound('epcis.no_such_capture', { captureID: request.params.captureID }, `No capture job ${request.params.captureID}.`)
    return reply.headers(VERSION_HEADERS).send(job)
  })

  app.get('/events', { preHandler: auth }, async (request, reply) => {
    const query = parseEventQuery(request.query as Record<string, unknown>)
    const page = await epcis.query(query, siteScope(stationOf(request)))
    if (page.next !== null) {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(request.query as Record<string, unknown>)) {
        if (k === 'nextPageToken') continue
        for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one))
      }
      params.set('nextPageToken', encodePageToken(page.next))
      reply.header('Link', `</events?${params.toString()}>; rel="next"`)
    }
    return reply.headers(VERSION_HEADERS).type('application/ld+json').send(epcisQueryDocument(page.events))
  })

  app.get<{ Params: { eventID: string } }>('/events/:eventID', { preHandler: auth }, async (request, reply) => {
    const event = await epcis.byEventId(request.params.eventID, siteScope(stationOf(request)))
    if (!event) throw notFound('epcis.no_such_event', { eventID: request.params.eventID }, `No event ${request.params.eventID}.`)
    return reply.headers(VERSION_HEADERS).type('application/ld+json').send(epcisQueryDocument([event]))
  })
}
