/**
 * Serial rules per item and the classic mis-scan guards (the GTIN, a whole element string or Digital
 * Link, or the lot read as the serial). Pure TS; never throws.
 */
import { err, ok, type Result } from '../result'
import { isValidGs1CheckDigit } from './checkdigit'
import { isCset82 } from './epc/uri'
import { RE2JS } from 're2js'

export type SerialCharset = 'numeric' | 'alphanumeric' | 'cset82'

export interface SerialRule {
  minLength?: number
  maxLength?: number
  /** numeric: 0-9; alphanumeric: A-Z a-z 0-9; cset82: GS1 AI encodable set 82 (what AI 21 allows). */
  charset?: SerialCharset
  /** Literal prefix the serial must start with (counts towards the length). */
  prefix?: string
  /** Regular expression source (RE2 syntax: no backreferences or lookaround); always matched against the whole serial. */
  pattern?: string
}

export interface SerialContext {
  /** The item's GTIN (8, 12, 13 or 14 digits). */
  gtin?: string
  /** The lot scanned or expected for this unit. */
  lot?: string
  /** Lots known for this item. */
  knownLots?: readonly string[]
}

/** Longest serial looked at at all (and so the longest input a rule pattern ever runs on). */
export const MAX_SERIAL_LENGTH = 128
/** Longest accepted pattern source. */
export const MAX_PATTERN_LENGTH = 200
const CHARSETS: Readonly<Record<SerialCharset, { test: (s: string) => boolean; label: string }>> = {
  numeric: { test: (s) => /^[0-9]*$/.test(s), label: 'digits 0-9' },
  alphanumeric: { test: (s) => /^[A-Za-z0-9]*$/.test(s), label: 'letters A-Z, a-z and digits' },
  cset82: { test: isCset82, label: 'GS1 character set 82' }
}

const invalidRule = (message: string, details?: Record<string, unknown>): Result<never> => err('serial.rule_invalid', message, details)

/** A compiled serial pattern: whole-serial match on an automaton (RE2), linear in the serial's length. */
interface SerialMatcher {
  matches(serial: string): boolean
}

const compiled = new Map<string, SerialMatcher>()

/**
 * Serial patterns come from imported item data, so they are untrusted: they run on RE2's automaton
 * (re2js, pure TypeScript), never on the backtracking RegExp engine. Every pattern RE2 accepts matches
 * in time linear in the serial — `((a|a))*`, `(a+)+$` and friends included — so no heuristic guard is
 * needed; constructs that need backtracking (backreferences, lookaround) are refused by RE2's syntax.
 */
function compilePattern(source: string): Result<SerialMatcher> {
  const cached = compiled.get(source)
  if (cached) return ok(cached)
  if (source.length === 0) return invalidRule('Serial rule pattern is empty.')
  if (source.length > MAX_PATTERN_LENGTH) return invalidRule(`Serial rule pattern is longer than ${MAX_PATTERN_LENGTH} characters.`, { length: source.length })
  let re: RE2JS
  try {
    re = RE2JS.compile(source)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return invalidRule(`Serial rule pattern is not a valid regular expression (backreferences and lookaround are not supported): ${why}.`, { pattern: source })
  }
  // matches() is a whole-input match: the pattern is anchored to the entire serial.
  const matcher: SerialMatcher = { matches: (serial) => re.matches(serial) }
  if (compiled.size >= 512) compiled.clear()
  compiled.set(source, matcher)
  return ok(matcher)
}

const isLength = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_SERIAL_LENGTH

/** Validates a rule (e.g. when an item is saved): bad lengths, charset, prefix or regex are refused with a reason. */
export function validateSerialRule(rule: SerialRule): Result<SerialRule> {
  if (typeof rule !== 'object' || rule === null) return invalidRule('Serial rule must be an object.')
  const { minLength, maxLength, charset, prefix, pattern } = rule
  if (minLength !== undefined && !isLength(minLength)) return invalidRule(`Serial rule minLength must be an integer 1..${MAX_SERIAL_LENGTH}.`, { minLength })
  if (maxLength !== undefined && !isLength(maxLength)) return invalidRule(`Serial rule maxLength must be an integer 1..${MAX_SERIAL_LENGTH}.`, { maxLength })
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    return invalidRule(`Serial rule minLength ${minLength} is greater than maxLength ${maxLength}.`, { minLength, maxLength })
  }
  if (charset !== undefined && !Object.hasOwn(CHARSETS, charset)) return invalidRule(`Serial rule charset must be numeric, alphanumeric or cset82, got "${String(charset)}".`)
  if (prefix !== undefined) {
    if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > MAX_SERIAL_LENGTH) return invalidRule('Serial rule prefix must be a non-empty string.')
    if (charset !== undefined && !CHARSETS[charset].test(prefix)) return invalidRule(`Serial rule prefix "${prefix}" is not in the rule's charset (${CHARSETS[charset].label}).`)
    if (maxLength !== undefined && prefix.length > maxLength) return invalidRule(`Serial rule prefix "${prefix}" is longer than maxLength ${maxLength}.`)
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') return invalidRule('Serial rule pattern must be a string.')
    const re = compilePattern(pattern)
    if (!re.ok) return re
  }
  return ok(rule)
}

function normalizeGtin(gtin: string): string | null {
  return /^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin) ? gtin.padStart(14, '0') : null
}

