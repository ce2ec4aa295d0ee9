/** Typed fields from validated elements: ISO dates, numbers, measures and money. */
import { yymmddToIso } from './dates'
import type { Gs1Element, Gs1Fields, Measure, Money } from './types'

type StringField = { [K in keyof Gs1Fields]-?: Gs1Fields[K] extends string | undefined ? K : never }[keyof Gs1Fields]
type MeasureField = 'netWeight' | 'grossWeight' | 'length' | 'width' | 'height' | 'area' | 'netVolume' | 'grossVolume'

const STRINGS: Record<string, StringField> = {
  '00': 'sscc', '01': 'gtin', '02': 'contentGtin', '03': 'mtoGtin', '10': 'lot', '20': 'variant', '21': 'serial',
  '22': 'cpv', '235': 'tpx', '240': 'additionalId', '241': 'customerPartNumber', '250': 'secondarySerial',
  '251': 'sourceReference', '253': 'gdti', '254': 'glnExtension', '255': 'gcn', '400': 'orderNumber', '401': 'ginc',
  '402': 'gsin', '403': 'route', '410': 'shipToGln', '411': 'billToGln', '412': 'purchasedFromGln', '413': 'shipForGln',
  '414': 'gln', '415': 'payToGln', '416': 'productionGln', '417': 'partyGln', '420': 'shipToPostalCode',
  '422': 'originCountry', '7001': 'nsn', '8003': 'grai', '8004': 'giai', '8006': 'itip', '8007': 'iban', '8010': 'cpid',
  '8011': 'cpidSerial', '8012': 'softwareVersion', '8013': 'gmn', '8017': 'gsrnProvider', '8018': 'gsrn',
  '8019': 'srin', '8020': 'paymentReference', '8200': 'productUrl', '8040': 'imei'
}

const DATES: Record<string, StringField> = {
  '11': 'productionDate', '12': 'dueDate', '13': 'packDate', '15': 'bestBefore', '16': 'sellBy', '17': 'expiry',
  '7006': 'firstFreezeDate', '7007': 'harvestDate', '7011': 'testByDate'
}

/** 31nn–36nn by their first three digits: which measure and unit. */
const MEASURES: Record<string, [MeasureField | undefined, string]> = {
  '310': ['netWeight', 'kg'], '311': ['length', 'm'], '312': ['width', 'm'], '313': ['height', 'm'],
  '314': ['area', 'm2'], '315': ['netVolume', 'l'], '316': ['netVolume', 'm3'], '320': ['netWeight', 'lb'],
  '321': ['length', 'in'], '322': ['length', 'ft'], '323': ['length', 'yd'], '324': ['width', 'in'],
  '325': ['width', 'ft'], '326': ['width', 'yd'], '327': ['height', 'in'], '328': ['height', 'ft'],
  '329': ['height', 'yd'], '330': ['grossWeight', 'kg'], '331': ['length', 'm'], '332': ['width', 'm'],
  '333': ['height', 'm'], '334': ['area', 'm2'], '335': ['grossVolume', 'l'], '336': ['grossVolume', 'm3'],
  '337': [undefined, 'kg/m2'], '340': ['grossWeight', 'lb'], '341': ['length', 'in'], '342': ['length', 'ft'],
  '343': ['length', 'yd'], '344': ['width', 'in'], '345': ['width', 'ft'], '346': ['width', 'yd'],
  '347': ['height', 'in'], '348': ['height', 'ft'], '349': ['height', 'yd'], '350': ['area', 'in2'],
  '351': ['area', 'ft2'], '352': ['area', 'yd2'], '353': ['area', 'in2'], '354': ['area', 'ft2'],
  '355': ['area', 'yd2'], '356': ['netWeight', 'ozt'], '357': ['netVolume', 'oz'], '360': ['netVolume', 'qt'],
  '361': ['netVolume', 'gal'], '362': ['grossVolume', 'qt'], '363': ['grossVolume', 'gal'], '364': ['netVolume', 'in3'],
  '365': ['netVolume', 'ft3'], '366': ['netVolume', 'yd3'], '367': ['grossVolume', 'in3'], '368': ['grossVolume', 'ft3'],
  '369': ['grossVolume', 'yd3']
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000]
const scaled = (digits: string, decimals: number): number => Number(digits) / POW10[decimals]!

function dateTime(v: string, currentYear: number): string {
  let out = `${yymmddToIso(v, 0, currentYear)}T${v.slice(6, 8)}:${v.length >= 10 ? v.slice(8, 10) : '00'}`
  if (v.length >= 12) out += `:${v.slice(10, 12)}`
  return out
}

export function buildFields(elements: readonly Gs1Element[], currentYear: number): Gs1Fields {
  const f: Gs1Fields = {}
  for (const { ai, value } of elements) {
    const str = STRINGS[ai]
    if (str) {
      f[str] ??= value
      continue
    }
    const dateField = DATES[ai]
    if (dateField) {
      f[dateField] ??= yymmddToIso(value, 0, currentYear)
      continue
    }
    const family = ai.slice(0, 3)
    const decimals = ai.length === 4 ? Number(ai[3]) : 0
    const first = ai[0]
    if (ai.length === 4 && first === '3' && MEASURES[family]) {
      const [field, unit] = MEASURES[family]!
      const m: Measure = { ai, value: scaled(value, decimals), unit, decimals }
      ;(f.measures ??= []).push(m)
      if (field) f[field] ??= m
      continue
    }
    if (ai.length === 4 && family >= '390' && family <= '395') {
      const withCurrency = family === '391' || family === '393'
      const money: Money = { ai, value: scaled(withCurrency ? value.slice(3) : value, decimals), decimals }
      if (withCurrency) money.currency = value.slice(0, 3)
      if (family === '390' || family === '391') f.amount ??= money
      else if (family === '392' || family === '393') f.price ??= money
      else if (family === '394') f.percentOff ??= money
      else f.pricePerUnitOfMeasure ??= money
      continue
    }
    switch (ai) {
      case '30': f.quantity ??= Number(value); break
      case '37': f.count ??= Number(value); break
      case '421': f.shipToPostalCode ??= value.slice(3); break
      case '7003': f.expiryDateTime ??= dateTime(value, currentYear); break
      case '8008': f.productionDateTime ??= dateTime(value, currentYear); break
      default:
        if (ai.length === 2 && first === '9') (f.internal ??= {})[ai] = value
    }
  }
  return f
}
