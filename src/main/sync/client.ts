import http from 'node:http'
import { z } from 'zod'
import https from 'node:https'
import { AppFailure } from '../errors'
import {
  syncChangesResponseSchema,
  syncPushResponseSchema,
  type SyncChangesResponse,
  type SyncEvent,
  type SyncPushResponse
} from '../../shared/sync-protocol'

const when = z.union([z.string(), z.null()])
const registryUnitSchema = z.object({
  unit: z.object({ status: z.string(), station: z.string(), location_code: z.string().nullable(), plate_code: z.string().nullable(), last_event_at: z.string() }).nullable(),
  history: z.array(z.object({ type: z.string(), occurred_at: z.string(), station: z.string(), location_code: when, plate_code: when, order_number: when })).max(100_000)
})
export type RegistryUnit = z.infer<typeof registryUnitSchema>

export interface SyncClientOptions {
  baseUrl: string
  token: string
  /** The station id the token must belong to (named in the unauthorized error). */
  stationId: string
  /** Per request, from connect to the last byte of the answer. */
  timeoutMs?: number
}

interface Answer {
  status: number
  body: string
}

/**
 * The station's HTTP client for the sync protocol. One TCP connection per request (no keep-alive): a
 * late, duplicated or stray answer on a connection can never be taken as the answer to a later request.
 * Every answer is validated; a short or malformed body is an error (the caller retries), never a success.
 */
export function createSyncClient(options: SyncClientOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000
  let base: URL
  try {
    base = new URL(options.baseUrl)
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('protocol')
  } catch {
    throw new AppFailure('sync.bad_url', { url: options.baseUrl })
  }
  const url = base.toString().replace(/\/$/, '')

  const request = (method: 'GET' | 'POST', path: string, what: string, body?: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const target = new URL(url + path)
      const lib = target.protocol === 'https:' ? https : http
      const headers: Record<string, string | number> = { authorization: `Bearer ${options.token}`, accept: 'application/json', connection: 'close' }
      if (body !== undefined) {
        headers['content-type'] = 'application/json'
        headers['content-length'] = Buffer.byteLength(body)
      }
      const fail = (detail: string) => reject(new AppFailure('sync.unreachable', { url, detail }, { what }))
      const req = lib.request(target, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('aborted', () => fail('the answer was cut off'))
        res.on('error', (e) => fail(e.message))
        res.on('end', () => {
          if (!res.complete) return fail('the answer was cut off')
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
        })
      })
      const timer = setTimeout(() => req.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs)
      req.on('close', () => clearTimeout(timer))
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
      req.on('error', (e) => fail(e.message))
      req.end(body)
    })

  const parse = <T>(answer: Answer, what: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }): T => {
    if (answer.status === 401) throw new AppFailure('sync.unauthorized', { station: options.stationId })
    if (answer.status !== 200) throw new AppFailure('sync.http_status', { status: answer.status, what, detail: answer.body.slice(0, 300) || 'no body' })
    let json: unknown
    try {
      json = JSON.parse(answer.body)
    } catch {
      throw new AppFailure('sync.bad_response', { what, detail: 'not JSON' })
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw new AppFailure('sync.bad_response', { what, detail: parsed.error.message.slice(0, 300) })
    return parsed.data
  }

  return {
    url,
    async push(events: readonly SyncEvent[]): Promise<SyncPushResponse> {
      const answer = await request('POST', '/v1/sync/events', 'push', JSON.stringify({ events }))
      const result = parse(answer, 'push', syncPushResponseSchema)
      // An acknowledgement must account for every event sent, or it is not this batch's.
      if (result.stored + result.duplicates !== events.length) {
        throw new AppFailure('sync.bad_response', { what: 'push', detail: `acknowledged ${result.stored + result.duplicates} of ${events.length} events` })
      }
      return result
    },
    /** A unit in the upstream registry with its history (what the token's site may see); null when unknown there. */
    async unit(gtin: string, serial: string): Promise<RegistryUnit | null> {
      const answer = await request('GET', `/v1/units/${encodeURIComponent(gtin)}/${encodeURIComponent(serial)}`, 'lookup')
      if (answer.status === 404) return null
      return parse(answer, 'lookup', registryUnitSchema)
    },
    async changes(cursor: string, limit: number): Promise<SyncChangesResponse> {
      const answer = await request('GET', `/v1/sync/changes?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, 'pull')
      return parse(answer, 'pull', syncChangesResponseSchema)
    }
  }
}

export type SyncClient = ReturnType<typeof createSyncClient>
