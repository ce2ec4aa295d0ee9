/**
 * GS1 Digital Link URIs: `https://host[:port][/stem]/KEY/value[/QUALIFIER/value…][?AI=value&…][#…]`.
 * Rules follow GS1 Digital Link 1.x and gs1-syntax-engine's dl.c: scheme all lower or all upper case,
 * no empty path segment or trailing slash, the right-most primary key starts the AI path, qualifiers
 * keep their order, all-digit query keys must be known AIs with values and permitted as data
 * attributes (a key qualifier belongs in the path), other query parameters and the fragment are
 * ignored.
 */
import { err, ok, type AppError, type Result } from '../../result'
import { lookupAi, lookupAiIn } from './ai-table'
import { describeAi } from './messages'
import type { PlacedElement } from './pairing'
import type { AiEntry, Gs1Element } from './types'

export type DlSplit = { ok: true; value: { placed: PlacedElement[]; stem: string } } | { ok: false; error: AppError }

const URI_CHARS = new Uint8Array(128)
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") {
  URI_CHARS[ch.charCodeAt(0)] = 1
}
const BAD_HOST = new Uint8Array(128)
for (const ch of "_~?#@!$&'()*+,;=%") BAD_HOST[ch.charCodeAt(0)] = 1
const SCHEMES = ['https://', 'HTTPS://', 'http://', 'HTTP://']

/** True for text that starts like an http(s) URI in any letter case. */
export function looksLikeHttpUri(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20
  return c === 104 && /^https?:\/\//i.test(text)
}

function schemeOf(text: string): string | undefined {
  for (const s of SCHEMES) if (text.startsWith(s)) return s
  return undefined
}

const fail = (code: string, message: string, details?: Record<string, unknown>): DlSplit => ({
  ok: false,
  error: details ? { code, message, details } : { code, message }
})

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

/** Percent-decodes `s[start, end)`; `+` is a space in query values. Undefined on a broken escape. */
function decode(s: string, start: number, end: number, plusIsSpace: boolean): string | undefined {
  const pct = s.indexOf('%', start)
  const plus = plusIsSpace ? s.indexOf('+', start) : -1
  if ((pct < 0 || pct >= end) && (plus < 0 || plus >= end)) return s.slice(start, end)
  let out = ''
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i)
    if (c === 37) {
      const hi = i + 2 < end ? hexValue(s.charCodeAt(i + 1)) : -1
      const lo = hi >= 0 ? hexValue(s.charCodeAt(i + 2)) : -1
      if (lo < 0) return undefined
      out += String.fromCharCode(hi * 16 + lo)
      i += 2
    } else {
      out += c === 43 && plusIsSpace ? ' ' : s[i]
    }
  }
  return out
}

/** True when `seq` keeps the order of one of the key's allowed qualifier sequences. */
export function isAllowedQualifierSequence(key: AiEntry, seq: readonly string[]): boolean {
  if (seq.length === 0) return true
  for (const alt of key.dlQualifiers) {
    let k = 0
    for (const q of alt) if (k < seq.length && seq[k] === q) k++
    if (k === seq.length) return true
  }
  return false
}

