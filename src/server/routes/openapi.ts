import type { FastifyInstance } from 'fastify'

const bearer = [{ stationToken: [] }]
const problem = { description: 'RFC 7807 problem with a stable `code` and its `params`', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
const errors = { '400': problem, '401': problem, '403': problem, '413': problem }
const listParam = (name: string, description: string) => ({ name, in: 'query', style: 'pipeDelimited', explode: false, description, schema: { type: 'array', items: { type: 'string' } } })
const timeParam = (name: string) => ({ name, in: 'query', schema: { type: 'string', format: 'date-time' } })

/** The server's own OpenAPI 3.0 description (GET /openapi.json). EPCIS paths follow GS1's REST binding. */
export const openapiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Dockside upstream server',
    version: '1.0.0',
    description: 'Station sync protocol and a subset of the GS1 EPCIS 2.0 REST binding (capture and SimpleEventQuery).'
  },
  components: {
    securitySchemes: { stationToken: { type: 'http', scheme: 'bearer', description: 'A per-station token from `dockside-server token create --station NAME`.' } },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'code'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' }, params: { type: 'object' } }
      },
      CaptureJob: {
        type: 'object',
        properties: {
          captureID: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, finishedAt: { type: 'string', format: 'date-time' },
          running: { type: 'boolean' }, success: { type: 'boolean' }, captureErrorBehaviour: { type: 'string', enum: ['rollback', 'proceed'] },
          errors: { type: 'array', items: { $ref: '#/components/schemas/Problem' } }, eventCount: { type: 'integer' }, storedCount: { type: 'integer' }
        }
      },
      SyncEvent: {
        type: 'object',
        required: ['uuid', 'type', 'occurredAt', 'stationId', 'payload'],
        properties: {
          uuid: { type: 'string', format: 'uuid' }, type: { type: 'string', example: 'unit.received' }, occurredAt: { type: 'string', format: 'date-time' },
          stationId: { type: 'string' }, payload: { type: 'object' },
          unit: { type: 'object', nullable: true, properties: { gtin: { type: 'string' }, serial: { type: 'string' } } },
          plate: { type: 'object', nullable: true, properties: { code: { type: 'string' } } },
          order: { type: 'object', nullable: true, properties: { number: { type: 'string' } } },
          location: { type: 'object', nullable: true, properties: { code: { type: 'string' } } },
          operator: { type: 'string', nullable: true }
        }
      }
    }
  },
  paths: {
    '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.0' } } } },
    '/health': { get: { summary: 'Liveness and database reachability', responses: { '200': { description: '{"ok":true}' } } } },
    '/capture': {
      options: { summary: 'Capture interface settings (GS1-EPCIS-Capture-Limit, …)', responses: { '204': { description: 'Headers only' } } },
      post: {
        summary: 'Capture an EPCISDocument (JSON-LD); all events or none; events whose eventID is stored are skipped',
        security: bearer,
        requestBody: { required: true, content: { 'application/ld+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } },
        responses: { '202': { description: 'Accepted; `Location: /capture/{captureID}`' }, ...errors }
      }
    },
    '/capture/{captureID}': {
      get: { summary: 'A capture job', security: bearer, parameters: [{ name: 'captureID', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Job', content: { 'application/json': { schema: { $ref: '#/components/schemas/CaptureJob' } } } }, '404': problem } }
    },
    '/events': {
      get: {
        summary: 'SimpleEventQuery; answers an EPCISQueryDocument; `Link: <…>; rel="next"` while more pages remain',
        security: bearer,
        parameters: [
          listParam('eventType', 'ObjectEvent, AggregationEvent, …'), listParam('EQ_bizStep', 'bare CBV words or URIs'), listParam('EQ_disposition', ''), listParam('EQ_action', 'ADD, OBSERVE, DELETE'),
          listParam('EQ_bizLocation', ''), listParam('EQ_readPoint', ''), listParam('MATCH_epc', 'EPC URIs or urn:epc:idpat patterns (epcList, childEPCs)'),
          listParam('MATCH_anyEPC', 'also parentID, inputEPCList, outputEPCList'), timeParam('GE_eventTime'), timeParam('LT_eventTime'), timeParam('GE_recordTime'), timeParam('LT_recordTime'),
          { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 30 } }, { name: 'nextPageToken', in: 'query', schema: { type: 'string' } }
        ],
        responses: { '200': { description: 'EPCISQueryDocument', content: { 'application/ld+json': { schema: { type: 'object' } } } }, ...errors }
      }
    },
    '/events/{eventID}': {
      get: { summary: 'One event by its eventID (URL-encoded)', security: bearer, parameters: [{ name: 'eventID', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'EPCISQueryDocument with the event' }, '404': problem } }
    },
    '/v1/sync/events': {
      post: {
        summary: 'Push a batch of station events; idempotent by uuid; a station token only (403 for an admin token); the token’s station must equal each event’s stationId (403)',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { events: { type: 'array', maxItems: 5000, items: { $ref: '#/components/schemas/SyncEvent' } } } } } } },
        responses: { '200': { description: '{"stored","duplicates","conflicts"}' }, ...errors }
      }
    },
    '/v1/sync/changes': {
      get: {
        summary: 'Changes after a cursor: registry changes of the token’s site, master data global or for its site, its own conflicts (an admin token: all)',
        security: bearer,
        parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string', pattern: '^\\d+$' } }, { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 5000 } }],
        responses: { '200': { description: '{"changes":[{"seq","kind","key","body"}],"cursor","more"}' }, ...errors }
      }
    },
    '/v1/units/{gtin}/{serial}': {
      get: { summary: 'A unit in the registry and its history across the stations of the token’s site (an admin token: every site)', security: bearer, responses: { '200': { description: '{"unit","history"}' }, '404': problem } }
    },
    '/v1/admin/master': {
      post: {
        summary: 'Load master data (admin token): items, suppliers, locations, operators, orders, shipments, recalls; all records or none',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: { type: 'object', required: ['kind', 'key', 'body'], properties: { kind: { type: 'string', enum: ['item', 'supplier', 'location', 'operator', 'order', 'shipment', 'recall'] }, key: { type: 'string' }, site: { type: 'string', description: 'absent: global' }, body: { type: 'object' } } } } } } },
        responses: { '200': { description: '{"records","changed"}' }, ...errors }
      }
    }
  }
} as const

export function registerOpenApi(app: FastifyInstance): void {
  app.get('/openapi.json', async () => openapiDocument)
}
