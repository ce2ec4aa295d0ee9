import { describe, expect, it } from 'vitest'
import { createEventLog } from '../../../src/main/store/event-log'
import { openTempStore } from '../../helpers/store'

const count = (db: import('better-sqlite3').Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('event log', () => {
  it('writes state, event and outbox row in one transaction', () => {
    const store = openTempStore()
    const log = createEventLog(store.db, 'station-1')
    const { event, result } = log.record(
      () => Number(store.db.prepare("INSERT INTO suppliers (code, name) VALUES ('S1', 'Supplier')").run().lastInsertRowid),
      (supplierId) => ({ type: 'supplier.created', payload: { supplierId } })
    )
    expect(result).toBe(1)
    expect(event).toMatchObject({ id: 1, type: 'supplier.created', stationId: 'station-1' })
    const row = store.db.prepare('SELECT e.type, e.payload, o.event_id FROM events e JOIN outbox o ON o.event_id = e.id').get() as Record<string, unknown>
    expect(row).toEqual({ type: 'supplier.created', payload: '{"supplierId":1}', event_id: 1 })
    store.close()
  })

  it('writes nothing when the state change fails', () => {
    const store = openTempStore()
    const log = createEventLog(store.db, 'station-1')
    expect(() =>
      log.record(
        () => {
          store.db.prepare("INSERT INTO suppliers (code, name) VALUES ('S1', 'Supplier')").run()
          store.db.prepare("INSERT INTO suppliers (code, name) VALUES ('S1', 'Duplicate')").run()
        },
        () => ({ type: 'supplier.created', payload: {} })
      )
    ).toThrow(/UNIQUE/)
    expect([count(store.db, 'suppliers'), count(store.db, 'events'), count(store.db, 'outbox')]).toEqual([0, 0, 0])
    store.close()
  })

  it('writes nothing when describing the event fails after the state change', () => {
    const store = openTempStore()
    const log = createEventLog(store.db, 'station-1')
    expect(() =>
      log.record(
        () => store.db.prepare("INSERT INTO suppliers (code, name) VALUES ('S1', 'Supplier')").run(),
        () => {
          throw new Error('cannot describe')
        }
      )
    ).toThrow('cannot describe')
    expect([count(store.db, 'suppliers'), count(store.db, 'events'), count(store.db, 'outbox')]).toEqual([0, 0, 0])
    store.close()
  })

  it('nested records join the outer transaction and notify once it commits', () => {
    const store = openTempStore()
    const committed: string[] = []
    const log = createEventLog(store.db, 'station-1', { onCommitted: (e) => committed.push(e.type) })
    log.record(
      () => log.append({ type: 'inner', payload: {} }),
      () => ({ type: 'outer', payload: {} })
    )
    expect(committed).toEqual(['outer'])
    expect(count(store.db, 'events')).toBe(2)
    expect(count(store.db, 'outbox')).toBe(2)
    store.close()
  })
})
