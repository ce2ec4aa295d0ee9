import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { checkFilter, numericSerialRule } from './common'
import { notIdentity, parseEpcElementString } from './element-string'
import { GRAI96_MAX_SERIAL } from './grai'
import { encodeGrai96 } from './grai'
import { encodeSgln96 } from './sgln'
import { SGTIN96_MAX_SERIAL, encodeSgtin } from './sgtin'
import { encodeSscc96 } from './sscc'
import { EPC_SCHEMES, type Epc, type EpcFields, type EpcScheme } from './types'
import { unescapeEpcUriComponent } from './uri'

const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'sgtin-96': ['companyPrefix', 'itemReference', 'serial'],
  'sgtin-198': ['companyPrefix', 'itemReference', 'serial'],
  'sscc-96': ['companyPrefix', 'serialReference'],
  'sgln-96': ['companyPrefix', 'locationReference', 'extension'],
  'grai-96': ['companyPrefix', 'assetType', 'serial']
}

/** Encodes an EPC from its components; every range and character rule is checked. */
export function encodeEpc(fields: EpcFields): Result<Epc> {
  if (typeof fields !== 'object' || fields === null) return fail('epc.fields', { field: 'fields' })
  const required = Object.hasOwn(REQUIRED_FIELDS, fields.scheme) ? REQUIRED_FIELDS[fields.scheme] : undefined
  if (required === undefined) return unknownScheme(String(fields.scheme))
  for (const key of required) {
    if (typeof (fields as unknown as Record<string, unknown>)[key] !== 'string') return fail('epc.fields', { field: key }, { field: key })
  }
  switch (fields.scheme) {
    case 'sgtin-96':
    case 'sgtin-198':
      return encodeSgtin(fields.scheme, fields.filter, fields.companyPrefix, fields.itemReference, fields.serial)
    case 'sscc-96':
      return encodeSscc96(fields.filter, fields.companyPrefix, fields.serialReference)
    case 'sgln-96':
      return encodeSgln96(fields.filter, fields.companyPrefix, fields.locationReference, fields.extension)
    case 'grai-96':
      return encodeGrai96(fields.filter, fields.companyPrefix, fields.assetType, fields.serial)
    default:
      return unknownScheme(String((fields as { scheme: unknown }).scheme))
  }
}

export function isEpcScheme(s: string): s is EpcScheme {
  return (EPC_SCHEMES as readonly string[]).includes(s)
}

export interface ElementStringEncodeOptions {
  /** Omitted: SGTIN-96 when the serial fits, else SGTIN-198; SSCC-96, SGLN-96, GRAI-96 by AI. */
  scheme?: EpcScheme
  filter: number
  /** Digits of the GS1 Company Prefix (6..12); the element string alone does not carry it. */
  companyPrefixLength: number
}

const fitsSgtin96 = (serial: string): boolean => /^(0|[1-9]\d{0,11})$/.test(serial) && Number(serial) <= SGTIN96_MAX_SERIAL

/** Turns a bracketed element string, e.g. `(01)80614141123458(21)6789`, into EPC components. */
export function elementStringToFields(elementString: string, options: ElementStringEncodeOptions): Result<EpcFields> {
  const f = checkFilter(options.filter)
  if (!f.ok) return f
  const L = options.companyPrefixLength
  if (!Number.isInteger(L) || L < 6 || L > 12) {
    return fail('epc.company_prefix', { value: String(L) }, { companyPrefixLength: L })
  }
  const parsed = parseEpcElementString(elementString)
  if (!parsed.ok) return parsed
  const ais = parsed.value
  const keys = Object.keys(ais).sort().join(',')
  const filter = options.filter
  let fields: EpcFields
  if (keys === '01,21') {
    const gtin = ais['01']!
    const serial = ais['21']!
    const scheme = options.scheme ?? (fitsSgtin96(serial) ? 'sgtin-96' : 'sgtin-198')
    if (scheme !== 'sgtin-96' && scheme !== 'sgtin-198') return schemeMismatch(scheme, '(01)+(21)', 'sgtin-96 or sgtin-198')
    fields = { scheme, filter, companyPrefix: gtin.slice(1, 1 + L), itemReference: gtin.charAt(0) + gtin.slice(1 + L, 13), serial }
  } else if (keys === '00') {
    const sscc = ais['00']!
    const scheme = options.scheme ?? 'sscc-96'
    if (scheme !== 'sscc-96') return schemeMismatch(scheme, '(00)', 'sscc-96')
    fields = { scheme, filter, companyPrefix: sscc.slice(1, 1 + L), serialReference: sscc.charAt(0) + sscc.slice(1 + L, 17) }
  } else if (keys === '414' || keys === '254,414') {
    const gln = ais['414']!
    const scheme = options.scheme ?? 'sgln-96'
    if (scheme !== 'sgln-96') return schemeMismatch(scheme, '(414)', 'sgln-96')
    fields = { scheme, filter, companyPrefix: gln.slice(0, L), locationReference: gln.slice(L, 12), extension: ais['254'] ?? '0' }
  } else if (keys === '8003') {
    const v = ais['8003']!
    const scheme = options.scheme ?? 'grai-96'
    if (scheme !== 'grai-96') return schemeMismatch(scheme, '(8003)', 'grai-96')
    if (v.length === 14) return fail('epc.serial', { scheme: 'GRAI-96', field: 'serial', value: '', allowed: numericSerialRule(GRAI96_MAX_SERIAL) })
    fields = { scheme, filter, companyPrefix: v.slice(1, 1 + L), assetType: v.slice(1 + L, 13), serial: v.slice(14) }
  } else if (keys === '01') {
    return notIdentity(null, '(01)')
  } else if (keys === '21') {
    return notIdentity(null, '(21)')
  } else {
    return notIdentity(null, keys.split(',').map((k) => `(${k})`).join(''))
  }
  return ok(fields)
}

