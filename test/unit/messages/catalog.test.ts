import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EN, english, renderMessage } from '../../../src/shared/messages/catalog'
import { formatTemplate, templateParams, type ParamValue } from '../../../src/shared/messages/format'
import { ES, MESSAGE_TABLES } from '../../../src/renderer/i18n/messages/index'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+)((?::[^:{}]*)*))?\}/g
const KINDS = new Set(['number', 'date', 'datetime', 'time', 'plural'])

/** `name:kind` for every placeholder (plural words left out: they are the language's own). */
function slots(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => `${m[1]!}:${m[2] ?? 'text'}`))].sort()
}

/** Every area table in a folder, by file name, e.g. `codes.ts` → its exported object. */
async function areaTables(dir: string, pattern: RegExp): Promise<Map<string, Record<string, string>>> {
  const tables = new Map<string, Record<string, string>>()
  for (const file of readdirSync(ROOT + dir).filter((f) => pattern.test(f)).sort()) {
    const module = (await import(`${ROOT}${dir}/${file}`)) as Record<string, unknown>
    const [table] = Object.values(module) as Array<Record<string, string>>
    tables.set(file, table!)
  }
  return tables
}

function duplicates(tables: Map<string, Record<string, string>>): string[] {
  const seen = new Map<string, string>()
  const twice: string[] = []
  for (const [file, table] of tables) {
    for (const code of Object.keys(table)) {
      const first = seen.get(code)
      if (first) twice.push(`${code} (${first}, ${file})`)
      else seen.set(code, file)
    }
  }
  return twice
}

describe('message catalog: English and Spanish', () => {
  const codes = Object.keys(EN)

  it('has codes', () => {
    expect(codes.length).toBeGreaterThan(50)
  })

  it('every English code has Spanish, and Spanish has no code English lacks', () => {
    expect(codes.filter((c) => !Object.hasOwn(ES, c))).toEqual([])
    expect(Object.keys(ES).filter((c) => !Object.hasOwn(EN, c))).toEqual([])
    expect(MESSAGE_TABLES.en).toBe(EN)
    expect(MESSAGE_TABLES.es).toBe(ES)
  })

  it('Spanish uses the same placeholders (names and formats) as English', () => {
    const mismatched = codes
      .filter((c) => JSON.stringify(slots(EN[c as keyof typeof EN])) !== JSON.stringify(slots(ES[c as keyof typeof ES])))
      .map((c) => `${c}: en ${slots(EN[c as keyof typeof EN]).join(',')} / es ${slots(ES[c as keyof typeof ES]).join(',')}`)
    expect(mismatched).toEqual([])
    for (const c of codes) expect(templateParams(ES[c as keyof typeof ES]).sort(), c).toEqual(templateParams(EN[c as keyof typeof EN]).sort())
  })

  it('templates are well formed: known formats, two plural forms, no stray braces, no empty text', () => {
    const problems: string[] = []
    for (const [lang, table] of Object.entries(MESSAGE_TABLES)) {
      for (const [code, template] of Object.entries(table)) {
        if (template.trim() === '') problems.push(`${lang} ${code}: empty`)
        for (const m of template.matchAll(PLACEHOLDER)) {
          if (m[2] !== undefined && !KINDS.has(m[2])) problems.push(`${lang} ${code}: unknown format ${m[2]}`)
          if (m[2] === 'plural' && (m[3] ?? '').split(':').length !== 3) problems.push(`${lang} ${code}: plural needs one:other`)
          if (m[2] !== 'plural' && m[3]) problems.push(`${lang} ${code}: options on ${m[2] ?? 'text'}`)
        }
        if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) problems.push(`${lang} ${code}: stray brace`)
      }
    }
    expect(problems).toEqual([])
  })

  it('no code is declared by two areas (a later table would silently win)', async () => {
    expect(duplicates(await areaTables('src/shared/messages/en', /\.ts$/))).toEqual([])
    expect(duplicates(await areaTables('src/renderer/i18n/messages', /^es-.*\.ts$/))).toEqual([])
  })
})

