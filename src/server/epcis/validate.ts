import { randomUUID } from 'node:crypto'
import { bareCbvWord } from '../../shared/epcis'
import { badRequest, ServerError } from '../errors'

/**
 * Structural check of a captured EPCISDocument / EPCISQueryDocument (what the server relies on to store
 * and index events) and extraction of the indexed fields. Unknown and extension fields pass through.
 */

export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const
const NEEDS_ACTION = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'AssociationEvent'])
const OFFSET = /^[+-]((0\d|1[0-3]):[0-5]\d|14:00)$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/

export interface CapturedEvent {
  eventId: string
  eventType: string
  eventTime: string
  action: string | null
  bizStep: string | null
  disposition: string | null
  readPoint: string | null
  bizLocation: string | null
  epcs: string[]
  anyEpcs: string[]
  document: Record<string, unknown>
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function strings(event: Record<string, unknown>, field: string, where: string): string[] {
  const v = event[field]
  if (v === undefined) return []
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !URI.test(x))) {
    throw badRequest('epcis.bad_field', { field, where }, `${where}: "${field}" must be a list of URIs.`)
  }
  return v as string[]
}

function idOf(event: Record<string, unknown>, field: string, where: string): string | null {
  const v = event[field]
  if (v === undefined) return null
  if (!isObject(v) || typeof v.id !== 'string' || !URI.test(v.id)) throw badRequest('epcis.bad_field', { field, where }, `${where}: "${field}" must be {"id": "<URI>"}.`)
  return v.id
}

function optionalWord(event: Record<string, unknown>, field: string, where: string): string | null {
  const v = event[field]
  if (v === undefined) return null
  if (typeof v !== 'string' || v.length === 0 || v.length > 500) throw badRequest('epcis.bad_field', { field, where }, `${where}: "${field}" must be a non-empty string.`)
  return bareCbvWord(v)
}

export function checkEvent(raw: unknown, index: number): CapturedEvent {
  const where = `eventList[${index}]`
  if (!isObject(raw)) throw badRequest('epcis.bad_event', { where }, `${where} must be an object.`)
  const type = raw.type
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    throw badRequest('epcis.bad_event_type', { where, type: String(type) }, `${where}: "type" must be one of ${EVENT_TYPES.join(', ')}.`)
  }
  const eventTime = raw.eventTime
  if (typeof eventTime !== 'string' || !DATE_TIME.test(eventTime) || Number.isNaN(Date.parse(eventTime))) {
    throw badRequest('epcis.bad_field', { field: 'eventTime', where }, `${where}: "eventTime" must be an ISO-8601 date-time with a zone.`)
  }
  if (typeof raw.eventTimeZoneOffset !== 'string' || !OFFSET.test(raw.eventTimeZoneOffset)) {
    throw badRequest('epcis.bad_field', { field: 'eventTimeZoneOffset', where }, `${where}: "eventTimeZoneOffset" must look like +02:00.`)
  }
  const action = raw.action
  if (NEEDS_ACTION.has(type) && action !== 'ADD' && action !== 'OBSERVE' && action !== 'DELETE') {
    throw badRequest('epcis.bad_field', { field: 'action', where }, `${where}: "action" must be ADD, OBSERVE or DELETE.`)
  }
  const given = raw.eventID
  if (given !== undefined && (typeof given !== 'string' || !URI.test(given) || given.length > 2000)) {
    throw badRequest('epcis.bad_field', { field: 'eventID', where }, `${where}: "eventID" must be a URI.`)
  }
  // EPCIS 2.0 keeps eventID optional; the server gives such an event one so it can be fetched by id.
  const eventId = typeof given === 'string' ? given : `urn:uuid:${randomUUID()}`
  const document = typeof given === 'string' ? raw : { ...raw, eventID: eventId }
  const epcList = strings(raw, 'epcList', where)
  const childEPCs = strings(raw, 'childEPCs', where)
  const inputs = strings(raw, 'inputEPCList', where)
  const outputs = strings(raw, 'outputEPCList', where)
  const parent = raw.parentID
  if (parent !== undefined && (typeof parent !== 'string' || !URI.test(parent))) throw badRequest('epcis.bad_field', { field: 'parentID', where }, `${where}: "parentID" must be a URI.`)
  const epcs = [...new Set([...epcList, ...childEPCs])]
  return {
    eventId,
    eventType: type,
    eventTime,
    action: typeof action === 'string' ? action : null,
    bizStep: optionalWord(raw, 'bizStep', where),
    disposition: optionalWord(raw, 'disposition', where),
    readPoint: idOf(raw, 'readPoint', where),
    bizLocation: idOf(raw, 'bizLocation', where),
    epcs,
    anyEpcs: [...new Set([...epcs, ...inputs, ...outputs, ...(typeof parent === 'string' ? [parent] : [])])],
    document
  }
}

/** The events of an EPCISDocument or EPCISQueryDocument, each checked; throws 400 with where and why. */
export function eventsOfDocument(body: unknown, maxEvents: number): CapturedEvent[] {
  if (!isObject(body)) throw badRequest('epcis.not_a_document', {}, 'The body must be a JSON object (an EPCISDocument).')
  let list: unknown
  if (body.type === 'EPCISDocument') {
    list = isObject(body.epcisBody) ? body.epcisBody.eventList : undefined
  } else if (body.type === 'EPCISQueryDocument') {
    const results = isObject(body.epcisBody) && isObject(body.epcisBody.queryResults) ? body.epcisBody.queryResults.resultsBody : undefined
    list = isObject(results) ? results.eventList : undefined
  } else {
    throw badRequest('epcis.not_a_document', { type: String(body.type) }, '"type" must be EPCISDocument or EPCISQueryDocument.')
  }
  if (!Array.isArray(list)) throw badRequest('epcis.no_event_list', {}, 'The document has no epcisBody.eventList array.')
  if (list.length > maxEvents) {
    throw new ServerError('epcis.too_many_events', { count: list.length, max: maxEvents }, `The document holds ${list.length} events; at most ${maxEvents} per capture (GS1-EPCIS-Capture-Limit).`, 413)
  }
  return list.map((e, i) => checkEvent(e, i))
}
