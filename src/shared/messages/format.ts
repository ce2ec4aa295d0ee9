/**
 * Message templates: `{name}` inserts a parameter; `{name:number}`, `{name:date}`, `{name:datetime}` and
 * `{name:time}` format it for the reader's language; `{name:plural:one:other}` picks a word by the number
 * (`{units} {units:plural:unit:units}`). No nesting, so the parameter names can be read off a template by
 * the type checker (see `TemplateParams`) and by a test.
 */
export type ParamValue = string | number | boolean | null

/** The parameter names a template literal type uses. */
export type TemplateParams<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:${string}` ? N : P) | TemplateParams<Rest>
  : never

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+)((?::[^:{}]*)*))?\}/g

/** The parameter names in a template, as written. */
export function templateParams(template: string): string[] {
  const names = new Set<string>()
  for (const m of template.matchAll(PLACEHOLDER)) names.add(m[1]!)
  return [...names]
}

export interface FormatOptions {
  /** BCP 47 tag for numbers, dates and plural rules (default `en`). */
  locale?: string
  /** Time zone for `date`/`datetime`/`time` (default: the runtime's). */
  timeZone?: string
  /** Text for a missing or null parameter (default `—`). */
  missing?: string
}

const pluralCache = new Map<string, Intl.PluralRules>()
function pluralOf(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralCache.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralCache.set(locale, rules)
  }
  return rules.select(n)
}

function formatDate(value: ParamValue, kind: string, options: FormatOptions): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  const locale = options.locale ?? 'en'
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  const zone = dateOnly ? 'UTC' : options.timeZone
  const base: Intl.DateTimeFormatOptions = zone ? { timeZone: zone } : {}
  if (kind === 'date') return date.toLocaleDateString(locale, { ...base, year: 'numeric', month: '2-digit', day: '2-digit' })
  if (kind === 'time') return date.toLocaleTimeString(locale, { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
  return date.toLocaleString(locale, { ...base, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/**
 * An instant (ISO text or epoch ms) as the reader's local time, 24-hour in every language: `time` for
 * today's screens (status bar, device lists), `datetime` where the day matters. Unparsable input comes
 * back as it was rather than "Invalid Date".
 */
export function formatInstant(value: string | number, kind: 'time' | 'datetime', options: FormatOptions = {}): string {
  return formatDate(value, kind, options) ?? String(value)
}

/** Fills a template with parameters for one language. Unknown formats print the raw value. */
export function formatTemplate(template: string, params: Readonly<Record<string, ParamValue | undefined>>, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en'
  const missing = options.missing ?? '—'
  return template.replace(PLACEHOLDER, (_all, name: string, kind: string | undefined, rest: string | undefined) => {
    const value = params[name]
    if (kind === 'plural') {
      const [one = '', other = ''] = (rest ?? '').slice(1).split(':')
      const n = typeof value === 'number' ? value : Number(value)
      return pluralOf(locale, Number.isFinite(n) ? n : 0) === 'one' ? one : other
    }
    if (value === null || value === undefined || value === '') return missing
    if (kind === 'number') return typeof value === 'number' ? value.toLocaleString(locale) : String(value)
    if (kind === 'date' || kind === 'datetime' || kind === 'time') return formatDate(value, kind, options) ?? missing
    return String(value)
  })
}
