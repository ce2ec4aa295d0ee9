import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { createReceiving } from '../../../src/main/services/receiving'
import { createEventLog } from '../../../src/main/store/event-log'
import { seedDemoData, DEMO_OPERATORS } from '../../../src/main/store/demo-data'
import { createOperatorRepository } from '../../../src/main/store/repositories/operators'
import { createSettingsRepository } from '../../../src/main/store/repositories/settings'
import { makeTempDir, openTempStore } from '../../helpers/store'

/** The store's connection under a name the declaration emitter can refer to. */
export interface RigDb extends Database.Database {}

export const GS = '\u001d'
export const MONITOR_GTIN = '09521234543213'
export const PEN_GTIN = '80614141123458'
export const PALLET = '106141412345678908'

/** A demo store with the receiving service, an operator signed in, and event helpers. */
export function openRig(options: { dataDir?: string; demo?: boolean; now?: () => Date } = {}) {
  const dataDir = options.dataDir ?? makeTempDir('dockside-rcv-')
  const store = openTempStore(dataDir)
  const db: RigDb = store.db
  const settings = createSettingsRepository(db)
  const stationId = settings.stationId()
  const eventLog = createEventLog(db, stationId)
  const operators = createOperatorRepository(db)
  if (options.demo !== false) {
    seedDemoData(db, eventLog, { operators, settings }, Object.fromEntries(DEMO_OPERATORS.map((o) => [o.badge, 'x'])))
  }
  let operatorId: number | null = (db.prepare('SELECT id FROM operators ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id ?? null
  const receiving = createReceiving({
    db,
    eventLog,
    operatorId: () => operatorId,
    stationId,
    reportsDir: join(dataDir, 'reports'),
    reportWorker: false,
    ...(options.now ? { now: options.now } : {})
  })
  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n
  return {
    dataDir,
    store,
    db,
    eventLog,
    stationId,
    receiving,
    svc: receiving.service,
    setOperator: (id: number | null) => (operatorId = id),
    operatorIds: () => (db.prepare('SELECT id FROM operators ORDER BY id').all() as { id: number }[]).map((r) => r.id),
    events: (type?: string): EventRow[] =>
      (db.prepare(`SELECT * FROM events ${type ? 'WHERE type = ?' : ''} ORDER BY id`).all(...(type ? [type] : [])) as Array<Omit<EventRow, 'payload'> & { payload: string }>).map((e) => ({
        ...e,
        payload: JSON.parse(e.payload) as Record<string, unknown>
      })),
    count,
    /** Rows in the tables a refused scan must not touch. */
    snapshot: () => ({
      units: count('SELECT count(*) AS n FROM units'),
      events: count('SELECT count(*) AS n FROM events'),
      receipts: count('SELECT count(*) AS n FROM receipts'),
      plates: count('SELECT count(*) AS n FROM license_plates'),
      lots: count('SELECT count(*) AS n FROM lots'),
      outbox: count('SELECT count(*) AS n FROM outbox')
    }),
    close: () => store.close()
  }
}

export type Rig = ReturnType<typeof openRig>

export interface EventRow {
  id: number
  uuid: string
  type: string
  occurred_at: string
  station_id: string
  operator_id: number | null
  unit_id: number | null
  plate_id: number | null
  order_id: number | null
  location_id: number | null
  reason: string | null
  payload: Record<string, unknown>
}

export const dm = (gtin: string, serial: string, extra: { lot?: string; expiry?: string; made?: string } = {}) =>
  `]d201${gtin}${extra.made ? `11${extra.made}` : ''}${extra.expiry ? `17${extra.expiry}` : ''}${extra.lot ? `10${extra.lot}${GS}` : ''}21${serial}`
