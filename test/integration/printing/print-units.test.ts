import { afterEach, describe, expect, it } from 'vitest'
import type { PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { createLabelDataRepository } from '../../../src/main/store/repositories/label-data'
import { createPrintingHandlers } from '../../../src/main/workflows/printing/handlers'
import type { CallContext } from '../../../src/shared/contract'
import { testNow } from '../../helpers/clock'
import { emulatorPrinter, labels, openRig, type Rig } from './queue-helpers'
import { createPrinterRegistry } from '../../../src/main/workflows/printing/registry'
import type { PrinterRow } from '../../../src/main/store/repositories/print-queue'

const ctx: CallContext = { terminalId: 'bench-1', host: 'internal' }
let rig: Rig | undefined
let emu: PrinterEmulator | undefined
afterEach(async () => {
  await rig?.close()
  await emu?.close()
  rig = undefined
  emu = undefined
})

/** Two units of a GTIN item (one with lot and expiry) and one of an item without a GTIN. */
function seedUnits(r: Rig): { full: number; bare: number; noGtin: number } {
  const now = testNow().toISOString()
  const item = (sku: string, gtin: string | null, description: string) =>
    Number(r.store.db.prepare("INSERT INTO items (sku, gtin, description, tracking, created_at) VALUES (?, ?, ?, 'serial', ?)").run(sku, gtin, description, now).lastInsertRowid)
  const unit = (itemId: number, serial: string, lot: string | null, expiry: string | null) =>
    Number(r.store.db.prepare('INSERT INTO units (item_id, serial, lot, expiry, updated_at) VALUES (?, ?, ?, ?, ?)').run(itemId, serial, lot, expiry, now).lastInsertRowid)
  const pens = item('PEN', '09521234543213', 'Insulin pen '.repeat(20))
  const loose = item('LOOSE', null, 'Loose part')
  return { full: unit(pens, 'U-1', 'L7', '2031-02-28'), bare: unit(pens, 'U-2', null, null), noGtin: unit(loose, 'U-3', null, null) }
}

/** These tests never add, remove or test a printer. */
const unusedRegistry = (queue: { printers(): PrinterRow[]; queuedCount(id: string): number }) =>
  createPrinterRegistry({ store: { printers: () => queue.printers(), save: () => undefined, queuedCount: (id) => queue.queuedCount(id) }, now: testNow, connect: () => { throw new Error('not used by these tests') } })

describe('labels.printUnits', () => {
  it('builds unit labels from the store and queues them; reports units it cannot label', async () => {
    rig = openRig()
    emu = await emulatorPrinter(rig, 'p1')
    const ids = seedUnits(rig)
    const handlers = createPrintingHandlers({
      queue: rig.queue,
      registry: unusedRegistry(rig.queue),
      labels,
      labelData: createLabelDataRepository(rig.store.db),
      printerId: () => 'p1',
      now: testNow,
      track: (p) => p
    })
    const r = await handlers['labels.printUnits']({ unitIds: [ids.full, ids.bare, ids.noGtin, 999_999] }, ctx)
    expect(r.jobs.map((j) => j.unitId)).toEqual([ids.full, ids.bare])
    expect(r.jobs[0]!.data).toMatchObject({ gtin: '09521234543213', serial: 'U-1', lot: 'L7', expiry: '2031-02-28' })
    expect([...r.jobs[0]!.data.description!].length).toBeLessThanOrEqual(120)
    expect(r.jobs[1]!.data).not.toHaveProperty('expiry')
    expect(r.skipped).toEqual([
      { unitId: ids.noGtin, reason: { code: 'label.unit_without_gtin', params: { serial: 'U-3' } } },
      { unitId: 999_999, reason: { code: 'label.unknown_unit', params: { unitId: 999_999 } } }
    ])
    await rig.queue.kick('p1')
    expect(emu.labels()).toHaveLength(2)

    // Printed at most once: asking again reports the unit instead of printing a second original.
    const again = await handlers['labels.printUnits']({ unitIds: [ids.full] }, ctx)
    expect(again.jobs).toHaveLength(0)
    expect(again.skipped[0]).toMatchObject({ unitId: ids.full, reason: { code: 'print.already_printed' } })
  })

  it('refuses without a printer', async () => {
    rig = openRig()
    const handlers = createPrintingHandlers({ queue: rig.queue, registry: unusedRegistry(rig.queue), labels, labelData: createLabelDataRepository(rig.store.db), printerId: () => '', now: testNow, track: (p) => p })
    expect(() => handlers['labels.printUnits']({ unitIds: [1] }, ctx)).toThrow(expect.objectContaining({ code: 'print.no_printer' }))
  })
})