describe('formatTemplate', () => {
  it('plurals by the language rules', () => {
    const en = '{n} {n:plural:unit:units}'
    const es = '{n} {n:plural:unidad:unidades}'
    expect([0, 1, 2].map((n) => formatTemplate(en, { n }, { locale: 'en' }))).toEqual(['0 units', '1 unit', '2 units'])
    expect([0, 1, 2].map((n) => formatTemplate(es, { n }, { locale: 'es' }))).toEqual(['0 unidades', '1 unidad', '2 unidades'])
  })

  it('numbers with the language grouping', () => {
    expect(formatTemplate('{n:number}', { n: 1234567 }, { locale: 'en' })).toBe('1,234,567')
    expect(formatTemplate('{n:number}', { n: 1234567 }, { locale: 'es' })).toBe('1.234.567')
    expect(formatTemplate('{n:number}', { n: '12' }, { locale: 'es' })).toBe('12')
  })

  it('dates: day-month order per language, a date-only value never shifts a day', () => {
    expect(formatTemplate('{d:date}', { d: '2027-06-30' }, { locale: 'en', timeZone: 'Pacific/Kiritimati' })).toBe('06/30/2027')
    expect(formatTemplate('{d:date}', { d: '2027-06-30' }, { locale: 'es', timeZone: 'America/Los_Angeles' })).toBe('30/06/2027')
  })

  it('date-times and times on a 24-hour clock, in Spanish too', () => {
    const at = '2027-06-30T14:05:09Z'
    expect(formatTemplate('{at:datetime}', { at }, { locale: 'en', timeZone: 'UTC' })).toMatch(/^06\/30\/2027,? 14:05$/)
    expect(formatTemplate('{at:datetime}', { at }, { locale: 'es', timeZone: 'UTC' })).toMatch(/^30\/06\/2027,? 14:05$/)
    expect(formatTemplate('{at:time}', { at }, { locale: 'es', timeZone: 'UTC' })).toBe('14:05:09')
    expect(formatTemplate('{at:datetime}', { at: '2027-06-30T23:30:00Z' }, { locale: 'es', timeZone: 'Europe/Madrid' })).toMatch(/^01\/07\/2027,? 01:30$/)
  })

  it('missing, null and unparseable values', () => {
    expect(formatTemplate('[{a}]', {})).toBe('[—]')
    expect(formatTemplate('[{a}]', { a: null })).toBe('[—]')
    expect(formatTemplate('[{a}]', { a: '' }, { missing: '?' })).toBe('[?]')
    expect(formatTemplate('{d:date}', { d: 'soon' })).toBe('soon')
    expect(formatTemplate('{a} {b}', { a: 0, b: false })).toBe('0 false')
  })

  it('never throws, whatever the template and parameters', () => {
    const name = fc.constantFrom('a', 'n', 'at', 'x_1')
    const piece = fc.oneof(
      fc.string(),
      name.map((n) => `{${n}}`),
      fc.tuple(name, fc.constantFrom('number', 'date', 'datetime', 'time', 'plural', 'bogus')).map(([n, k]) => `{${n}:${k}}`),
      fc.tuple(name, fc.string(), fc.string()).map(([n, one, other]) => `{${n}:plural:${one}:${other}}`)
    )
    const value: fc.Arbitrary<ParamValue | undefined> = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'NaN' : d.toISOString()))
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        fc.dictionary(name, value),
        fc.constantFrom('en', 'es'),
        (template, params, locale) => {
          expect(typeof formatTemplate(template, params, { locale, timeZone: 'UTC' })).toBe('string')
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('renderMessage', () => {
  it('renders a known code in each language', () => {
    const message = { code: 'scan.too_long', params: { bytes: 5000, limit: 4096 } }
    expect(renderMessage(EN, message, { locale: 'en' })).toContain('5,000')
    expect(renderMessage(ES, message, { locale: 'es' })).toContain('5000')
    expect(renderMessage(ES, message, { locale: 'es' })).not.toBe(renderMessage(EN, message, { locale: 'en' }))
  })

  it('falls back to the code (and its parameters) for a code it does not know', () => {
    expect(renderMessage(ES, { code: 'gate.someday' })).toBe('gate.someday')
    const text = renderMessage(EN, { code: 'gate.someday', params: { n: 2 } })
    expect(text.startsWith('gate.someday')).toBe(true)
    expect(text).toContain('"n":2')
    expect(renderMessage(EN, { code: 'toString' })).toBe('toString')
  })

  it('english() is the English table, times in UTC', () => {
    expect(english({ code: 'gs1.check_digit', params: { label: 'GTIN', expected: '3', got: '4', ai: '01', position: 3 } })).toBe(
      'GTIN check digit should be 3, scanned 4 (AI 01 at position 3)'
    )
  })
})
