/** EPCIS 2.0 mapping of station events (pure TS: used by the station export and by the upstream server). */
export * from './types'
export * from './uris'
export * from './map'
export * from './document'
