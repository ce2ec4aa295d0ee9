import type Database from 'better-sqlite3'
import { join } from 'node:path'
import type { ScanClassification } from '../../../src/shared/codes/gs1/index'
import type { ExceptionInput } from '../../../src/main/workflows/receiving/exceptions'
import { createReceivingWorkflow, type ReceivingWorkflow, type TypedReceipt } from '../../../src/main/workflows/receiving/workflow'
import { createEventLog } from '../../../src/main/store/event-log'
import { seedDemoData, DEMO_OPERATORS, demoDates } from '../../../src/main/store/demo-data'
import { createOperatorRepository } from '../../../src/main/store/repositories/operators'
import { createSettingsRepository } from '../../../src/main/store/repositories/settings'
import { createTerminalRepository } from '../../../src/main/store/repositories/terminals'
import { createTerminals } from '../../../src/main/terminals/terminals'
import { testNow } from '../../helpers/clock'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { openStore } from '../../../src/main/store/db'

/** The store's connection under a name the declaration emitter can refer to. */
export interface RigDb extends Database.Database {}

export const GS = '\u001d'
export const MONITOR_GTIN = '09521234543213'
export const PEN_GTIN = '80614141123458'
export const PALLET = '106141412345678908'
/** The terminal the rig's calls come from (another one can be had with `rig.terminal(id)`). */
export const TERMINAL = 'rig-1'

/** The code of the error `fn` throws (an AppFailure), or null when it does not throw. */
export function thrownCode(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
}

/** The receiving workflow as one terminal uses it. */
export function terminalApi(workflow: ReceivingWorkflow, terminalId: string, operatorId: () => number | null) {
  const call = () => ({ terminalId, operatorId: operatorId() })
  return {
    handleScan: (c: ScanClassification, text: string) => workflow.handleScan(call(), c, text),
    submit: (text: string) => workflow.submit(call(), text),
    receiveTyped: (input: TypedReceipt) => workflow.receiveTyped(call(), input),
    open: (number: string) => workflow.open(call(), number),
    leave: () => workflow.leave(call()),
    cancelPending: () => workflow.cancelPending(call()),
    setPlate: (code: string) => workflow.setPlate(call(), code),
    newPlate: () => workflow.newPlate(call()),
    currentPlate: () => workflow.currentPlate(terminalId),
    exception: (input: ExceptionInput) => workflow.exception(call(), input),
    undo: () => workflow.undo(call()),
    state: () => workflow.state(terminalId),
    orders: workflow.orders,
    close: (note: string | null = null) => workflow.close(call(), note)
  }
}

/** A demo store with the receiving service, an operator signed in, and event helpers. */
export function openRig(options: { dataDir?: string; demo?: boolean; now?: () => Date } = {}) {
  const now = options.now ?? testNow
  // The store alone (not the helpers' station): receiving is tested without the rest of the station.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dockside-rcv-'))
  const store = openStore({ dataDir })
  const db: RigDb = store.db
  const settings = createSettingsRepository(db)
  const stationId = settings.stationId()
  const eventLog = createEventLog(db, stationId, { now })
  const operators = createOperatorRepository(db)
  if (options.demo !== false) {
    seedDemoData(db, eventLog, { operators, settings }, Object.fromEntries(DEMO_OPERATORS.map((o) => [o.badge, 'x'])), now)
  }
  let operatorId: number | null = (db.prepare('SELECT id FROM operators ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id ?? null
  const terminals = createTerminals(createTerminalRepository(db), now)
  const changes: Array<{ terminalId: string; order: string | null }> = []
  const workflow = createReceivingWorkflow({
    db,
    eventLog,
    terminals,
    operatorId: () => operatorId,
    stationId,
    reportsDir: join(dataDir, 'reports'),
    reportWorker: false,
    now,
    onChange: (terminalId, state) => changes.push({ terminalId, order: state.order?.number ?? null })
  })
  const svc = terminalApi(workflow, TERMINAL, () => operatorId)
  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n
  return {
    dataDir,
    store,
    db,
    eventLog,
    stationId,
    workflow,
    terminals,
    svc,
    /** The receiving state changes sent, per terminal (after each commit). */
    changes,
    terminal: (id: string) => terminalApi(workflow, id, () => operatorId),
    /** The demo ASN's dates for the rig's clock (expiry as YYYY-MM-DD and as AI 17). */
    dates: demoDates(now()),
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
