import { afterEach, describe, expect, it } from 'vitest'
import type { PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { decodePng } from '../../unit/labels/decode'
import { emulatorPrinter, openRig, unit, waitFor, type Rig } from './queue-helpers'

let rig: Rig | undefined
const emus: PrinterEmulator[] = []
afterEach(async () => {
  await rig?.close()
  rig = undefined
  for (const e of emus.splice(0)) await e.close()
})

async function setup(options: Parameters<typeof emulatorPrinter>[2] = {}) {
  rig = openRig()
  const emu = await emulatorPrinter(rig, 'p1', options)
  emus.push(emu)
  return { rig, emu }
}

describe('print queue', () => {
  it('prints a queued label once, confirms it and records label.printed', async () => {
    const { rig, emu } = await setup()
    const job = rig.queue.enqueue({ printerId: 'p1', ...unit('SN-1') })
    if (!job.ok) throw new Error(job.error.message)
    expect(job.value.status).toBe('queued')
    await rig.queue.kick('p1')
    expect(rig.queue.job(job.value.id)?.status).toBe('confirmed')
    expect(emu.labels()).toHaveLength(1)
    expect(rig.events('label.printed')).toHaveLength(1)
    const decoded = await decodePng(await emu.renderPng(0))
    expect(decoded.map((d) => d.text)).toContain('(01)09521234543213(21)SN-1')
  })

  it('refuses a second original of the same label; a reprint needs a reason and is audited', async () => {
    const { rig, emu } = await setup()
    const first = rig.queue.enqueue({ printerId: 'p1', ...unit('SN-2') })
    if (!first.ok) throw new Error(first.error.message)
    await rig.queue.kick('p1')
    const again = rig.queue.enqueue({ printerId: 'p1', template: 'unit', data: { gtin: '09521234543213', serial: 'SN-2', description: 'changed' } })
    expect(!again.ok && again.error.code).toBe('print.already_printed')
    expect(!rig.queue.reprint({ jobId: first.value.id, reason: ' ' }).ok).toBe(true)
    const re = rig.queue.reprint({ jobId: first.value.id, reason: 'label torn at packing' })
    if (!re.ok) throw new Error(re.error.message)
    await rig.queue.kick('p1')
    expect(rig.queue.job(re.value.id)).toMatchObject({ status: 'confirmed', kind: 'reprint', reprintOf: first.value.id, reason: 'label torn at packing' })
    expect(emu.labels()).toHaveLength(2)
    const audit = rig.events('label.reprint_requested')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.reason).toBe('label torn at packing')
  })

  it('holds jobs while the printer is out of paper and resumes when it is back', async () => {
    const { rig, emu } = await setup({ state: 'paper-out' })
    rig.queue.start()
    const job = rig.queue.enqueue({ printerId: 'p1', ...unit('SN-3') })
    if (!job.ok) throw new Error(job.error.message)
    await waitFor(() => rig.queue.job(job.value.id)?.heldReason?.code === 'printer.state.paper_out')
    expect(rig.queue.job(job.value.id)?.status).toBe('queued')
    expect(rig.queue.printerState('p1')).toMatchObject({ held: true, summary: { code: 'printer.state.paper_out' } })
    expect(emu.labels()).toHaveLength(0)
    emu.state = 'ready'
    await waitFor(() => rig.queue.job(job.value.id)?.status === 'confirmed')
    expect(emu.labels()).toHaveLength(1)
  })

  it('holds jobs for an offline printer (nothing sent) and moves them to another printer', async () => {
    rig = openRig()
    rig.queue.addPrinter({ id: 'dead', name: 'dead', uri: 'tcp://127.0.0.1:1', dpi: 203, simulated: true })
    const emu = await emulatorPrinter(rig, 'p2')
    emus.push(emu)
    const a = rig.queue.enqueue({ printerId: 'dead', ...unit('SN-4') })
    const b = rig.queue.enqueue({ printerId: 'dead', ...unit('SN-5') })
    if (!a.ok || !b.ok) throw new Error('enqueue')
    await rig.queue.kick('dead')
    expect(rig.queue.job(a.value.id)).toMatchObject({ status: 'queued', attempts: 0 }) // never sent
    expect(rig.queue.job(a.value.id)?.heldReason).toMatchObject({ code: 'printer.unreachable', params: { printer: 'tcp://127.0.0.1:1' } })
    const moved = rig.queue.move({ fromPrinterId: 'dead', toPrinterId: 'p2' })
    expect(moved.ok && moved.value.moved).toBe(2)
    await rig.queue.kick('p2')
    expect(rig.queue.job(a.value.id)?.status).toBe('confirmed')
    expect(rig.queue.job(b.value.id)?.status).toBe('confirmed')
    expect(emu.labels()).toHaveLength(2)
  })

  it('prints a batch with progress and can cancel it part-way', async () => {
    const { rig, emu } = await setup()
    const jobs = Array.from({ length: 40 }, (_, i) => unit(`B-${i + 1}`))
    const batch = rig.queue.enqueueBatch({ printerId: 'p1', title: 'ASN 4711', jobs })
    if (!batch.ok) throw new Error(batch.error.message)
    expect(batch.value.batch).toMatchObject({ total: 40, queued: 40, confirmed: 0 })
    rig.queue.start()
    await waitFor(() => (rig.queue.batch(batch.value.batch.id)?.confirmed ?? 0) >= 5)
    const cancelled = rig.queue.cancelBatch(batch.value.batch.id)
    if (!cancelled.ok) throw new Error(cancelled.error.message)
    await rig.queue.idle()
    const p = rig.queue.batch(batch.value.batch.id)!
    expect(p.status).toBe('cancelled')
    expect(p.confirmed + p.cancelled + p.uncertain).toBe(40)
    expect(p.cancelled).toBeGreaterThan(0)
    expect(emu.labels()).toHaveLength(p.confirmed + p.uncertain)
    // Cancelled labels were never printed, so they may be queued again as originals.
    const cancelledJob = rig.queue.jobs({ batchId: p.id, status: ['cancelled'] })[0]!
    expect(rig.queue.enqueue({ printerId: 'p1', template: 'unit', data: cancelledJob.data }).ok).toBe(true)
  })

  it('refuses a whole batch when one label is invalid or repeated, naming it', async () => {
    const { rig } = await setup()
    const bad = rig.queue.enqueueBatch({ printerId: 'p1', title: 'x', jobs: [unit('A'), { template: 'unit', data: { gtin: '09521234543213' } }] })
    expect(!bad.ok && bad.error).toMatchObject({ code: 'label.missing_field', params: { field: 'serial' }, details: { index: 1 } })
    const dup = rig.queue.enqueueBatch({ printerId: 'p1', title: 'x', jobs: [unit('A'), unit('A')] })
    expect(!dup.ok && dup.error).toMatchObject({ code: 'print.duplicate_in_batch', params: { index: 2 } })
    expect(rig.queue.jobs()).toHaveLength(0)
  })

  it('a connection dropped mid-job leaves the job uncertain (visible, never resent)', async () => {
    const { rig, emu } = await setup()
    const job = rig.queue.enqueue({ printerId: 'p1', ...unit('SN-6') })
    if (!job.ok) throw new Error(job.error.message)
    emu.dropAfterBytes = 120
    await rig.queue.kick('p1')
    const j = rig.queue.job(job.value.id)!
    expect(j.status).toBe('uncertain')
    expect(j.lastError).toMatchObject({ code: 'printer.uncertain_lost' })
    await rig.queue.kick('p1')
    expect(rig.queue.job(job.value.id)?.status).toBe('uncertain')
    expect(emu.labels()).toHaveLength(0)
    expect(rig.events('label.print_uncertain')).toHaveLength(1)
    // The operator checks: not printed → reprint with a reason.
    const re = rig.queue.reprint({ jobId: j.id, reason: 'printer dropped the job' })
    if (!re.ok) throw new Error(re.error.message)
    expect(rig.queue.job(j.id)?.status).toBe('failed')
    await rig.queue.kick('p1')
    expect(rig.queue.job(j.id)?.lastError).toEqual({ code: 'print.reprinted', params: { reason: 'printer dropped the job' } })
    expect(rig.queue.job(re.value.id)?.status).toBe('confirmed')
    expect(emu.labels()).toHaveLength(1)
  })

  it('a printer that answers nothing after the job leaves it uncertain; the operator can confirm it printed', async () => {
    const { rig, emu } = await setup()
    const job = rig.queue.enqueue({ printerId: 'p1', ...unit('SN-7') })
    if (!job.ok) throw new Error(job.error.message)
    emu.silentAfterLabel = true // answers the pre-check, takes the job, then says nothing
    await rig.queue.kick('p1')
    expect(emu.labels()).toHaveLength(1)
    expect(rig.queue.job(job.value.id)?.status).toBe('uncertain')
    const resolved = rig.queue.resolve({ jobId: job.value.id, printed: true, note: 'label is on the unit' })
    expect(resolved.ok && resolved.value.status).toBe('confirmed')
    expect(rig.events('label.printed')).toHaveLength(1)
  })
})
