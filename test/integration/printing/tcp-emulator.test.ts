import { afterEach, describe, expect, it } from 'vitest'
import { startPrinterEmulator, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { createTcpTransport } from '../../../src/main/devices/printers/tcp'
import { queryStatus, sendJob } from '../../../src/main/devices/printers/zebra'
import { createLabelService } from '../../../src/main/labels'
import { decodePng } from '../../unit/labels/decode'

let emu: PrinterEmulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

const labels = createLabelService()
const unitZpl = (serial = 'SN-1') => {
  const z = labels.zpl('unit', { gtin: '09521234543213', serial })
  if (!z.ok) throw new Error(z.error.message)
  return z.value.zpl
}

describe('TCP transport against the printer emulator', () => {
  it('reads status for every state', async () => {
    emu = await startPrinterEmulator()
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    for (const [state, flag] of [['paper-out', 'paperOut'], ['head-open', 'headOpen'], ['paused', 'paused'], ['ribbon-out', 'ribbonOut']] as const) {
      emu.state = state
      const s = await queryStatus(t, { timeoutMs: 10_000, extended: true })
      expect(s.ok && s.value[flag]).toBe(true)
      expect(s.ok && s.value.ready).toBe(false)
    }
    emu.state = 'ready'
    const s = await queryStatus(t, { timeoutMs: 10_000 })
    expect(s.ok && s.value.ready).toBe(true)
  })

  it('times out when the printer stays silent, and says so', async () => {
    emu = await startPrinterEmulator({ silent: true })
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    const started = Date.now()
    const s = await queryStatus(t, { timeoutMs: 300 })
    // A generous bound: it proves the 300 ms timeout ends the wait, not how fast (CI's cores may be busy).
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(!s.ok && s.error.code).toBe('printer.no_answer')
  })

  it('reports an unreachable printer without sending anything', async () => {
    emu = await startPrinterEmulator()
    const port = emu.port
    await emu.close()
    emu = undefined
    const out = await sendJob(createTcpTransport({ host: '127.0.0.1', port }), unitZpl(), { timeoutMs: 500 })
    expect(out.state).toBe('refused')
  })

  it('sends a job, confirms it, and the emulator renders what it got (decodable)', async () => {
    emu = await startPrinterEmulator()
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    const out = await sendJob(t, unitZpl('SN-77'), { timeoutMs: 10_000 })
    expect(out.state).toBe('confirmed')
    expect(emu.labels()).toHaveLength(1)
    const decoded = await decodePng(await emu.renderPng(0))
    expect(decoded.map((d) => d.text).sort()).toEqual(['(01)09521234543213(21)SN-77', 'SN-77'])
  })

  it('refuses to send when the printer reports paper out, head open or pause', async () => {
    emu = await startPrinterEmulator({ state: 'head-open' })
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    const out = await sendJob(t, unitZpl(), { timeoutMs: 10_000 })
    expect(out).toMatchObject({ state: 'refused', code: 'printer.not_ready' })
    if (out.state === 'refused') expect(out.reason).toContain('head open')
    expect(emu.labels()).toHaveLength(0)
  })

  it('a connection dropped mid-job is uncertain, never confirmed', async () => {
    emu = await startPrinterEmulator()
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    emu.dropAfterBytes = 100
    const out = await sendJob(t, unitZpl(), { timeoutMs: 10_000, skipPrecheck: true })
    expect(out.state).toBe('uncertain')
    expect(emu.labels()).toHaveLength(0)
  })

  it('a printer that takes the job but answers nothing is uncertain', async () => {
    emu = await startPrinterEmulator()
    const t = createTcpTransport({ host: '127.0.0.1', port: emu.port })
    emu.silent = true
    const out = await sendJob(t, unitZpl(), { timeoutMs: 300, skipPrecheck: true })
    expect(out).toMatchObject({ state: 'uncertain', code: 'printer.no_answer' })
    expect(emu.labels()).toHaveLength(1) // it did get it: that is why it must not be resent blindly
  })
})
