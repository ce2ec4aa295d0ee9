import type Database from 'better-sqlite3'
import { buildSscc } from '../../shared/codes/checkdigit'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { SettingsRepository } from '../store/repositories/settings'

/** Where this station's SSCCs come from: GS1 company prefix, extension digit and its own reference range. */
export interface SsccConfig {
  companyPrefix: string
  extensionDigit: number
  rangeStart: number
  rangeEnd: number
}

const SETTINGS_KEY = 'sscc'
/** One counter per configured range: `sscc:<extension>:<prefix>:<range start>`. */
const prefixKey = (c: SsccConfig) => `sscc:${c.extensionDigit}:${c.companyPrefix}:`
const sequenceName = (c: SsccConfig) => `${prefixKey(c)}${c.rangeStart}`

export function validateSsccConfig(config: SsccConfig): void {
  if (!/^\d{6,12}$/.test(config.companyPrefix)) {
    throw new AppFailure('sscc.company_prefix', `The GS1 Company Prefix must be 6 to 12 digits; got "${config.companyPrefix}".`)
  }
  if (!Number.isInteger(config.extensionDigit) || config.extensionDigit < 0 || config.extensionDigit > 9) {
    throw new AppFailure('sscc.extension', `The extension digit must be 0–9; got ${config.extensionDigit}.`)
  }
  const capacity = 10 ** (16 - config.companyPrefix.length)
  const { rangeStart: start, rangeEnd: end } = config
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= capacity) {
    throw new AppFailure(
      'sscc.range',
      `The serial reference range must be whole numbers with 0 ≤ start ≤ end < ${capacity.toLocaleString('en-US')} for a ${config.companyPrefix.length}-digit prefix; got ${start}–${end}.`
    )
  }
}

/**
 * Issues SSCCs from a counter persisted in the `sequences` table. Each station gets its own reference
 * range, so two stations never issue the same SSCC even offline. An issued number is never reused:
 * the counter moves in the same transaction as the `sscc.issued` event.
 */
export function createSsccIssuer(db: Database.Database, settings: SettingsRepository, events: EventLog) {
  const readSequence = db.prepare<[string], { next: number; last: number }>('SELECT next, last FROM sequences WHERE name = ?')
  const sequencesOf = db.prepare<[string, string], { name: string; next: number }>('SELECT name, next FROM sequences WHERE substr(name, 1, length(?)) = ?')
  const upsertSequence = db.prepare(
    'INSERT INTO sequences (name, next, last) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET next = max(sequences.next, excluded.next), last = excluded.last'
  )
  const advance = db.prepare('UPDATE sequences SET next = next + ? WHERE name = ?')

  const config = (): SsccConfig | null => settings.read<SsccConfig>(SETTINGS_KEY) ?? null

  /**
   * Where a (re)configured range may start so that no number this station issued before is issued
   * again: past every earlier range's issued part [start, next − 1] that reaches into the new range.
   */
  const firstUnissued = (c: SsccConfig): number => {
    const key = prefixKey(c)
    let first = c.rangeStart
    for (const row of sequencesOf.all(key, key)) {
      const start = Number(row.name.slice(key.length))
      const lastIssued = row.next - 1
      if (lastIssued >= start && start <= c.rangeEnd && lastIssued >= first) first = lastIssued + 1
    }
    return first
  }

  return {
    config,
    configure(next: SsccConfig, operatorId: number | null): SsccConfig {
      validateSsccConfig(next)
      events.record(
        () => {
          const first = firstUnissued(next)
          if (first > next.rangeEnd) {
            throw new AppFailure('sscc.range_used', `Every serial reference in ${next.rangeStart}–${next.rangeEnd} was already issued by this station; choose a new range.`)
          }
          settings.write(SETTINGS_KEY, next)
          upsertSequence.run(sequenceName(next), first, next.rangeEnd)
        },
        () => ({ type: 'sscc.configured', operatorId, payload: { ...next } })
      )
      return next
    },
    remaining(): number {
      const c = config()
      if (!c) return 0
      const seq = readSequence.get(sequenceName(c))
      return seq ? Math.max(0, seq.last - seq.next + 1) : 0
    },
    issue(count: number, operatorId: number | null): string[] {
      const c = config()
      if (!c) {
        throw new AppFailure('sscc.not_configured', 'No SSCC range is configured for this station: run `dockside sscc configure` (company prefix, extension digit, range).')
      }
      return events.record(
        () => {
          const seq = readSequence.get(sequenceName(c))
          if (!seq || seq.next + count - 1 > seq.last) {
            const left = seq ? Math.max(0, seq.last - seq.next + 1) : 0
            throw new AppFailure('sscc.range_exhausted', `This station's SSCC range ${c.rangeStart}–${c.rangeEnd} has ${left} numbers left; ${count} requested. Ask for a new range.`)
          }
          advance.run(count, sequenceName(c))
          const width = 16 - c.companyPrefix.length
          return Array.from({ length: count }, (_, i) => {
            const built = buildSscc(c.companyPrefix, c.extensionDigit, String(seq.next + i).padStart(width, '0'))
            if (!built.ok) throw new AppFailure(built.error.code, built.error.message)
            return built.value
          })
        },
        (ssccs) => ({ type: 'sscc.issued', operatorId, payload: { ssccs } })
      ).result
    }
  }
}

export type SsccIssuer = ReturnType<typeof createSsccIssuer>
