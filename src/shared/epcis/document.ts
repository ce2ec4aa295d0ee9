import { EPCIS_CONTEXT, type EpcisDocument, type EpcisQueryDocument } from './types'

/** An EPCISDocument (JSON-LD) around a list of events. */
export function epcisDocument(events: readonly object[], creationDate = new Date()): EpcisDocument {
  return {
    '@context': EPCIS_CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { eventList: events as Record<string, unknown>[] }
  }
}

/** An EPCISQueryDocument answering a SimpleEventQuery. */
export function epcisQueryDocument(events: readonly object[], creationDate = new Date()): EpcisQueryDocument {
  return {
    '@context': EPCIS_CONTEXT,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: events as Record<string, unknown>[] } } }
  }
}

/** CBV 2.0 bizStep / disposition as a bare word when given as a full CBV URI (query and storage use bare words). */
export function bareCbvWord(value: string): string {
  const m = /^(?:urn:epcglobal:cbv:(?:bizstep|disp):|https?:\/\/ns\.gs1\.org\/cbv\/(?:BizStep|Disp)-)([a-z_]+)$/.exec(value)
  return m ? m[1]! : value
}
