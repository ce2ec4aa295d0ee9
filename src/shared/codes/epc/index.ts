/** EPC Tag Data Standard codec: SGTIN-96, SGTIN-198, SSCC-96, SGLN-96, GRAI-96. Pure TS, never throws. */
export { decodeEpc } from './decode'
export {
  encodeEpc,
  encodeElementString,
  encodeTagUri,
  encodePureIdentityUri,
  elementStringToFields,
  tagUriToFields,
  pureIdentityUriToFields,
  isEpcScheme,
  type ElementStringEncodeOptions
} from './encode'
export { parseEpcElementString, type EpcAi } from './element-string'
export { escapeEpcUriComponent, unescapeEpcUriComponent, isCset82, CSET82 } from './uri'
export { SGTIN_PARTITIONS, SSCC_PARTITIONS, SGLN_PARTITIONS, GRAI_PARTITIONS, type PartitionRow } from './partition'
export { SGTIN96_MAX_SERIAL } from './sgtin'
export { SGLN96_MAX_EXTENSION } from './sgln'
export { GRAI96_MAX_SERIAL } from './grai'
export {
  EPC_SCHEMES,
  SCHEME_BITS,
  SCHEME_HEADER,
  type Epc,
  type EpcFields,
  type EpcScheme,
  type SgtinEpc,
  type SsccEpc,
  type SglnEpc,
  type GraiEpc
} from './types'
