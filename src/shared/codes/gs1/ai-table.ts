/**
 * The compiled AI table: AI_ROWS expanded (ranges → single AIs) into AiEntry objects, indexed by
 * arrays for constant-time lookup while scanning data.
 */
import { AI_ROWS } from './ai-rows'
import type { AiComponent, AiEntry, AiPattern, AiRow, ComponentType, LinterName } from './types'

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/

function parseComponent(token: string, ai: string): AiComponent {
  const m = COMPONENT.exec(token)
  if (!m) throw new Error(`AI table: bad component "${token}" for AI ${ai}`)
  const max = Number(m[4])
  return {
    type: m[2] as ComponentType,
    min: m[3] ? 1 : max,
    max,
    optional: m[1] === '[',
    linters: (m[6] ?? '').split(',').filter(Boolean) as LinterName[]
  }
}

export function parsePattern(text: string): AiPattern {
  const n = text.indexOf('n')
  return { text, prefix: n < 0 ? text : text.slice(0, n), length: text.length }
}

export const patternMatches = (p: AiPattern, ai: string): boolean => ai.length === p.length && ai.startsWith(p.prefix)

function expandRange(spec: string): string[] {
  const dash = spec.indexOf('-')
  if (dash < 0) return [spec]
  const from = spec.slice(0, dash)
  const to = Number(spec.slice(dash + 1))
  const out: string[] = []
  for (let n = Number(from); n <= to; n++) out.push(String(n).padStart(from.length, '0'))
  return out
}

function decimalsOf(ai: string): number | undefined {
  if (ai.length !== 4) return undefined
  const family = Number(ai.slice(0, 3))
  return (family >= 310 && family <= 369) || (family >= 390 && family <= 395) ? Number(ai[3]) : undefined
}

function compile(row: AiRow, ai: string): AiEntry {
  const components = row.format.split(' ').map((t) => parseComponent(t, ai))
  let minLength = 0
  let maxLength = 0
  for (const c of components) {
    if (!c.optional) minLength += c.min
    maxLength += c.max
  }
  const entry: AiEntry = {
    ai,
    title: row.title,
    fnc1Required: row.fnc1,
    components,
    minLength,
    maxLength,
    dlDataAttribute: row.dlAttr === true,
    dlPrimaryKey: row.dlKey !== undefined,
    dlQualifiers: (row.dlKey ?? []).map((seq) => seq.split(',')),
    requires: (row.req ?? []).map((rule) => rule.split(',').map((group) => group.split('+').map(parsePattern))),
    excludes: row.ex ? row.ex.split(',').map(parsePattern) : [],
    requiresText: row.req ?? []
  }
  const decimals = decimalsOf(ai)
  if (decimals !== undefined) entry.decimals = decimals
  if (row.ex) entry.excludesText = row.ex
  if (!row.fnc1 && minLength !== maxLength) throw new Error(`AI table: predefined-length AI ${ai} has a variable length`)
  return entry
}

export const AI_ENTRIES: readonly AiEntry[] = AI_ROWS.flatMap((row) => expandRange(row.ai).map((ai) => compile(row, ai)))

const BY_AI2: (AiEntry | undefined)[] = new Array(100)
const BY_AI3: (AiEntry | undefined)[] = new Array(1000)
const BY_AI4: (AiEntry | undefined)[] = new Array(10000)
for (const e of AI_ENTRIES) {
  const table = e.ai.length === 2 ? BY_AI2 : e.ai.length === 3 ? BY_AI3 : BY_AI4
  table[Number(e.ai)] = e
}

/**
 * Total element length (AI + value) of the predefined-length AIs by their first two digits
 * (GenSpecs figure 7.8.5-2, derived from the table), 0 where FNC1 decides.
 */
export const PREDEFINED_LENGTH_BY_PREFIX: Uint8Array = (() => {
  const table = new Uint8Array(100)
  const mixed = new Set<number>()
  for (const e of AI_ENTRIES) {
    const prefix = Number(e.ai.slice(0, 2))
    const total = e.ai.length + e.maxLength
    if (e.fnc1Required || (table[prefix] !== 0 && table[prefix] !== total)) mixed.add(prefix)
    else table[prefix] = total
  }
  for (const p of mixed) table[p] = 0
  return table
})()

export function lookupAi(ai: string): AiEntry | undefined {
  return lookupAiIn(ai, 0, ai.length)
}

/** The AI spelled by exactly `data[start, end)`, without slicing. */
export function lookupAiIn(data: string, start: number, end: number): AiEntry | undefined {
  const len = end - start
  if (len < 2 || len > 4) return undefined
  let n = 0
  for (let i = start; i < end; i++) {
    const d = data.charCodeAt(i) - 48
    if (d < 0 || d > 9) return undefined
    n = n * 10 + d
  }
  const table = len === 2 ? BY_AI2 : len === 3 ? BY_AI3 : BY_AI4
  return table[n]
}

/** The AI whose digits start `data` at `pos` (AIs are prefix-free), or undefined. */
export function matchAiAt(data: string, pos: number): AiEntry | undefined {
  const d0 = data.charCodeAt(pos) - 48
  const d1 = data.charCodeAt(pos + 1) - 48
  if (!(d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9)) return undefined
  let n = d0 * 10 + d1
  const two = BY_AI2[n]
  if (two) return two
  const d2 = data.charCodeAt(pos + 2) - 48
  if (!(d2 >= 0 && d2 <= 9)) return undefined
  n = n * 10 + d2
  const three = BY_AI3[n]
  if (three) return three
  const d3 = data.charCodeAt(pos + 3) - 48
  if (!(d3 >= 0 && d3 <= 9)) return undefined
  return BY_AI4[n * 10 + d3]
}