export function splitDigitalLink(uri: string, offset = 0): DlSplit {
  const scheme = uri.startsWith('https://') ? 'https://' : schemeOf(uri)
  if (!scheme) {
    return looksLikeHttpUri(uri)
      ? fail('gs1.dl_syntax', 'A Digital Link must start with http:// or https:// in all lower case or all upper case.', { position: offset })
      : fail('gs1.not_gs1', 'The data is not a GS1 Digital Link URI.')
  }
  for (let i = 0; i < uri.length; i++) {
    const c = uri.charCodeAt(i)
    if (c >= 128 || URI_CHARS[c] !== 1) {
      return fail('gs1.dl_syntax', `The Digital Link contains a character not allowed in a URI at position ${offset + i}.`, { position: offset + i })
    }
  }
  const hash = uri.indexOf('#')
  const end = hash < 0 ? uri.length : hash
  let query = uri.indexOf('?')
  if (query > end) query = -1
  const pathEnd = query < 0 ? end : query
  const hostStart = scheme.length
  const slash = uri.indexOf('/', hostStart)
  if (slash < 0 || slash >= pathEnd) return fail('gs1.dl_no_key', 'The Digital Link has no path with a GS1 key.', { position: offset })
  if (slash === hostStart) return fail('gs1.dl_syntax', 'The Digital Link has no host name.', { position: offset + hostStart })
  for (let i = hostStart; i < slash; i++) {
    if (BAD_HOST[uri.charCodeAt(i)] === 1) {
      return fail('gs1.dl_syntax', `The Digital Link host contains "${uri[i]!}" at position ${offset + i}.`, { position: offset + i })
    }
  }

  // Path segments with their start offsets.
  const segStarts: number[] = []
  const segEnds: number[] = []
  let s = slash + 1
  for (;;) {
    const next = uri.indexOf('/', s)
    const segEnd = next < 0 || next >= pathEnd ? pathEnd : next
    if (segEnd === s) {
      return fail(
        'gs1.dl_syntax',
        segEnd === pathEnd ? 'The Digital Link path must not end with "/".' : `The Digital Link has an empty path segment at position ${offset + s}.`,
        { position: offset + s }
      )
    }
    segStarts.push(s)
    segEnds.push(segEnd)
    if (segEnd === pathEnd) break
    s = segEnd + 1
  }

  // Right-most primary key, stepping back over /AI/value pairs.
  const count = segStarts.length
  let keyIndex = -1
  let keyEntry: AiEntry | undefined
  for (let k = count - 2; k >= 0; k -= 2) {
    const entry = lookupAiIn(uri, segStarts[k]!, segEnds[k]!)
    if (!entry) break
    if (entry.dlPrimaryKey) {
      keyIndex = k
      keyEntry = entry
      break
    }
  }
  if (!keyEntry) return fail('gs1.dl_no_key', 'The Digital Link path has no GS1 primary key such as /01/<GTIN> or /00/<SSCC>.', { position: offset + slash })

  const placed: PlacedElement[] = []
  const qualifiers: string[] = []
  for (let k = keyIndex; k < count; k += 2) {
    const entry = lookupAiIn(uri, segStarts[k]!, segEnds[k]!)!
    const value = decode(uri, segStarts[k + 1]!, segEnds[k + 1]!, false)
    if (value === undefined) return fail('gs1.dl_syntax', `Broken %-escape in the value of AI ${entry.ai} at position ${offset + segStarts[k + 1]!}.`, { ai: entry.ai, position: offset + segStarts[k]! })
    if (k > keyIndex) qualifiers.push(entry.ai)
    placed.push({ entry, value, position: offset + segStarts[k]! })
  }
  if (!isAllowedQualifierSequence(keyEntry, qualifiers)) {
    const allowed = keyEntry.dlQualifiers.map((q) => q.join(', ')).join(' or ')
    return fail(
      'gs1.dl_path',
      allowed
        ? `Digital Link qualifiers /${qualifiers.join('/, /')}/ are not allowed after ${describeAi(keyEntry)} in this order; allowed order: ${allowed}.`
        : `${describeAi(keyEntry)} takes no qualifiers in a Digital Link path.`,
      { ai: keyEntry.ai, position: offset + segStarts[keyIndex]! }
    )
  }

  if (query >= 0) {
    let p = query + 1
    while (p < end) {
      let amp = uri.indexOf('&', p)
      if (amp < 0 || amp > end) amp = end
      const eq = uri.indexOf('=', p)
      if (amp > p && eq >= 0 && eq < amp) {
        const key = uri.slice(p, eq)
        if (/^\d+$/.test(key)) {
          const entry = lookupAi(key)
          if (!entry) return fail('gs1.unknown_ai', `Unknown application identifier ${key} in the Digital Link query at position ${offset + p}.`, { ai: key, position: offset + p })
          if (eq + 1 === amp) return fail('gs1.dl_syntax', `AI ${key} has an empty value in the Digital Link query at position ${offset + p}.`, { ai: key, position: offset + p })
          const problem = checkAttribute(entry, keyEntry, qualifiers, placed, offset + p)
          if (problem) return problem
          const value = decode(uri, eq + 1, amp, true)
          if (value === undefined) return fail('gs1.dl_syntax', `Broken %-escape in the value of AI ${key} at position ${offset + eq + 1}.`, { ai: key, position: offset + p })
          placed.push({ entry, value, position: offset + p })
        }
      }
      p = amp + 1
    }
  }
  return { ok: true, value: { placed, stem: uri.slice(0, segStarts[keyIndex]! - 1) } }
}

