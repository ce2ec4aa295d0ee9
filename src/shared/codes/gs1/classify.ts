/**
 * Lenient first look at a scan for the workflows: GS1 data is parsed and validated, anything else is
 * handed back as plain text for the workflow to interpret (bin label, PO number, supplier serial…).
 */
import type { AppError } from '../../result'
import { readAimPrefix } from './aim'
import { looksLikeHttpUri, splitDigitalLink } from './digital-link'
import { splitElementString } from './element-string'
import { looksBracketed } from './hri'
import { applyGsSubstitutes, parseGs1 } from './parse'
import type { Gs1Parsed, ParseOptions } from './types'
import { finish } from './validate'

export type ScanClassification =
  | ({ kind: 'gs1' } & Gs1Parsed)
  | { kind: 'plain'; text: string; symbology?: string }
  | { kind: 'invalid'; error: AppError; symbology?: string }

export interface ClassifyOptions extends ParseOptions {
  /**
   * Also try data without a symbology identifier as an element string (`0109521234543213…`), for
   * scanners configured not to send AIM identifiers. Data that does not validate stays plain.
   */
  bareElementStrings?: boolean
}

const plain = (text: string, symbology?: string): ScanClassification =>
  symbology === undefined ? { kind: 'plain', text } : { kind: 'plain', text, symbology }

export function classifyScan(raw: string, options: ClassifyOptions = {}): ScanClassification {
  const text = applyGsSubstitutes(raw.replace(/[\r\n]+$/, ''), options.gsSubstitutes)
  const parseOptions: ParseOptions = options.now ? { now: options.now } : {}
  const aim = readAimPrefix(text)
  if (aim && (aim.kind === 'element-string' || aim.kind === 'ean')) {
    const parsed = parseGs1(text, parseOptions)
    return parsed.ok ? { kind: 'gs1', ...parsed.value } : { kind: 'invalid', error: parsed.error, symbology: aim.id }
  }
  const body = aim ? text.slice(3) : text
  if (aim && aim.kind === 'other') return plain(body, aim.id)
  if (looksLikeHttpUri(body)) {
    const dl = splitDigitalLink(body, aim ? 3 : 0)
    if (!dl.ok) return dl.error.code === 'gs1.dl_no_key' || dl.error.code === 'gs1.not_gs1' ? plain(body, aim?.id) : invalid(dl.error, aim?.id)
    const base = aim ? { form: 'dl' as const, symbology: aim.id, dlStem: dl.value.stem } : { form: 'dl' as const, dlStem: dl.value.stem }
    const parsed = finish(dl.value.placed, base, options.now)
    return parsed.ok ? { kind: 'gs1', ...parsed.value } : invalid(parsed.error, aim?.id)
  }
  if (!aim && looksBracketed(text)) {
    const parsed = parseGs1(text, parseOptions)
    return parsed.ok ? { kind: 'gs1', ...parsed.value } : invalid(parsed.error)
  }
  if (!aim && options.bareElementStrings && /^\d{2}/.test(text)) {
    const split = splitElementString(text, 0)
    if (split.ok) {
      const parsed = finish(split.value, { form: 'scan' }, options.now)
      if (parsed.ok) return { kind: 'gs1', ...parsed.value }
    }
  }
  return plain(body, aim?.id)
}

function invalid(error: AppError, symbology?: string): ScanClassification {
  return symbology === undefined ? { kind: 'invalid', error } : { kind: 'invalid', error, symbology }
}
