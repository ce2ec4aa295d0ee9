/**
 * GS1 Digital Link URIs: `https://host[:port][/stem]/KEY/value[/QUALIFIER/value…][?AI=value&…][#…]`.
 * Rules follow GS1 Digital Link 1.x and gs1-syntax-engine's dl.c: scheme all lower or all upper case,
 * no empty path segment or trailing slash, the right-most primary key starts the AI path, qualifiers
 * keep their order, all-digit query keys must be known AIs with values and permitted as data
 * attributes (a key qualifier belongs in the path), other query parameters and the fragment are
 * ignored.
 */
import { ok, type AppError, type Result } from '../../result'
import { codeError, fail as failResult } from '../failure'
import { lookupAi, lookupAiIn } from './ai-table'
import { describeAi, quoted, snippet } from './messages'
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

const failed = (error: AppError): DlSplit => ({ ok: false, error })

/** `gs1.dl_syntax` at `at` (an offset into `uri`); `position` in the message adds the caller's offset. */
const syntax = (uri: string, at: number, offset: number, details?: Record<string, unknown>): DlSplit =>
  failed(codeError('gs1.dl_syntax', { position: offset + at, found: snippet(uri, at) }, { position: offset + at, ...details }))

const noKey = (position: number): DlSplit => failed(codeError('gs1.dl_no_key', {}, { position }))

/** The qualifier sequences a key allows, as paths: `/22/10/21 | /10/21`. */
const allowedPaths = (key: AiEntry): string | null => (key.dlQualifiers.length ? key.dlQualifiers.map((q) => `/${q.join('/')}`).join(' | ') : null)

const misplaced = (what: string, key: AiEntry, position: number, ai: string): DlSplit =>
  failed(codeError('gs1.dl_path', { what, key: key.ai, position, allowed: allowedPaths(key) }, { ai, position }))

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
    return looksLikeHttpUri(uri) ? syntax(uri, 0, offset) : failed(codeError('gs1.not_gs1', { data: quoted(uri) }))
  }
  for (let i = 0; i < uri.length; i++) {
    const c = uri.charCodeAt(i)
    if (c >= 128 || URI_CHARS[c] !== 1) {
      return syntax(uri, i, offset)
    }
  }
  const hash = uri.indexOf('#')
  const end = hash < 0 ? uri.length : hash
  let query = uri.indexOf('?')
  if (query > end) query = -1
  const pathEnd = query < 0 ? end : query
  const hostStart = scheme.length
  const slash = uri.indexOf('/', hostStart)
  if (slash < 0 || slash >= pathEnd) return noKey(offset)
  if (slash === hostStart) return syntax(uri, hostStart, offset)
  for (let i = hostStart; i < slash; i++) {
    if (BAD_HOST[uri.charCodeAt(i)] === 1) {
      return syntax(uri, i, offset)
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
      return syntax(uri, s - 1, offset)
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
  if (!keyEntry) return noKey(offset + slash)

  const placed: PlacedElement[] = []
  const qualifiers: string[] = []
  for (let k = keyIndex; k < count; k += 2) {
    const entry = lookupAiIn(uri, segStarts[k]!, segEnds[k]!)!
    const value = decode(uri, segStarts[k + 1]!, segEnds[k + 1]!, false)
    if (value === undefined) return syntax(uri, uri.indexOf('%', segStarts[k + 1]!), offset, { ai: entry.ai })
    if (k > keyIndex) qualifiers.push(entry.ai)
    placed.push({ entry, value, position: offset + segStarts[k]! })
  }
  if (!isAllowedQualifierSequence(keyEntry, qualifiers)) {
    return misplaced(`/${qualifiers.join('/')}`, keyEntry, offset + segStarts[keyIndex]!, keyEntry.ai)
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
          if (!entry) return failed(codeError('gs1.unknown_ai', { ai: key, position: offset + p }, { ai: key, position: offset + p }))
          if (eq + 1 === amp) return syntax(uri, p, offset, { ai: key })
          const problem = checkAttribute(entry, keyEntry, qualifiers, placed, offset + p, uri.slice(eq + 1, amp))
          if (problem) return problem
          const value = decode(uri, eq + 1, amp, true)
          if (value === undefined) return syntax(uri, uri.indexOf('%', eq + 1), offset, { ai: key })
          placed.push({ entry, value, position: offset + p })
        }
      }
      p = amp + 1
    }
  }
  return { ok: true, value: { placed, stem: uri.slice(0, segStarts[keyIndex]! - 1) } }
}

function checkAttribute(entry: AiEntry, key: AiEntry, qualifiers: readonly string[], placed: readonly PlacedElement[], position: number, raw: string): DlSplit | undefined {
  const earlier = placed.find((p) => p.entry === entry)
  if (earlier) {
    return failed(codeError('gs1.duplicate_ai', { label: describeAi(entry), first: earlier.value, second: raw, ai: entry.ai, position }, { ai: entry.ai, position }))
  }
  const isQualifier = key.dlQualifiers.some((alt) => alt.includes(entry.ai))
  for (let j = 0; isQualifier && j <= qualifiers.length; j++) {
    const trial = [...qualifiers.slice(0, j), entry.ai, ...qualifiers.slice(j)]
    if (isAllowedQualifierSequence(key, trial)) {
      return misplaced(`?${entry.ai}=`, key, position, entry.ai)
    }
  }
  if (!entry.dlDataAttribute) {
    return misplaced(`?${entry.ai}=`, key, position, entry.ai)
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
    return failResult('gs1.dl_syntax', { position: 0, found: snippet(base, 0, 40) })
  }
  const stem = base.endsWith('/') ? base.slice(0, -1) : base
  const keyIndex = elements.findIndex((e) => lookupAi(e.ai)?.dlPrimaryKey === true)
  const keyElement = elements[keyIndex]
  if (!keyElement) {
    return failResult('gs1.dl_no_key', {})
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
      return failResult('gs1.dl_path', { what: `?${el.ai}=`, key: key.ai, position: null, allowed: allowedPaths(key) }, { ai: el.ai })
    }
    emitted.add(el.ai)
    query.push(`${el.ai}=${encodeDlValue(el.value)}`)
  }
  return ok(stem + path + (query.length ? `?${query.join('&')}` : ''))
}
