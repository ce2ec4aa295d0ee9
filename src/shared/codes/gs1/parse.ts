/** Strict GS1 parsing: AIM-prefixed scan data, bracketed element strings, Digital Link URIs. */
import type { Result } from '../../result'
import { fail } from '../failure'
import { lookupAi } from './ai-table'
import { readAimPrefix } from './aim'
import { looksLikeHttpUri, splitDigitalLink } from './digital-link'
import { GS, splitElementString } from './element-string'
import { looksBracketed, splitBracketed } from './hri'
import { quoted, snippet } from './messages'
import type { PlacedElement } from './pairing'
import type { Gs1Parsed, ParseOptions } from './types'
import { finish } from './validate'

export function applyGsSubstitutes(text: string, substitutes: readonly string[] | undefined): string {
  if (!substitutes) return text
  let out = text
  for (const sub of substitutes) if (sub && out.includes(sub)) out = out.split(sub).join(GS)
  return out
}

/**
 * Parses and fully validates GS1 data. Never throws: anything that is not GS1 data is
 * `gs1.not_gs1`; GS1 data that breaks a rule gets the rule's code (`gs1.check_digit`, …).
 */
export function parseGs1(input: string, options: ParseOptions = {}): Result<Gs1Parsed> {
  const text = applyGsSubstitutes(input, options.gsSubstitutes)
  if (text.length === 0) return fail('gs1.not_gs1', { data: '' })
  const now = options.now
  if (text.charCodeAt(0) === 93) {
    const aim = readAimPrefix(text)
    if (!aim) return fail('gs1.not_gs1', { data: quoted(text) }, { position: 0 })
    switch (aim.kind) {
      case 'element-string': {
        const split = splitElementString(text, 3)
        return split.ok ? finish(split.value, { form: 'scan', symbology: aim.id }, now) : split
      }
      case 'ean':
        return parseEan(text, aim.id, now)
      case 'dl-capable': {
        const body = text.slice(3)
        if (!looksLikeHttpUri(body)) return fail('gs1.not_gs1', { data: quoted(text) }, { symbology: aim.id })
        const dl = splitDigitalLink(body, 3)
        return dl.ok ? finish(dl.value.placed, { form: 'dl', symbology: aim.id, dlStem: dl.value.stem }, now) : dl
      }
      default:
        return fail('gs1.not_gs1', { data: quoted(text) }, { symbology: aim.id })
    }
  }
  if (looksBracketed(text)) {
    const split = splitBracketed(text)
    return split.ok ? finish(split.value, { form: 'hri' }, now) : split
  }
  if (looksLikeHttpUri(text)) {
    const dl = splitDigitalLink(text)
    return dl.ok ? finish(dl.value.placed, { form: 'dl', dlStem: dl.value.stem }, now) : dl
  }
  return fail('gs1.not_gs1', { data: quoted(text) })
}

/** `]E0` EAN-13/UPC-A (13 digits, or 12 for UPC-A), `]E4` EAN-8; an optional `|]e0` composite follows. */
function parseEan(text: string, id: string, now: Date | undefined): Result<Gs1Parsed> {
  const bar = text.indexOf('|')
  const primary = text.slice(3, bar < 0 ? text.length : bar)
  const lengths = id === ']E4' ? [8] : [13, 12]
  if (!/^\d+$/.test(primary) || !lengths.includes(primary.length)) {
    const label = id === ']E4' ? 'EAN-8' : 'EAN-13/UPC-A'
    return fail('gs1.length', { label, rule: lengths.join('/'), length: primary.length, ai: '01', position: 3 }, { ai: '01', position: 3 })
  }
  const placed: PlacedElement[] = [{ entry: lookupAi('01')!, value: primary.padStart(14, '0'), position: 3 }]
  if (bar >= 0) {
    if (!text.startsWith(']e0', bar + 1)) return fail('gs1.syntax', { expected: '"|]e0"', position: bar, found: `"${snippet(text, bar, 4)}"` }, { position: bar })
    const cc = splitElementString(text, bar + 4)
    if (!cc.ok) return cc
    placed.push(...cc.value)
  }
  return finish(placed, { form: 'plain-ean', symbology: id }, now)
}
