import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AI_ENTRIES, PREDEFINED_LENGTH_BY_PREFIX, lookupAi } from '../../../src/shared/codes/gs1/ai-table'
import type { AiEntry } from '../../../src/shared/codes/gs1/types'

const here = dirname(fileURLToPath(import.meta.url))
const DICTIONARY = resolve(here, '../../../../shared/data/gs1/gs1-syntax-dictionary.txt')
const haveDictionary = existsSync(DICTIONARY)
// Reported as skipped, never as passed: the cross-check needs the dictionary from the sibling checkout.
if (!haveDictionary) console.warn(`GS1 dictionary cross-check skipped: ${DICTIONARY} not found (check out ../shared beside this repository).`)

interface DictAi {
  ai: string
  flags: string
  spec: string[]
  req: string[]
  ex?: string
  dlpkey?: string[]
  title: string
}

/** An independent reading of the dictionary format described in its header. */
function readDictionary(text: string): DictAi[] {
  const out: DictAi[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const [body = '', ...titleParts] = line.split('#')
    const tokens = body.trim().split(/\s+/)
    const range = tokens.shift()!
    const flags = tokens[0] !== undefined && !/^[[NXYZ]/.test(tokens[0]) && !tokens[0].includes('=') ? tokens.shift()! : ''
    const spec: string[] = []
    const req: string[] = []
    let ex: string | undefined
    let dlpkey: string[] | undefined
    for (const t of tokens) {
      if (t.startsWith('req=')) req.push(t.slice(4))
      else if (t.startsWith('ex=')) ex = t.slice(3)
      else if (t === 'dlpkey') dlpkey = []
      else if (t.startsWith('dlpkey=')) dlpkey = t.slice(7).split('|')
      else spec.push(t)
    }
    const [from, to = from] = range.split('-') as [string, string?]
    for (let n = Number(from); n <= Number(to); n++) {
      const ai = String(n).padStart(from.length, '0')
      out.push({ ai, flags, spec, req, ex, dlpkey, title: titleParts.join('#').trim() })
    }
  }
  return out
}

function specOf(entry: AiEntry): string[] {
  return entry.components.map((c) => {
    const type = `${c.type}${c.min === c.max ? '' : '..'}${c.max}`
    return (c.optional ? `[${type}]` : type) + c.linters.map((l) => `,${l}`).join('')
  })
}

describe('AI table', () => {
  it.skipIf(!haveDictionary)(`matches the GS1 syntax dictionary in both directions${haveDictionary ? '' : ' (skipped: ../shared/data/gs1/gs1-syntax-dictionary.txt not found)'}`, () => {
    const dict = readDictionary(readFileSync(DICTIONARY, 'utf8'))
    expect(dict.length).toBeGreaterThan(400)
    for (const d of dict) {
      const entry = lookupAi(d.ai)
      expect(entry, `AI ${d.ai} missing from our table`).toBeDefined()
      if (!entry) continue
      expect({ ai: d.ai, spec: specOf(entry) }).toEqual({ ai: d.ai, spec: d.spec })
      expect({ ai: d.ai, fnc1: entry.fnc1Required }).toEqual({ ai: d.ai, fnc1: !d.flags.includes('*') })
      expect({ ai: d.ai, dl: entry.dlDataAttribute }).toEqual({ ai: d.ai, dl: d.flags.includes('?') })
      expect({ ai: d.ai, req: entry.requiresText }).toEqual({ ai: d.ai, req: d.req })
      expect({ ai: d.ai, ex: entry.excludesText }).toEqual({ ai: d.ai, ex: d.ex })
      expect({ ai: d.ai, key: entry.dlPrimaryKey ? entry.dlQualifiers.map((q) => q.join(',')) : undefined }).toEqual({
        ai: d.ai,
        key: d.dlpkey
      })
      expect(entry.title).toBe(d.title)
    }
    const dictAis = new Set(dict.map((d) => d.ai))
    const extra = AI_ENTRIES.filter((e) => !dictAis.has(e.ai)).map((e) => e.ai)
    expect(extra, 'AIs in our table but not in the dictionary').toEqual([])
  })

  it('has no AI that is a prefix of another (element strings stay unambiguous)', () => {
    const ais = AI_ENTRIES.map((e) => e.ai)
    const clashes = ais.flatMap((a) => ais.filter((b) => b !== a && b.startsWith(a)).map((b) => `${a}/${b}`))
    expect(clashes).toEqual([])
  })

  it('derives the GenSpecs predefined-length table (figure 7.8.5-2)', () => {
    const expected: Record<string, number> = { '00': 20, '01': 16, '02': 16, '03': 16, '11': 8, '12': 8, '13': 8, '15': 8, '16': 8, '17': 8, '20': 4, '31': 10, '32': 10, '33': 10, '34': 10, '35': 10, '36': 10, '41': 16 }
    for (let p = 0; p < 100; p++) {
      const key = String(p).padStart(2, '0')
      expect({ prefix: key, length: PREDEFINED_LENGTH_BY_PREFIX[p] }).toEqual({ prefix: key, length: expected[key] ?? 0 })
    }
  })

  it('marks decimal AIs and Digital Link keys', () => {
    expect(lookupAi('3103')?.decimals).toBe(3)
    expect(lookupAi('3925')?.decimals).toBe(5)
    expect(lookupAi('3955')?.decimals).toBe(5)
    expect(lookupAi('7003')?.decimals).toBeUndefined()
    expect(lookupAi('01')?.dlQualifiers).toEqual([['22', '10', '21'], ['235']])
    expect(lookupAi('00')?.dlPrimaryKey).toBe(true)
    expect(lookupAi('21')?.dlPrimaryKey).toBe(false)
  })
})