/** GTIN-14 and the shorter forms it has (GTIN-13, -12, -8 when the leading digits are zeros). */
function gtinForms(gtin14: string): string[] {
  const forms = [gtin14]
  if (gtin14.startsWith('0')) forms.push(gtin14.slice(1))
  if (gtin14.startsWith('00')) forms.push(gtin14.slice(2))
  if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6))
  return forms
}

/** Mis-scan guards: what else the scanner may have sent in place of the serial. */
function misScan(serial: string, context: SerialContext): Result<never> | null {
  if (/^\][A-Za-z][0-9A-Za-z]/.test(serial)) {
    return err('serial.is_element_string', 'The serial starts with a scanner symbology identifier (]C1, ]d2, ]Q3 …): a whole barcode was scanned, not the serial.')
  }
  if (serial.includes('\u001d') || /^\(\d{2,4}\)/.test(serial)) {
    return err('serial.is_element_string', 'The serial is a GS1 element string (AIs and values): a whole barcode was scanned, not the serial.')
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(serial)) {
    const dl = /\/01\/\d{14}/.test(serial) || /\/(00|414|8003)\/\d/.test(serial)
    return err(dl ? 'serial.is_digital_link' : 'serial.is_url', dl ? 'The serial is a GS1 Digital Link URI: a whole barcode was scanned, not the serial.' : 'The serial is a URL, not a serial number.')
  }
  if (/^urn:epc:/i.test(serial)) return err('serial.is_element_string', 'The serial is an EPC URI, not a serial number.')
  const gtin14 = typeof context.gtin === 'string' ? normalizeGtin(context.gtin) : null
  if (gtin14 !== null) {
    const forms = gtinForms(gtin14)
    if (forms.includes(serial)) return err('serial.is_gtin', `The serial equals the item's GTIN (${serial}): the product barcode was scanned instead of the serial.`, { gtin: gtin14 })
    if (serial.startsWith('01' + gtin14)) return err('serial.is_element_string', 'The serial is an element string starting with (01) and the item\'s GTIN: a whole barcode was scanned.', { gtin: gtin14 })
  }
  // Unbracketed element string: 01 + a valid GTIN-14 followed by a lot/date/serial AI.
  const m = /^01(\d{14})(?:10|11|13|15|17|21)./.exec(serial)
  if (m && isValidGs1CheckDigit(m[1]!)) return err('serial.is_element_string', 'The serial is an unbracketed GS1 element string (01 + GTIN + more AIs): a whole barcode was scanned.')
  if (context.lot !== undefined && context.lot !== '' && serial === context.lot) {
    return err('serial.is_lot', `The serial equals the lot ${serial}: the lot was scanned as the serial.`, { lot: serial })
  }
  if (Array.isArray(context.knownLots) && context.knownLots.includes(serial)) return err('serial.is_lot', `The serial ${serial} is a known lot of this item: the lot was scanned as the serial.`, { lot: serial })
  return null
}

/**
 * Checks a scanned serial against the item's rule (if any) and the mis-scan guards.
 * Errors: serial.empty, serial.whitespace, serial.control, serial.too_short, serial.too_long,
 * serial.charset, serial.prefix, serial.pattern, serial.is_gtin, serial.is_element_string,
 * serial.is_digital_link, serial.is_url, serial.is_lot, serial.rule_invalid (the rule itself is bad).
 */
export function checkSerial(serial: string, rule?: SerialRule, context: SerialContext = {}): Result<void> {
  if (typeof serial !== 'string' || serial.length === 0) return err('serial.empty', 'The serial is empty.')
  if (serial.length > MAX_SERIAL_LENGTH) return err('serial.too_long', `The serial is longer than ${MAX_SERIAL_LENGTH} characters.`, { length: serial.length })
  const guard = misScan(serial, typeof context === 'object' && context !== null ? context : {})
  if (guard) return guard
  if (serial.trim() !== serial) return err('serial.whitespace', 'The serial has leading or trailing spaces.')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(serial)) return err('serial.control', 'The serial contains control characters.')
  if (rule === undefined) return ok(undefined)
  const valid = validateSerialRule(rule)
  if (!valid.ok) return valid
  const { minLength, maxLength, charset, prefix, pattern } = rule
  if (minLength !== undefined && serial.length < minLength) {
    return err('serial.too_short', `The serial has ${serial.length} characters; this item's serials have at least ${minLength}.`, { length: serial.length, minLength })
  }
  if (maxLength !== undefined && serial.length > maxLength) {
    return err('serial.too_long', `The serial has ${serial.length} characters; this item's serials have at most ${maxLength}.`, { length: serial.length, maxLength })
  }
  if (charset !== undefined && !CHARSETS[charset].test(serial)) {
    return err('serial.charset', `The serial may only contain ${CHARSETS[charset].label}.`, { charset })
  }
  if (prefix !== undefined && !serial.startsWith(prefix)) {
    return err('serial.prefix', `This item's serials start with "${prefix}".`, { prefix })
  }
  if (pattern !== undefined) {
    const re = compilePattern(pattern)
    if (!re.ok) return re
    if (!re.value.matches(serial)) return err('serial.pattern', "The serial does not match this item's serial pattern.", { pattern })
  }
  return ok(undefined)
}
