import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/main/cli/index'
import { startPrinterEmulator, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { makeTempDir } from '../../helpers/store'

let emu: PrinterEmulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; bytes: Buffer }> {
  let out = ''
  let err = ''
  const chunks: Buffer[] = []
  const io = { out: (t: string) => (out += t + '\n'), err: (t: string) => (err += t + '\n'), bytes: (b: Buffer) => chunks.push(b) }
  const code = await main(argv, io)
  return { code, out, err, bytes: Buffer.concat(chunks) }
}

const dataDir = makeTempDir('dockside-cli-')
const UNIT = JSON.stringify({ gtin: '09521234543213', serial: 'SN-1', lot: 'L1', expiry: '2027-06-30' })

describe('CLI contract: label, print, printer', () => {
  it('label render writes ZPL, PDF and PNG', async () => {
    const zpl = await run('label', 'render', '--template', 'unit', '--data', UNIT, '--format', 'zpl', '--data-dir', dataDir)
    expect(zpl.code).toBe(0)
    expect(zpl.out).toMatch(/^\^XA\^CI28/)
    const z600 = await run('label', 'render', '--template', 'unit', '--data', UNIT, '--dpi', '600', '--data-dir', dataDir)
    expect(z600.out).toContain('^PW1829')
    const pdf = await run('label', 'render', '--template', 'sscc', '--data', '{"sscc":"106141412345678908"}', '--format', 'pdf', '--data-dir', dataDir)
    expect(pdf.code).toBe(0)
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const png = await run('label', 'render', '--template', 'bin', '--data', '{"location":"A-1"}', '--format', 'png', '--data-dir', dataDir)
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG')
  })

  it('label render exits 2 naming the missing or invalid field', async () => {
    const missing = await run('label', 'render', '--template', 'unit', '--data', '{"gtin":"09521234543213"}', '--data-dir', dataDir)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('missing field "serial"')
    const bad = await run('label', 'render', '--template', 'unit', '--data', '{"gtin":"123","serial":"A"}', '--data-dir', dataDir)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('invalid field "gtin"')
    const json = await run('label', 'render', '--template', 'unit', '--data', '{nope', '--data-dir', dataDir)
    expect(json.code).toBe(2)
    const tpl = await run('label', 'render', '--template', 'nope', '--data', '{}', '--data-dir', dataDir)
    expect(tpl.code).toBe(2)
    const fmt = await run('label', 'render', '--template', 'unit', '--data', UNIT, '--format', 'bmp', '--data-dir', dataDir)
    expect(fmt.code).toBe(2)
  })

  it('print exits 0 once the printer has the job, non-zero with the reason otherwise', async () => {
    emu = await startPrinterEmulator()
    const ok = await run('print', '--printer', emu.uri, '--template', 'unit', '--data', UNIT, '--data-dir', dataDir)
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ printed: true })
    expect(emu.labels()).toHaveLength(1)
    for (const [state, text] of [['paper-out', 'out of paper'], ['head-open', 'head open'], ['paused', 'paused']] as const) {
      emu.state = state
      const r = await run('print', '--printer', emu.uri, '--template', 'unit', '--data', UNIT, '--data-dir', dataDir)
      expect(r.code).toBe(1)
      expect(r.err).toContain(text)
    }
    emu.state = 'ready'
    emu.silent = true
    const silent = await run('print', '--printer', emu.uri, '--template', 'unit', '--data', UNIT, '--timeout', '300', '--data-dir', dataDir)
    expect(silent.code).toBe(1)
    expect(silent.err).toMatch(/did not answer/)
    expect(emu.labels()).toHaveLength(1)
  })

  it('printer status prints the booleans, and fails clearly when nothing answers', async () => {
    emu = await startPrinterEmulator({ state: 'head-open' })
    const r = await run('printer', 'status', emu.uri)
    expect(r.code).toBe(0)
    const s = JSON.parse(r.out) as Record<string, unknown>
    expect(s).toMatchObject({ ready: false, paperOut: false, headOpen: true, paused: false, ribbonOut: false })
    emu.silent = true
    const started = Date.now()
    const silent = await run('printer', 'status', emu.uri, '--timeout', '500')
    // Bounded, not timed: a silent printer must not hang the command (process start-up varies under load).
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(silent.code).toBe(1)
    expect(silent.err).toMatch(/did not answer a status request within 500 ms/)
    const bad = await run('printer', 'status', 'ftp://x')
    expect(bad.code).toBe(2)
  })
})
