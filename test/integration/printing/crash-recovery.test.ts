import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startPrinterEmulator, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { makeTempDir, openRig, waitFor, type Rig } from './queue-helpers'

let emu: PrinterEmulator | undefined
let rig: Rig | undefined
afterEach(async () => {
  await rig?.close()
  await emu?.close()
  rig = undefined
  emu = undefined
})

describe('a crash between send and confirm', () => {
  it('SIGKILL after the printer got the label: on restart the job is uncertain and is not resent', async () => {
    emu = await startPrinterEmulator({ silentAfterLabel: true }) // it takes the job; the confirmation never comes
    const dataDir = makeTempDir('dockside-crash-')
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), dataDir, emu.uri], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (b: Buffer) => (output += b.toString()))
    child.stderr.on('data', (b: Buffer) => (output += b.toString()))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    const e = emu
    await waitFor(() => e.labels().length === 1, 20_000).catch(() => {
      throw new Error(`the child never sent the label: ${output}`)
    })
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(output).not.toContain('finished')

    // Restart: the station opens the same data dir.
    emu.silentAfterLabel = false
    rig = openRig(dataDir)
    const before = rig.queue.jobs()
    expect(before).toHaveLength(1)
    expect(['sending', 'sent']).toContain(before[0]!.status)
    expect(rig.queue.recover()).toBe(1)
    const job = rig.queue.job(before[0]!.id)!
    expect(job.status).toBe('uncertain')
    expect(job.lastError).toEqual({ code: before[0]!.status === 'sending' ? 'print.interrupted_sending' : 'print.interrupted_sent', params: {} })
    rig.queue.start()
    await rig.queue.kick()
    await rig.queue.idle()
    expect(emu.labels()).toHaveLength(1) // not resent
    expect(rig.queue.job(job.id)?.status).toBe('uncertain')
    const ev = rig.events('label.print_uncertain')
    expect(ev).toHaveLength(1)
    expect(ev[0]!.payload.code).toBe('print.interrupted')
    // The operator reprints with a reason: exactly one more label.
    const re = rig.queue.reprint({ jobId: job.id, reason: 'crash during print; label missing' })
    if (!re.ok) throw new Error(re.error.message)
    await rig.queue.kick('p1')
    expect(emu.labels()).toHaveLength(2)
  }, 60_000)

  it('queued jobs survive a restart and print afterwards', async () => {
    emu = await startPrinterEmulator()
    const dataDir = makeTempDir('dockside-restart-')
    const first = openRig(dataDir)
    first.queue.addPrinter({ id: 'p1', name: 'p1', uri: emu.uri, dpi: 300, simulated: true })
    const j = first.queue.enqueue({ printerId: 'p1', template: 'sscc', data: { sscc: '106141412345678908' } })
    if (!j.ok) throw new Error(j.error.message)
    await first.close()
    expect(emu.labels()).toHaveLength(0)
    rig = openRig(dataDir)
    expect(rig.queue.recover()).toBe(0)
    rig.queue.start()
    await rig.queue.kick('p1')
    expect(rig.queue.job(j.value.id)?.status).toBe('confirmed')
    expect(emu.labels()).toHaveLength(1)
    expect(emu.labels()[0]!.zpl).toContain('^PW1219') // 101.6 mm at 300 dpi (12 dots/mm)
  })
})