function schemeMismatch(scheme: string, ais: string, expected: string): Result<never> {
  return fail('epc.scheme', { scheme, input: ais, expected }, { scheme })
}

const unknownScheme = (scheme: string, input: string | null = null): Result<never> => fail('epc.scheme', { scheme, input, expected: EPC_SCHEMES.join(', ') }, { scheme })

const TAG_FORM = 'urn:epc:tag:SCHEME:F.C.R.S'
const ID_FORM = 'urn:epc:id:TYPE:C.R.S'
const badUri = (uri: string, expected: string): Result<never> => fail('epc.uri', { uri, expected })

/** Encodes a bracketed element string as an EPC. */
export function encodeElementString(elementString: string, options: ElementStringEncodeOptions): Result<Epc> {
  const fields = elementStringToFields(elementString, options)
  return fields.ok ? encodeEpc(fields.value) : fields
}

const TAG_URI = /^urn:epc:tag:([a-z0-9-]+):(.*)$/s
const ID_URI = /^urn:epc:id:([a-z]+):(.*)$/s

/** Splits `rest` into components: all but the last are digits only, the last takes the rest (may hold dots). */
function components(rest: string, count: number): string[] | null {
  const parts: string[] = []
  let from = 0
  for (let k = 0; k < count - 1; k++) {
    const dot = rest.indexOf('.', from)
    if (dot < 0) return null
    parts.push(rest.slice(from, dot))
    from = dot + 1
  }
  parts.push(rest.slice(from))
  return parts
}

function fieldsFromParts(scheme: EpcScheme, filter: number, parts: string[], uri: string): Result<EpcFields> {
  const [cp = '', ref = '', last] = parts
  if (scheme === 'sscc-96') {
    if (parts.length !== 2 || /\./.test(ref)) return badUri(uri, 'urn:epc:…:sscc…:C.S')
    return ok({ scheme, filter, companyPrefix: cp, serialReference: ref })
  }
  const serial = last === undefined ? null : unescapeEpcUriComponent(last)
  if (serial === null) return badUri(uri, 'S ∈ GS1 CSET 82; %-escape " % & / < > ?')
  if (scheme === 'sgln-96') return ok({ scheme, filter, companyPrefix: cp, locationReference: ref, extension: serial })
  if (scheme === 'grai-96') return ok({ scheme, filter, companyPrefix: cp, assetType: ref, serial })
  return ok({ scheme, filter, companyPrefix: cp, itemReference: ref, serial })
}

/** Parses an EPC tag URI (`urn:epc:tag:sgtin-96:3.0614141.812345.6789`) into components. */
export function tagUriToFields(uri: string): Result<EpcFields> {
  const m = TAG_URI.exec(uri)
  if (!m) return badUri(uri, TAG_FORM)
  const scheme = m[1]!
  if (!isEpcScheme(scheme)) return unknownScheme(scheme, uri)
  const rest = m[2]!
  const fm = /^([0-7])\./.exec(rest)
  if (!fm) return badUri(uri, TAG_FORM)
  const parts = components(rest.slice(2), scheme === 'sscc-96' ? 2 : 3)
  if (!parts) return badUri(uri, TAG_FORM)
  return fieldsFromParts(scheme, Number(fm[1]), parts, uri)
}

const ID_SCHEMES: Record<string, readonly EpcScheme[]> = {
  sgtin: ['sgtin-96', 'sgtin-198'],
  sscc: ['sscc-96'],
  sgln: ['sgln-96'],
  grai: ['grai-96']
}

/** Parses a pure identity URI (`urn:epc:id:sgtin:0614141.812345.6789`) into components for `scheme`/`filter`. */
export function pureIdentityUriToFields(uri: string, options: { scheme?: EpcScheme; filter: number }): Result<EpcFields> {
  const m = ID_URI.exec(uri)
  if (!m) return badUri(uri, ID_FORM)
  const allowed = Object.hasOwn(ID_SCHEMES, m[1]!) ? ID_SCHEMES[m[1]!] : undefined
  if (!allowed) return unknownScheme(m[1]!, uri)
  const fallback = allowed[0]!
  const scheme = options.scheme ?? fallback
  if (!allowed.includes(scheme)) return schemeMismatch(scheme, `urn:epc:id:${m[1]!}`, allowed.join(' or '))
  const parts = components(m[2]!, scheme === 'sscc-96' ? 2 : 3)
  if (!parts) return badUri(uri, ID_FORM)
  const f = checkFilter(options.filter)
  if (!f.ok) return f
  const fields = fieldsFromParts(scheme, options.filter, parts, uri)
  if (fields.ok && options.scheme === undefined && fields.value.scheme === 'sgtin-96' && !fitsSgtin96(fields.value.serial)) {
    return ok({ ...fields.value, scheme: 'sgtin-198' })
  }
  return fields
}

/** Encodes an EPC tag URI as an EPC (hex and the other forms). */
export function encodeTagUri(uri: string): Result<Epc> {
  const fields = tagUriToFields(uri)
  return fields.ok ? encodeEpc(fields.value) : fields
}

/** Encodes a pure identity URI with the given scheme (default by serial) and filter. */
export function encodePureIdentityUri(uri: string, options: { scheme?: EpcScheme; filter: number }): Result<Epc> {
  const fields = pureIdentityUriToFields(uri, options)
  return fields.ok ? encodeEpc(fields.value) : fields
}
