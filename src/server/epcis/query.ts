import { bareCbvWord } from '../../shared/epcis'
import { badRequest } from '../errors'

/** The SimpleEventQuery parameters of `GET /events` that this server answers (REST binding names). */
export interface EventQuery {
  eventTypes: string[]
  bizSteps: string[]
  dispositions: string[]
  actions: string[]
  bizLocations: string[]
  readPoints: string[]
  geEventTime: string | null
  ltEventTime: string | null
  geRecordTime: string | null
  ltRecordTime: string | null
  matchEpc: { exact: string[]; patterns: string[] }
  matchAnyEpc: { exact: string[]; patterns: string[] }
  perPage: number
  /** Record sequence to continue after (from nextPageToken). */
  after: string | null
}

export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 1000

const SUPPORTED = new Set([
  'eventType', 'EQ_bizStep', 'EQ_disposition', 'EQ_action', 'EQ_bizLocation', 'EQ_readPoint', 'GE_eventTime', 'LT_eventTime',
  'GE_recordTime', 'LT_recordTime', 'MATCH_epc', 'MATCH_anyEPC', 'perPage', 'nextPageToken'
])

/** Values of a pipe-delimited (or repeated) query parameter. */
function list(query: Record<string, unknown>, name: string): string[] {
  const raw = query[name]
  if (raw === undefined) return []
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split('|')).map((v) => v.trim()).filter(Boolean)
  if (values.length === 0) throw badRequest('epcis.bad_query', { parameter: name }, `${name} needs at least one value.`)
  if (values.some((v) => v.length > 2000)) throw badRequest('epcis.bad_query', { parameter: name }, `${name}: a value is too long.`)
  return values
}

function time(query: Record<string, unknown>, name: string): string | null {
  const [value, extra] = list(query, name)
  if (value === undefined) return null
  if (extra !== undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest('epcis.bad_query', { parameter: name, value }, `${name} must be one ISO-8601 date-time with a zone, e.g. 2026-05-01T00:00:00Z.`)
  }
  return new Date(value).toISOString()
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** EPC matching (EPCIS §8.2.7.1.1): exact URIs, or `urn:epc:idpat:…` patterns whose `*` fields match anything. */
export function epcMatch(values: string[]): { exact: string[]; patterns: string[] } {
  const exact: string[] = []
  const patterns: string[] = []
  for (const v of values) {
    const m = /^urn:epc:idpat:([a-z0-9-]+):(.+)$/i.exec(v)
    if (!m) {
      exact.push(v)
      continue
    }
    const fields = m[2]!.split('.')
    patterns.push(`urn:epc:id:${likeEscape(m[1]!)}:` + fields.map((f) => (f === '*' ? '%' : likeEscape(f))).join('.'))
  }
  return { exact, patterns }
}

export const encodePageToken = (seq: string) => Buffer.from(`seq:${seq}`, 'utf8').toString('base64url')

function decodePageToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  const m = /^seq:(\d{1,19})$/.exec(text)
  if (!m) throw badRequest('epcis.bad_page_token', {}, 'nextPageToken is not one this server issued.')
  return m[1]!
}

export function parseEventQuery(query: Record<string, unknown>): EventQuery {
  const unknown = Object.keys(query).filter((k) => !SUPPORTED.has(k))
  if (unknown.length > 0) {
    throw badRequest('epcis.unsupported_query', { parameters: unknown }, `Unsupported query parameter(s): ${unknown.join(', ')}. Supported: ${[...SUPPORTED].join(', ')}.`)
  }
  const [perPageText] = list(query, 'perPage')
  const perPage = perPageText === undefined ? DEFAULT_PER_PAGE : Number(perPageText)
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badRequest('epcis.bad_query', { parameter: 'perPage', value: perPageText }, `perPage must be a whole number 1..${MAX_PER_PAGE}.`)
  }
  const [token] = list(query, 'nextPageToken')
  const actions = list(query, 'EQ_action')
  if (actions.some((a) => !['ADD', 'OBSERVE', 'DELETE'].includes(a))) throw badRequest('epcis.bad_query', { parameter: 'EQ_action' }, 'EQ_action values are ADD, OBSERVE or DELETE.')
  return {
    eventTypes: list(query, 'eventType'),
    bizSteps: list(query, 'EQ_bizStep').map(bareCbvWord),
    dispositions: list(query, 'EQ_disposition').map(bareCbvWord),
    actions,
    bizLocations: list(query, 'EQ_bizLocation'),
    readPoints: list(query, 'EQ_readPoint'),
    geEventTime: time(query, 'GE_eventTime'),
    ltEventTime: time(query, 'LT_eventTime'),
    geRecordTime: time(query, 'GE_recordTime'),
    ltRecordTime: time(query, 'LT_recordTime'),
    matchEpc: epcMatch(list(query, 'MATCH_epc')),
    matchAnyEpc: epcMatch(list(query, 'MATCH_anyEPC')),
    perPage,
    after: token === undefined ? null : decodePageToken(token)
  }
}
