import { afterEach, describe, expect, it } from 'vitest'
import type { BatchProgressInfo, LabelLookup, LabelPreview, PrinterInfo, PrintJobSummary } from '../../../src/shared/contract-areas/labels'
import type { Station } from '../../../src/main/station'
import { startTestStation } from '../../helpers/store'
import { decodePng } from '../../unit/labels/decode'
import { waitFor } from './queue-helpers'

let station: Station | undefined
afterEach(async () => {
  station?.close()
  await station?.printing.close()
  station = undefined
})

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await station!.dispatch(method, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('printing in the station (demo mode)', () => {
  it('starts the emulator, registers it as a printer, previews, prints and shows status', async () => {
    station = await startTestStation({ demo: true })
    const printers = await call<PrinterInfo[]>('print.printers', {})
    expect(printers.map((p) => p.id)).toEqual(['demo-zebra'])
    expect(station.devices.list().find((d) => d.id === 'demo-zebra')).toMatchObject({ kind: 'printer', simulated: true })
    const info = await call<{ settings: { printerId: string } }>('station.info', {})
    expect(info.settings.printerId).toBe('demo-zebra')

    const data = { gtin: '09521234543213', serial: 'DEMO-1', description: '^XA hostile ~JA' }
    const preview = await call<LabelPreview>('labels.preview', { template: 'unit', data, printerId: 'demo-zebra' })
    const decoded = await decodePng(Buffer.from(preview.png, 'base64'))
    expect(decoded.map((d) => d.text).sort()).toEqual(['(01)09521234543213(21)DEMO-1', 'DEMO-1'])

    const job = await call<PrintJobSummary>('print.enqueue', { printerId: 'demo-zebra', template: 'unit', data })
    await waitFor(() => station!.printing.queue.job(job.id)?.status === 'confirmed')
    expect(station.printing.emulator!.labels()).toHaveLength(1)
    await call('print.poll', { printerId: 'demo-zebra' })
    expect(station.devices.list().find((d) => d.id === 'demo-zebra')?.state).toBe('connected')

    station.printing.emulator!.state = 'head-open'
    const polled = await call<PrinterInfo>('print.poll', { printerId: 'demo-zebra' })
    expect(polled).toMatchObject({ online: true, ready: false, summary: 'head open' })
    expect(station.devices.list().find((d) => d.id === 'demo-zebra')).toMatchObject({ state: 'error', lastError: 'head open' })

    const dup = await station.dispatch('print.enqueue', { printerId: 'demo-zebra', template: 'unit', data })
    expect(!dup.ok && dup.error.code).toBe('print.already_printed')
    const noReason = await station.dispatch('print.reprint', { jobId: job.id, reason: '' })
    expect(!noReason.ok && noReason.error.code).toBe('invalid_input')
  })

  it('batch prints with progress over the contract; lookup falls back to the scanned GS1 data', async () => {
    station = await startTestStation({ demo: true })
    const items = Array.from({ length: 20 }, (_, i) => ({ template: 'unit', data: { gtin: '09521234543213', serial: `ASN-${i}` } }))
    const batch = await call<BatchProgressInfo>('print.batch', { printerId: 'demo-zebra', title: 'ASN 1', items })
    expect(batch.total).toBe(20)
    await waitFor(() => station!.printing.queue.batch(batch.id)?.status === 'done', 15_000)
    const progress = await call<BatchProgressInfo>('print.batchStatus', { batchId: batch.id })
    expect(progress).toMatchObject({ confirmed: 20, queued: 0, status: 'done' })

    const lookup = await call<LabelLookup>('labels.lookup', { code: '(01)09521234543213(21)NEW-9(17)270630' })
    expect(lookup).toMatchObject({ found: 'gs1', template: 'unit', data: { gtin: '09521234543213', serial: 'NEW-9', expiry: '2027-06-30' } })
    const none = await call<LabelLookup>('labels.lookup', { code: 'nothing-here' })
    expect(none.found).toBe('none')
  })
})
