/** EPCIS 2.0 JSON-LD shapes (the subset Dockside writes and reads) and the station event it maps from. */

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'
/** JSON-LD prefix of Dockside's extension fields (`dockside:stationEventType`, …). */
export const DOCKSIDE_NS = 'urn:dockside:epcis:'
export const EPCIS_CONTEXT: [string, Record<string, string>] = [EPCIS_CONTEXT_URL, { dockside: DOCKSIDE_NS }]

export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE'

export interface BizTransaction {
  type?: string
  bizTransaction: string
}

export interface QuantityElement {
  epcClass: string
  quantity: number
  uom?: string
}

export interface EpcisEventBase {
  type: 'ObjectEvent' | 'AggregationEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AssociationEvent'
  eventID: string
  eventTime: string
  eventTimeZoneOffset: string
  action?: EpcisAction
  bizStep?: string
  disposition?: string
  readPoint?: { id: string }
  bizLocation?: { id: string }
  bizTransactionList?: BizTransaction[]
  [extension: `${string}:${string}`]: unknown
}

export interface ObjectEvent extends EpcisEventBase {
  type: 'ObjectEvent'
  action: EpcisAction
  epcList: string[]
  quantityList?: QuantityElement[]
}

export interface AggregationEvent extends EpcisEventBase {
  type: 'AggregationEvent'
  action: EpcisAction
  parentID?: string
  childEPCs: string[]
  childQuantityList?: QuantityElement[]
}

export type EpcisEvent = ObjectEvent | AggregationEvent

export interface EpcisDocument {
  '@context': unknown
  type: 'EPCISDocument'
  schemaVersion: '2.0'
  creationDate: string
  epcisBody: { eventList: Record<string, unknown>[] }
  [key: string]: unknown
}

export interface EpcisQueryDocument {
  '@context': unknown
  type: 'EPCISQueryDocument'
  schemaVersion: '2.0'
  creationDate: string
  epcisBody: { queryResults: { queryName: string; resultsBody: { eventList: Record<string, unknown>[] } } }
}

/** A unit by its natural key. */
export interface UnitRef {
  gtin: string
  serial: string
}

/** A location by its code, with the GLN of the location itself or of its nearest ancestor that has one. */
export interface LocationRef {
  code: string
  gln: string | null
  /** True when `gln` belongs to an ancestor (the location becomes the SGLN extension). */
  inherited?: boolean
}

/**
 * What the mapping needs of one station event: the row of the station's `events` table with its
 * foreign keys resolved to natural keys (the export repository and the sync engine fill it in).
 */
export interface StationEventForEpcis {
  uuid: string
  type: string
  occurredAt: string
  stationId: string
  reason?: string | null
  payload: Record<string, unknown>
  unit?: UnitRef | null
  plate?: { code: string; kind: 'sscc' | 'lpn' } | null
  /** Units on the plate (plate.received, packing). */
  children?: UnitRef[]
  /** Plate the unit was put on or packed into (unit.moved_to_plate). */
  location?: LocationRef | null
  order?: { number: string; kind: 'po' | 'asn'; poNumber?: string | null; supplierGln?: string | null } | null
  shipment?: { number: string } | null
  /** A counted, non-serialised quantity (order.quantity_received, order.exception). */
  quantity?: { gtin: string; lot?: string | null; qty: number } | null
}

export interface EpcisMapOptions {
  /** Digits of the GS1 Company Prefix of GTINs, SSCCs and GLNs (6..12); the codes alone do not carry it. */
  companyPrefixLength: number
}
