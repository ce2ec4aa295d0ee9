import { afterEach, describe, expect, it } from 'vitest'
import { createDeviceRegistry } from '../../../src/main/devices/registry'
import { silentLogger } from '../../../src/main/logging'
import { openStore, type Store } from '../../../src/main/store/db'
import { createEventLog } from '../../../src/main/store/event-log'
import { createPrintingModule, type PrintingModule } from '../../../src/main/workflows/printing/module'
import type { CallContext } from '../../../src/shared/contract'
import { testNow } from '../../helpers/clock'
import { makeTempDir, waitFor } from './queue-helpers'

const ctx: CallContext = { terminalId: 'bench-1', host: 'internal' }
let store: Store | undefined
let module: PrintingModule | undefined
afterEach(async () => {
  await module?.close()
  store?.close()
  module = undefined
  store = undefined
})

async function start(): Promise<{ module: PrintingModule; events: unknown[]; printerId: () => string }> {
  const dataDir = makeTempDir()
  store = openStore({ dataDir, stationLock: false })
  let printerId = ''
  const events: unknown[] = []
  module = await createPrintingModule({
    db: store.db,
    eventLog: createEventLog(store.db, 'test-station'),
    devices: createDeviceRegistry(),
    logger: silentLogger(),
    dataDir,
    demo: true,
    now: testNow,
    operatorId: () => null,
    emit: (event, payload) => events.push({ event, payload }),
    printerId: () => printerId,
    setPrinterId: (id) => (printerId = id),
    pollMs: 0
  })
  return { module, events, printerId: () => printerId }
}

describe('the printing workflow module', () => {
  it('runs the demo printer, prints through its handlers and closes with the worker idle', async () => {
    const { module, events, printerId } = await start()
    expect(module.name).toBe('printing')
    expect(printerId()).toBe('demo-zebra')
    const job = await module.handlers['print.enqueue']({ printerId: 'demo-zebra', template: 'unit', data: { gtin: '09521234543213', serial: 'M-1' } }, ctx)
    await waitFor(() => module.queue.job(job.id)?.status === 'confirmed')
    expect(events).toContainEqual({ event: 'print.changed', payload: { printerId: 'demo-zebra', jobId: job.id, batchId: null } })

    module.emulator!.state = 'paper-out'
    const polled = await module.handlers['print.poll']({ printerId: 'demo-zebra' }, ctx)
    expect(polled).toMatchObject({ ready: false, summary: { code: 'printer.state.paper_out' } })

    // A job waiting on the printer at shutdown stays queued (nothing sent), and close() resolves.
    const held = await module.handlers['print.enqueue']({ printerId: 'demo-zebra', template: 'unit', data: { gtin: '09521234543213', serial: 'M-2' } }, ctx)
    await waitFor(() => module.queue.job(held.id)?.heldReason?.code === 'printer.state.paper_out')
    await module.close()
    expect(module.queue.job(held.id)).toMatchObject({ status: 'queued', attempts: 0 })
  })

  it('refuses with typed codes', async () => {
    const { module } = await start()
    expect(() => module.handlers['print.batchStatus']({ batchId: 99 }, ctx)).toThrow(expect.objectContaining({ code: 'print.unknown_batch', params: { batchId: 99 } }))
    await expect(module.handlers['labels.preview']({ template: 'unit', data: { gtin: '09521234543213' } }, ctx)).rejects.toMatchObject({
      code: 'label.missing_field',
      params: { field: 'serial' }
    })
  })
})
