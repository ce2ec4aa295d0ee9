import { buildSscc } from '../../shared/codes/checkdigit'
import type { MessageCode } from '../../shared/messages/catalog'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { SettingsRepository } from '../store/repositories/settings'
import { createSsccRepository } from '../store/repositories/sscc'
import type { Db } from '../store/sql'

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
    throw new AppFailure('sscc.company_prefix', { got: config.companyPrefix })
  }
  if (!Number.isInteger(config.extensionDigit) || config.extensionDigit < 0 || config.extensionDigit > 9) {
    throw new AppFailure('sscc.extension', { got: config.extensionDigit })
  }
  const capacity = 10 ** (16 - config.companyPrefix.length)
  const { rangeStart: start, rangeEnd: end } = config
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= capacity) {
    throw new AppFailure('sscc.range', { capacity, digits: config.companyPrefix.length, start, end })
  }
}

/**
 * Issues SSCCs from a counter persisted in the `sequences` table. Each station gets its own reference
 * range, so two stations never issue the same SSCC even offline. An issued number is never reused:
 * the counter moves in the same transaction as the `sscc.issued` event.
 */
export function createSsccIssuer(db: Db, settings: SettingsRepository, events: EventLog) {
  const { readSequence, sequencesOf, upsertSequence, advance } = createSsccRepository(db)

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
    /** The part [start, last issued] of a range this station already issued from that the new range overlaps, or null. */
    usedOverlap(c: SsccConfig): { start: number; end: number } | null {
      const key = prefixKey(c)
      for (const row of sequencesOf.all(key, key)) {
        const start = Number(row.name.slice(key.length))
        const lastIssued = row.next - 1
        if (lastIssued >= start && start <= c.rangeEnd && lastIssued >= c.rangeStart) return { start, end: lastIssued }
      }
      return null
    },
    configure(next: SsccConfig, operatorId: number | null): SsccConfig {
      validateSsccConfig(next)
      events.record(
        () => {
          const first = firstUnissued(next)
          if (first > next.rangeEnd) {
            throw new AppFailure('sscc.range_used', { start: next.rangeStart, end: next.rangeEnd })
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
        throw new AppFailure('sscc.not_configured', {})
      }
      return events.record(
        () => {
          const seq = readSequence.get(sequenceName(c))
          if (!seq || seq.next + count - 1 > seq.last) {
            const left = seq ? Math.max(0, seq.last - seq.next + 1) : 0
            throw new AppFailure('sscc.range_exhausted', { start: c.rangeStart, end: c.rangeEnd, left, count })
          }
          advance.run(count, sequenceName(c))
          const width = 16 - c.companyPrefix.length
          return Array.from({ length: count }, (_, i) => {
            const built = buildSscc(c.companyPrefix, c.extensionDigit, String(seq.next + i).padStart(width, '0'))
            // Cannot happen with a validated configuration; the shared code's own error if it does.
            if (!built.ok) throw new AppFailure(built.error.code as MessageCode, { detail: built.error.message } as never)
            return built.value
          })
        },
        (ssccs) => ({ type: 'sscc.issued', operatorId, payload: { ssccs } })
      ).result
    }
  }
}

export type SsccIssuer = ReturnType<typeof createSsccIssuer>
