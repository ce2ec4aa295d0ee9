import { afterEach, describe, expect, it } from 'vitest'
import type { BatchProgressInfo, LabelLookup, LabelPreview, PrinterInfo, PrintJobSummary } from '../../../src/shared/contract-areas/labels'
import type { Station } from '../../../src/main/station'
import { testNow } from '../../helpers/clock'
import { startTestStation } from '../../helpers/store'
import { decodePng } from '../../unit/labels/decode'
import { waitFor } from './queue-helpers'

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await station!.dispatch(method, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** `YYMM` of a month a year after the test clock's, and the ISO date of its last day. */
function monthAhead(): { yymm: string; lastDay: string } {
  const now = testNow()
  const y = now.getUTCFullYear() + 1
  const m = now.getUTCMonth()
  const last = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10)
  return { yymm: last.slice(2, 4) + last.slice(5, 7), lastDay: last }
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
    expect(polled).toMatchObject({ online: true, ready: false, summary: { code: 'printer.state.head_open' } })
    expect(station.devices.list().find((d) => d.id === 'demo-zebra')).toMatchObject({ state: 'error', lastError: 'head open' })

    const dup = await station.dispatch('print.enqueue', { printerId: 'demo-zebra', template: 'unit', data })
    expect(!dup.ok && dup.error).toMatchObject({ code: 'print.already_printed', params: { jobId: job.id, status: 'confirmed' } })
    const noReason = await station.dispatch('print.reprint', { jobId: job.id, reason: '' })
    expect(!noReason.ok && noReason.error.code).toBe('invalid_input')
    const unknown = await station.dispatch('print.poll', { printerId: 'nope' })
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'print.unknown_printer', params: { printerId: 'nope' } })
  })

  it('batch prints with progress over the contract; lookup falls back to the scanned GS1 data', async () => {
    station = await startTestStation({ demo: true })
    const items = Array.from({ length: 20 }, (_, i) => ({ template: 'unit', data: { gtin: '09521234543213', serial: `ASN-${i}` } }))
    const batch = await call<BatchProgressInfo>('print.batch', { printerId: 'demo-zebra', title: 'ASN 1', items })
    expect(batch.total).toBe(20)
    await waitFor(() => station!.printing.queue.batch(batch.id)?.status === 'done', 30_000)
    const progress = await call<BatchProgressInfo>('print.batchStatus', { batchId: batch.id })
    expect(progress).toMatchObject({ confirmed: 20, queued: 0, status: 'done' })

    const { yymm, lastDay } = monthAhead()
    const lookup = await call<LabelLookup>('labels.lookup', { code: `(01)09521234543213(21)NEW-9(17)${yymm}15` })
    expect(lookup).toMatchObject({
      found: 'gs1',
      template: 'unit',
      data: { gtin: '09521234543213', serial: 'NEW-9', expiry: `${lastDay.slice(0, 8)}15` },
      message: { code: 'label.lookup.from_scan' }
    })
    // Day 00 is the last day of the month, as the receiving side stores it.
    const day00 = await call<LabelLookup>('labels.lookup', { code: `(01)09521234543213(21)NEW-10(17)${yymm}00` })
    expect(day00.data.expiry).toBe(lastDay)
    const none = await call<LabelLookup>('labels.lookup', { code: 'nothing-here' })
    expect(none).toMatchObject({ found: 'none', message: { code: 'label.lookup.none' } })
  })
})
