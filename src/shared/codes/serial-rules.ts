/**
 * Serial rules per item and the classic mis-scan guards (the GTIN, a whole element string or Digital
 * Link, or the lot read as the serial). Pure TS; never throws.
 */
import type { ParamValue } from '../messages/format'
import { ok, type Result } from '../result'
import { isValidGs1CheckDigit } from './checkdigit'
import { isCset82 } from './epc/uri'
import { fail } from './failure'
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
  numeric: { test: (s) => /^[0-9]*$/.test(s), label: '0-9' },
  alphanumeric: { test: (s) => /^[A-Za-z0-9]*$/.test(s), label: 'A-Z a-z 0-9' },
  cset82: { test: isCset82, label: 'GS1 CSET 82' }
}

/** `problem` is language-neutral: the allowed range, a limit, or the regular expression engine's own words. */
const invalidRule = (field: string, value: ParamValue, problem: string, details?: Record<string, unknown>): Result<never> =>
  fail('serial.rule_invalid', { field, value: typeof value === 'string' ? value : String(value), problem }, details)

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
  if (source.length === 0) return invalidRule('pattern', source, '1..200')
  if (source.length > MAX_PATTERN_LENGTH) return invalidRule('pattern', source, `${source.length} > ${MAX_PATTERN_LENGTH}`, { length: source.length })
  let re: RE2JS
  try {
    re = RE2JS.compile(source)
  } catch (error) {
    // The engine's own words: the only precise account of a syntax error (RE2 has no backreferences or lookaround).
    return invalidRule('pattern', source, error instanceof Error ? error.message : String(error), { pattern: source, reason: 'syntax' })
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
  if (typeof rule !== 'object' || rule === null) return invalidRule('rule', String(rule), '{…}')
  const { minLength, maxLength, charset, prefix, pattern } = rule
  const lengths = `1..${MAX_SERIAL_LENGTH}`
  if (minLength !== undefined && !isLength(minLength)) return invalidRule('minLength', String(minLength), lengths, { minLength })
  if (maxLength !== undefined && !isLength(maxLength)) return invalidRule('maxLength', String(maxLength), lengths, { maxLength })
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    return invalidRule('minLength', String(minLength), `> maxLength ${maxLength}`, { minLength, maxLength })
  }
  if (charset !== undefined && !Object.hasOwn(CHARSETS, charset)) return invalidRule('charset', String(charset), 'numeric | alphanumeric | cset82')
  if (prefix !== undefined) {
    if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > MAX_SERIAL_LENGTH) return invalidRule('prefix', String(prefix), lengths)
    if (charset !== undefined && !CHARSETS[charset].test(prefix)) return invalidRule('prefix', prefix, `∉ ${CHARSETS[charset].label}`)
    if (maxLength !== undefined && prefix.length > maxLength) return invalidRule('prefix', prefix, `${prefix.length} > maxLength ${maxLength}`)
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') return invalidRule('pattern', String(pattern), '"…"')
    const re = compilePattern(pattern)
    if (!re.ok) return re
  }
  return ok(rule)
}

/** A scanned serial as shown in a message: control characters visible, long ones cut. */
function shown(serial: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = serial.replace(/[\u0000-\u001f]/g, (c) => (c === '\u001d' ? '<GS>' : `<0x${c.charCodeAt(0).toString(16).padStart(2, '0')}>`))
  return visible.length > 40 ? `${visible.slice(0, 40)}…` : visible
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
    return fail('serial.is_element_string', { serial: shown(serial) })
  }
  if (serial.includes('\u001d') || /^\(\d{2,4}\)/.test(serial)) {
    return fail('serial.is_element_string', { serial: shown(serial) })
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(serial)) {
    const dl = /\/01\/\d{14}/.test(serial) || /\/(00|414|8003)\/\d/.test(serial)
    return dl ? fail('serial.is_digital_link', {}) : fail('serial.is_url', {})
  }
  if (/^urn:epc:/i.test(serial)) return fail('serial.is_element_string', { serial: shown(serial) })
  const gtin14 = typeof context.gtin === 'string' ? normalizeGtin(context.gtin) : null
  if (gtin14 !== null) {
    const forms = gtinForms(gtin14)
    if (forms.includes(serial)) return fail('serial.is_gtin', { serial }, { gtin: gtin14 })
    if (serial.startsWith('01' + gtin14)) return fail('serial.is_element_string', { serial: shown(serial) }, { gtin: gtin14 })
  }
  // Unbracketed element string: 01 + a valid GTIN-14 followed by a lot/date/serial AI.
  const m = /^01(\d{14})(?:10|11|13|15|17|21)./.exec(serial)
  if (m && isValidGs1CheckDigit(m[1]!)) return fail('serial.is_element_string', { serial: shown(serial) })
  if (context.lot !== undefined && context.lot !== '' && serial === context.lot) {
    return fail('serial.is_lot', { serial }, { lot: serial })
  }
  if (Array.isArray(context.knownLots) && context.knownLots.includes(serial)) return fail('serial.is_lot', { serial }, { lot: serial })
  return null
}

/**
 * Checks a scanned serial against the item's rule (if any) and the mis-scan guards.
 * Errors: serial.empty, serial.whitespace, serial.control, serial.too_short, serial.too_long,
 * serial.charset, serial.prefix, serial.pattern, serial.is_gtin, serial.is_element_string,
 * serial.is_digital_link, serial.is_url, serial.is_lot, serial.rule_invalid (the rule itself is bad).
 */
export function checkSerial(serial: string, rule?: SerialRule, context: SerialContext = {}): Result<void> {
  if (typeof serial !== 'string' || serial.length === 0) return fail('serial.empty', {})
  if (serial.length > MAX_SERIAL_LENGTH) return fail('serial.too_long', { length: serial.length, max: MAX_SERIAL_LENGTH }, { length: serial.length })
  const guard = misScan(serial, typeof context === 'object' && context !== null ? context : {})
  if (guard) return guard
  if (serial.trim() !== serial) return fail('serial.whitespace', {})
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(serial)) return fail('serial.control', {})
  if (rule === undefined) return ok(undefined)
  const valid = validateSerialRule(rule)
  if (!valid.ok) return valid
  const { minLength, maxLength, charset, prefix, pattern } = rule
  if (minLength !== undefined && serial.length < minLength) {
    return fail('serial.too_short', { length: serial.length, min: minLength }, { length: serial.length, minLength })
  }
  if (maxLength !== undefined && serial.length > maxLength) {
    return fail('serial.too_long', { length: serial.length, max: maxLength }, { length: serial.length, maxLength })
  }
  if (charset !== undefined && !CHARSETS[charset].test(serial)) {
    return fail('serial.charset', { charset: CHARSETS[charset].label }, { charset })
  }
  if (prefix !== undefined && !serial.startsWith(prefix)) {
    return fail('serial.prefix', { prefix }, { prefix })
  }
  if (pattern !== undefined) {
    const re = compilePattern(pattern)
    if (!re.ok) return re
    if (!re.value.matches(serial)) return fail('serial.pattern', { pattern }, { pattern })
  }
  return ok(undefined)
}
