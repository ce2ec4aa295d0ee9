/** Source row of the AI table (see ai-rows.ts for the notation). */
export interface AiRow {
  ai: string
  title: string
  fnc1: boolean
  dlAttr?: boolean
  format: string
  req?: readonly string[]
  ex?: string
  dlKey?: readonly string[]
}

/** N digits, X = CSET 82, Y = CSET 39, Z = base64url (CSET 64). */
export type ComponentType = 'N' | 'X' | 'Y' | 'Z'

export type LinterName =
  | 'csum' | 'csumalpha' | 'gcppos1' | 'gcppos2' | 'yymmd0' | 'yymmdd' | 'yyyymmdd' | 'yymmddhh'
  | 'hh' | 'mi' | 'ss' | 'hhmi' | 'iso3166' | 'iso3166999' | 'iso3166alpha2' | 'iso4217' | 'iso5218'
  | 'pcenc' | 'yesno' | 'hyphen' | 'latitude' | 'longitude' | 'importeridx' | 'packagetype'
  | 'mediatype' | 'posinseqslash' | 'nonzero' | 'zero' | 'winding' | 'pieceoftotal' | 'iban'
  | 'nozeroprefix' | 'hasnondigit' | 'couponcode' | 'couponposoffer'

export interface AiComponent {
  type: ComponentType
  min: number
  max: number
  optional: boolean
  linters: readonly LinterName[]
}

/** `31nn`, `310n`, `8006`: an AI or a family of AIs (`n` = any digit). */
export interface AiPattern {
  text: string
  prefix: string
  length: number
}

export interface AiEntry {
  ai: string
  title: string
  /** A GS (FNC1) must follow the value unless it is the last element. */
  fnc1Required: boolean
  components: readonly AiComponent[]
  minLength: number
  maxLength: number
  /** Implied decimal places of 310n–369n and 390n–395n. */
  decimals?: number
  dlDataAttribute: boolean
  dlPrimaryKey: boolean
  /** Alternative ordered qualifier sequences after this primary key (empty list: none allowed). */
  dlQualifiers: readonly (readonly string[])[]
  /** Every rule must hold; a rule holds when all AIs of one of its groups are present. */
  requires: readonly (readonly (readonly AiPattern[])[])[]
  excludes: readonly AiPattern[]
  /** The rules as written in the dictionary, for messages. */
  requiresText: readonly string[]
  excludesText?: string
}

export interface Gs1Element {
  ai: string
  value: string
}

export type Gs1Form = 'scan' | 'hri' | 'dl' | 'plain-ean'

export interface Measure {
  ai: string
  value: number
  unit: string
  decimals: number
}

export interface Money {
  ai: string
  value: number
  decimals: number
  /** ISO 4217 numeric currency code, when the AI carries one (391n, 393n). */
  currency?: string
}

/** Typed view of the well-known AIs; everything stays available in `elements`. */
export interface Gs1Fields {
  sscc?: string
  gtin?: string
  contentGtin?: string
  mtoGtin?: string
  lot?: string
  serial?: string
  cpv?: string
  tpx?: string
  variant?: string
  productionDate?: string
  dueDate?: string
  packDate?: string
  bestBefore?: string
  sellBy?: string
  expiry?: string
  expiryDateTime?: string
  productionDateTime?: string
  firstFreezeDate?: string
  harvestDate?: string
  testByDate?: string
  quantity?: number
  count?: number
  additionalId?: string
  customerPartNumber?: string
  secondarySerial?: string
  sourceReference?: string
  gdti?: string
  gcn?: string
  glnExtension?: string
  orderNumber?: string
  ginc?: string
  gsin?: string
  route?: string
  shipToGln?: string
  billToGln?: string
  purchasedFromGln?: string
  shipForGln?: string
  gln?: string
  payToGln?: string
  productionGln?: string
  partyGln?: string
  shipToPostalCode?: string
  originCountry?: string
  nsn?: string
  grai?: string
  giai?: string
  itip?: string
  iban?: string
  cpid?: string
  cpidSerial?: string
  softwareVersion?: string
  gmn?: string
  gsrn?: string
  gsrnProvider?: string
  srin?: string
  paymentReference?: string
  productUrl?: string
  imei?: string
  netWeight?: Measure
  grossWeight?: Measure
  length?: Measure
  width?: Measure
  height?: Measure
  area?: Measure
  netVolume?: Measure
  grossVolume?: Measure
  /** Every measure (31nn–36nn) in input order, including the ones above. */
  measures?: Measure[]
  amount?: Money
  price?: Money
  percentOff?: Money
  pricePerUnitOfMeasure?: Money
  /** Company-internal AIs 90–99 by AI. */
  internal?: Record<string, string>
}

export interface Gs1Parsed {
  form: Gs1Form
  /** AIM symbology identifier when the input carried one, e.g. `]d2`. */
  symbology?: string
  elements: Gs1Element[]
  fields: Gs1Fields
  /** Digital Link only: everything before the primary key, e.g. `https://id.gs1.org`. */
  dlStem?: string
}

export interface ParseOptions {
  /** Keyboard-wedge stand-ins for GS (0x1D), e.g. `<GS>`, `{GS}`; replaced before parsing. */
  gsSubstitutes?: readonly string[]
  /** Reference time for the two-digit-year window (GenSpecs §7.12). */
  now?: Date
}
