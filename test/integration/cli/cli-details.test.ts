import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startPrinterEmulator, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'
import { runCli } from '../../helpers/cli'

const run = (args: string[]) => runCli(args)

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

let emulator: PrinterEmulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

describe('CLI details an operator or script meets', () => {
  it('gs1 parse takes --gs stand-ins for the separator, as scan does', async () => {
    const r = await run(['gs1', 'parse', ']d20109506000134352<GS>10LOT42<GS>21SN9', '--gs', '<GS>'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).fields).toMatchObject({ gtin: '09506000134352', lot: 'LOT42', serial: 'SN9' })
    // Without --gs the stand-in is part of the lot, as before.
    const folded = await run(['gs1', 'parse', ']d20109506000134352<GS>10LOT42'])
    expect(folded.code).toBe(2)
    expect((await run(['gs1', 'parse', '(01)09506000134352', '--gs', ''])).code).toBe(2)
  })

  it('serve on a port in use exits 2 with the reason', { timeout: 90_000 }, async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const r = await run(['serve', '--port', String(port), '--data-dir', makeTempDir('dockside-cli-port-')])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`)
    } finally {
      blocker.close()
    }
  })

  it('label render refuses to write PDF or PNG to a terminal, and writes it to a pipe', { timeout: 90_000 }, async () => {
    const args = ['label', 'render', '--template', 'unit', '--format', 'png', '--data', '{"gtin":"09506000134352","serial":"SN1"}', '--data-dir', makeTempDir('dockside-cli-label-')]
    // `script` gives the command a real terminal as stdout.
    const command = [process.execPath, BIN, ...args].map(quote).join(' ')
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(tty.status).toBe(2)
    expect(tty.stdout).toMatch(/binary and stdout is a terminal: add --out FILE/)
    const piped = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, timeout: 60_000 })
    expect(piped.status).toBe(0)
    expect(piped.stdout.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  })

  it('printer status --extended names paper out in errors', { timeout: 60_000 }, async () => {
    emulator = await startPrinterEmulator({ port: 0, state: 'paper-out' })
    const r = await run(['printer', 'status', `tcp://127.0.0.1:${emulator.port}`, '--extended'])
    expect(r.code, r.stderr).toBe(0)
    const status = JSON.parse(r.stdout)
    expect(status).toMatchObject({ ready: false, paperOut: true })
    expect(status.errors).toContain('media out')
  })
})
