/** The EPC binary schemes this codec reads and writes. */
export type EpcScheme = 'sgtin-96' | 'sgtin-198' | 'sscc-96' | 'sgln-96' | 'grai-96'

export const EPC_SCHEMES: readonly EpcScheme[] = ['sgtin-96', 'sgtin-198', 'sscc-96', 'sgln-96', 'grai-96']

/** Bit length of each scheme (the tag stores it rounded up to 16-bit words). */
export const SCHEME_BITS: Readonly<Record<EpcScheme, number>> = {
  'sgtin-96': 96,
  'sgtin-198': 198,
  'sscc-96': 96,
  'sgln-96': 96,
  'grai-96': 96
}

/** Header byte of each scheme. */
export const SCHEME_HEADER: Readonly<Record<EpcScheme, number>> = {
  'sgtin-96': 0x30,
  'sgtin-198': 0x36,
  'sscc-96': 0x31,
  'sgln-96': 0x32,
  'grai-96': 0x33
}

interface EpcCommon {
  scheme: EpcScheme
  /** Filter value 0..7 (SGTIN: 1 point of sale, 2 full case, 6 unit load, …). */
  filter: number
  /** Partition value 0..6 (derived from the company prefix length). */
  partition: number
  /** GS1 Company Prefix, 6..12 digits, leading zeros kept. */
  companyPrefix: string
  /** GS1 element string in bracketed form, e.g. `(01)80614141123458(21)6789`. */
  elementString: string
  /** EPC tag URI, e.g. `urn:epc:tag:sgtin-96:3.0614141.812345.6789`. */
  tagUri: string
  /** EPC pure identity URI, e.g. `urn:epc:id:sgtin:0614141.812345.6789`. */
  pureIdentityUri: string
  /** Upper-case hex of the EPC as a tag stores it (scheme bits rounded up to 16-bit words). */
  hex: string
}

export interface SgtinEpc extends EpcCommon {
  scheme: 'sgtin-96' | 'sgtin-198'
  /** Indicator digit + item reference (13 − company prefix length digits). */
  itemReference: string
  /** GTIN-14. */
  gtin: string
  /** Serial (AI 21), unescaped. */
  serial: string
}

export interface SsccEpc extends EpcCommon {
  scheme: 'sscc-96'
  /** Extension digit + serial reference (17 − company prefix length digits). */
  serialReference: string
  /** SSCC, 18 digits. */
  sscc: string
}

export interface SglnEpc extends EpcCommon {
  scheme: 'sgln-96'
  /** Location reference (12 − company prefix length digits, may be empty). */
  locationReference: string
  /** GLN, 13 digits. */
  gln: string
  /** GLN extension (AI 254); `0` means none. */
  extension: string
}

export interface GraiEpc extends EpcCommon {
  scheme: 'grai-96'
  /** Asset type (12 − company prefix length digits, may be empty). */
  assetType: string
  /** Serial component of the GRAI, unescaped. */
  serial: string
  /** AI 8003 value: `0` + 13-digit GRAI (with check digit) + serial. */
  grai: string
}

export type Epc = SgtinEpc | SsccEpc | SglnEpc | GraiEpc

/** Components to encode; the partition follows from the company prefix length. */
export type EpcFields =
  | { scheme: 'sgtin-96' | 'sgtin-198'; filter: number; companyPrefix: string; itemReference: string; serial: string }
  | { scheme: 'sscc-96'; filter: number; companyPrefix: string; serialReference: string }
  | { scheme: 'sgln-96'; filter: number; companyPrefix: string; locationReference: string; extension: string }
  | { scheme: 'grai-96'; filter: number; companyPrefix: string; assetType: string; serial: string }
