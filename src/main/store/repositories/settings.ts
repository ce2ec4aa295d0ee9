import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { SYNC_TOKEN_REDACTED, type StationSettings } from '../../../shared/model/station'
import type { EventLog } from '../event-log'

export const DEFAULT_SETTINGS: StationSettings = {
  stationName: 'Dockside station',
  site: '',
  dock: '',
  language: 'en',
  printerId: '',
  labelPrinters: { unit: '', carton: '', pallet: '' },
  scannerIds: [],
  rfidReaderId: '',
  wedgeGsSubstitutes: ['<GS>', '{GS}'],
  wedgeInterKeyMs: 40,
  wedgeEndTimeoutMs: 200,
  wedgePrefix: '',
  wedgeSuffix: 'Enter',
  wedgeMinLength: 4,
  disabledScannerIds: [],
  scannerTerminals: {},
  syncServerUrl: '',
  syncToken: '',
  rfidReaders: [],
  rfidTerminals: {},
  gateSilenceMs: 3000,
  badgeSignIn: false,
  idleSignOutMinutes: 30
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof StationSettings)[]

/** Station settings live in the store (key → JSON value), so they survive reinstalls of the app. */
export function createSettingsRepository(db: Database.Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')

  const read = <T>(key: string): T | undefined => {
    const row = select.get(key)
    return row === undefined ? undefined : (JSON.parse(row.value) as T)
  }
  const write = (key: string, value: unknown): void => {
    upsert.run(key, JSON.stringify(value))
  }

  return {
    read,
    write,
    /** The station's permanent identity, made on first start. */
    stationId(): string {
      const existing = read<string>('internal.stationId')
      if (existing) return existing
      const id = randomUUID()
      write('internal.stationId', id)
      return id
    },
    isDemo: (): boolean => read<boolean>('internal.demo') === true,
    markDemo: (): void => write('internal.demo', true),
    get(): StationSettings {
      const settings = { ...DEFAULT_SETTINGS }
      for (const key of SETTING_KEYS) {
        const value = read<never>(key)
        if (value !== undefined) (settings as Record<string, unknown>)[key] = value
      }
      // The token is a secret: never handed out (settings.get, diagnostics, events), only used by sync.
      if (settings.syncToken !== '') settings.syncToken = SYNC_TOKEN_REDACTED
      return settings
    },
    /** The stored upstream token in clear, for the sync engine only ('' when none). */
    syncToken: (): string => read<string>('syncToken') ?? '',
    update(patch: Partial<StationSettings>, events: EventLog, operatorId: number | null): StationSettings {
      // Writing the redacted placeholder back (a settings form round trip) keeps the stored token.
      const changed = SETTING_KEYS.filter((k) => patch[k] !== undefined && !(k === 'syncToken' && patch[k] === SYNC_TOKEN_REDACTED))
      const previous = this.get()
      // The audit trail (ADR 0015): the new values, and under `before` what they replaced.
      const before = Object.fromEntries(changed.map((k) => [k, previous[k]]))
      events.record(
        () => {
          for (const key of changed) write(key, patch[key])
        },
        () => ({ type: 'settings.changed', operatorId, payload: { ...Object.fromEntries(changed.map((k) => [k, k === 'syncToken' ? (patch[k] ? SYNC_TOKEN_REDACTED : '') : patch[k]])), before } })
      )
      return this.get()
    }
  }
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>