function checkAttribute(entry: AiEntry, key: AiEntry, qualifiers: readonly string[], placed: readonly PlacedElement[], position: number): DlSplit | undefined {
  if (placed.some((p) => p.entry === entry)) {
    return fail('gs1.duplicate_ai', `AI ${entry.ai} appears more than once in the Digital Link (position ${position}).`, { ai: entry.ai, position })
  }
  const isQualifier = key.dlQualifiers.some((alt) => alt.includes(entry.ai))
  for (let j = 0; isQualifier && j <= qualifiers.length; j++) {
    const trial = [...qualifiers.slice(0, j), entry.ai, ...qualifiers.slice(j)]
    if (isAllowedQualifierSequence(key, trial)) {
      return fail('gs1.dl_path', `AI ${entry.ai} is a key qualifier of AI ${key.ai} and belongs in the Digital Link path, not the query (position ${position}).`, { ai: entry.ai, position })
    }
  }
  if (!entry.dlDataAttribute) {
    return fail('gs1.dl_path', `${describeAi(entry)} is not allowed as a Digital Link query attribute (position ${position}).`, { ai: entry.ai, position })
  }
  return undefined
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/

export function encodeDlValue(value: string): string {
  if (UNRESERVED.test(value)) return value
  let out = ''
  for (const ch of value) {
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/**
 * Lays out already-validated elements as a Digital Link: the first primary key in the list, its
 * qualifiers (best-matching allowed sequence) in order in the path, everything else in the query
 * in the caller's order.
 */
export function formatDigitalLink(elements: readonly Gs1Element[], base: string): Result<string> {
  const scheme = schemeOf(base)
  if (!scheme || base.length <= scheme.length) {
    return err('gs1.dl_syntax', `The Digital Link base must be an http:// or https:// address; got "${base}".`)
  }
  const stem = base.endsWith('/') ? base.slice(0, -1) : base
  const keyIndex = elements.findIndex((e) => lookupAi(e.ai)?.dlPrimaryKey === true)
  const keyElement = elements[keyIndex]
  if (!keyElement) {
    return err('gs1.dl_path', 'A Digital Link needs a primary key such as AI 01 (GTIN), 00 (SSCC) or 414 (GLN).')
  }
  const key = lookupAi(keyElement.ai)!
  let best: readonly string[] = []
  let bestCount = 0
  for (const alt of key.dlQualifiers) {
    const n = alt.filter((q) => elements.some((e) => e.ai === q)).length
    if (n > bestCount) {
      best = alt
      bestCount = n
    }
  }
  const used = new Set<number>([keyIndex])
  let path = `/${key.ai}/${encodeDlValue(keyElement.value)}`
  for (const q of best) {
    const i = elements.findIndex((e) => e.ai === q)
    if (i < 0) continue
    used.add(i)
    path += `/${q}/${encodeDlValue(elements[i]!.value)}`
  }
  const query: string[] = []
  const emitted = new Set<string>([key.ai, ...best])
  for (let i = 0; i < elements.length; i++) {
    if (used.has(i)) continue
    const el = elements[i]!
    if (emitted.has(el.ai)) continue // an allowed repeat with the same value
    const entry = lookupAi(el.ai)!
    if (!entry.dlDataAttribute) {
      return err('gs1.dl_path', `${describeAi(entry)} cannot be carried in a Digital Link with primary key ${key.ai}.`, { ai: el.ai })
    }
    emitted.add(el.ai)
    query.push(`${el.ai}=${encodeDlValue(el.value)}`)
  }
  return ok(stem + path + (query.length ? `?${query.join('&')}` : ''))
}
