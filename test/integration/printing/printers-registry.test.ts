import { afterEach, describe, expect, it } from 'vitest'
import { startPrinterEmulator, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import type { Station } from '../../../src/main/station'
import { makeTempDir, startTestStation } from '../../helpers/store'
import { runCli } from '../../helpers/cli'

const run = (args: string[]) => runCli(args)

let emulator: PrinterEmulator | undefined
let station: Station | undefined
afterEach(async () => {
  await station?.close()
  await emulator?.close()
  station = undefined
  emulator = undefined
})

describe('dockside printers (exact CLI contract)', () => {
  it('adds by address, lists, tests (exit 0 only when the printer took the label), refuses bad and duplicate addresses, removes', { timeout: 120_000 }, async () => {
    emulator = await startPrinterEmulator({ port: 0 })
    const dataDir = makeTempDir('dockside-printers-')
    const added = await run(['printers', 'add', `tcp://127.0.0.1:${emulator.port}`, '--name', 'Dock 1 Zebra', '--data-dir', dataDir])
    expect(added.code, added.stderr).toBe(0)
    expect(JSON.parse(added.stdout)).toEqual({ id: 'printer-1', uri: `tcp://127.0.0.1:${emulator.port}` })
    const cups = await run(['printers', 'add', 'cups:ZEBRA_DOCK2', '--data-dir', dataDir])
    expect(JSON.parse(cups.stdout)).toEqual({ id: 'printer-2', uri: 'lp://ZEBRA_DOCK2' })

    const list = await run(['printers', 'list', '--data-dir', dataDir])
    expect(JSON.parse(list.stdout)).toEqual([
      { id: 'printer-1', name: 'Dock 1 Zebra', uri: `tcp://127.0.0.1:${emulator.port}`, dpi: 203, simulated: false, queued: 0 },
      { id: 'printer-2', name: 'lp://ZEBRA_DOCK2', uri: 'lp://ZEBRA_DOCK2', dpi: 203, simulated: false, queued: 0 }
    ])

    const ok = await run(['printers', 'test', 'printer-1', '--data-dir', dataDir])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual({ id: 'printer-1', printed: true })
    expect(emulator.labels()).toHaveLength(1)
    expect(emulator.labels()[0]!.zpl).toContain('Dock 1 Zebra')

    emulator.state = 'paper-out'
    const paperOut = await run(['printers', 'test', 'printer-1', '--data-dir', dataDir])
    expect(paperOut.code).toBe(1)
    expect(paperOut.stderr).toMatch(/paper/)
    emulator.state = 'head-open'
    expect((await run(['printers', 'test', 'printer-1', '--data-dir', dataDir])).stderr).toMatch(/head open/)
    emulator.state = 'ready'
    emulator.silent = true
    const silent = await run(['printers', 'test', 'printer-1', '--timeout', '300', '--data-dir', dataDir])
    expect(silent.code).toBe(1)
    expect(silent.stderr).toMatch(/did not answer/)
    expect(emulator.labels()).toHaveLength(1)

    const dup = await run(['printers', 'add', `tcp://127.0.0.1:${emulator.port}/`, '--data-dir', dataDir])
    expect(dup.code).toBe(2)
    expect(dup.stderr).toContain('is already printer printer-1')
    const bad = await run(['printers', 'add', 'ftp://10.1.2.3', '--data-dir', dataDir])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('is not a printer address')
    expect((await run(['printers', 'test', 'printer-9', '--data-dir', dataDir])).code).toBe(2)

    expect(JSON.parse((await run(['printers', 'remove', 'printer-2', '--data-dir', dataDir])).stdout)).toEqual({ removed: 'printer-2' })
    expect(JSON.parse((await run(['printers', 'list', '--data-dir', dataDir])).stdout).map((p: { id: string }) => p.id)).toEqual(['printer-1'])
  })
})

describe('printers through the station contract', () => {
  it('adds a TCP printer, prints a test label, routes pallet labels to it, and refuses removal while labels wait', async () => {
    emulator = await startPrinterEmulator({ port: 0 })
    station = await startTestStation({ demo: true })
    const added = await station.dispatch('print.addPrinter', { uri: `tcp://127.0.0.1:${emulator.port}`, name: 'Pallet Zebra' })
    expect(added).toMatchObject({ ok: true, value: { id: 'printer-1', name: 'Pallet Zebra' } })
    expect(await station.dispatch('print.testPrinter', { printerId: 'printer-1' })).toMatchObject({ ok: true, value: { printed: true, result: { code: 'printer.test_printed' } } })
    emulator.state = 'paused'
    expect(await station.dispatch('print.testPrinter', { printerId: 'printer-1' })).toMatchObject({ ok: true, value: { printed: false, result: { code: 'printer.state.paused' } } })
    expect(await station.dispatch('settings.update', { labelPrinters: { unit: '', carton: '', pallet: 'printer-1' } })).toMatchObject({ ok: true, value: { labelPrinters: { pallet: 'printer-1' } } })
    expect(await station.dispatch('settings.update', { labelPrinters: { unit: '', pallet: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    // A paused printer keeps its label queued: removing it is refused until the label moves.
    const job = await station.dispatch('print.enqueue', { printerId: 'printer-1', template: 'sscc', data: { sscc: '106141412345678908' } })
    expect(job.ok).toBe(true)
    expect(await station.dispatch('print.removePrinter', { printerId: 'printer-1' })).toMatchObject({ ok: false, error: { code: 'printer.has_jobs', params: { printerId: 'printer-1' } } })
    expect(await station.dispatch('print.move', { fromPrinterId: 'printer-1', toPrinterId: 'demo-zebra' })).toMatchObject({ ok: true })
    expect(await station.dispatch('print.removePrinter', { printerId: 'printer-1' })).toEqual({ ok: true, value: { removed: 'printer-1' } })
    const printers = await station.dispatch('print.printers', {})
    expect(printers.ok && (printers.value as Array<{ id: string }>).map((p) => p.id)).toEqual(['demo-zebra'])
    expect(await station.dispatch('print.addPrinter', { uri: 'usb:zzzz' })).toMatchObject({ ok: false, error: { code: 'printer.bad_uri' } })
  })
})
