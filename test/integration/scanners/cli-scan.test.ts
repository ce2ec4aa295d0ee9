import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { parseGs1 } from '../../../src/shared/codes/gs1/index'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'

let pty: PtyPair | null = null
afterEach(async () => {
  await pty?.close()
  pty = null
})

interface Run {
  lines: () => Record<string, unknown>[]
  stderr: () => string
  exited: Promise<number | null>
  pid: number
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  return {
    lines: () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: () => err,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    pid: child.pid!
  }
}

/** Waits until the process holds the pty open (so no byte is written before it listens). */
async function waitOpened(pid: number, path: string, ms = 20_000): Promise<void> {
  const target = realpathSync(path)
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === target)) return
    } catch {
      // process still starting
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`process ${pid} never opened ${path}`)
}

describe('dockside scan --port (real pty)', () => {
  it('prints one JSON line per scan with raw, GS1 elements as `gs1 parse` gives them, and exits 0 after --count', async () => {
    pty = await openPtyPair()
    const r = run(['scan', '--port', pty.devicePath, '--count', '4', '--timeout', '20'])
    await waitOpened(r.pid, pty.devicePath)
    const gs1 = ']C1011231231231233310ABC123\x1d99TESTING'
    pty.write(`${gs1}\r\n`)
    pty.write(']C10109521234543214\r\n')
    pty.write('BIN-A-01\r\n')
    pty.write(Buffer.from([0x41, 0x07, 0xff, 0x0d]))
    expect(await r.exited).toBe(0)
    const lines = r.lines()
    expect(lines).toHaveLength(4)
    const expected = parseGs1(gs1)
    expect(expected.ok).toBe(true)
    expect(lines[0]).toMatchObject({ raw: gs1, kind: 'gs1', symbology: ']C1', elements: expected.ok ? expected.value.elements : [] })
    expect(lines[0]!.fields).toEqual(expected.ok ? expected.value.fields : null)
    expect(lines[1]).toMatchObject({ kind: 'invalid', error: { code: expect.stringMatching(/^gs1\./) } })
    expect(lines[2]).toEqual({ raw: 'BIN-A-01', kind: 'plain', text: 'BIN-A-01' })
    expect(lines[3]).toMatchObject({ kind: 'rejected', error: { code: 'scan.binary' } })
  })

  it('the raw GS byte is printed as \\u001d in the JSON text', async () => {
    pty = await openPtyPair()
    const child = spawn(process.execPath, [BIN, 'scan', '--port', pty.devicePath, '--count', '1'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    await waitOpened(child.pid!, pty.devicePath)
    pty.write(']d20109521234543213\x1d10L1\r')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(out).toContain('"raw":"]d20109521234543213\\u001d10L1"')
  })

  it('exits 3 when --timeout expires before --count, 0 when --timeout alone expires', async () => {
    pty = await openPtyPair()
    const a = run(['scan', '--port', pty.devicePath, '--count', '2', '--timeout', '0.5'])
    await waitOpened(a.pid, pty.devicePath)
    pty.write('ONLY-ONE\r')
    expect(await a.exited).toBe(3)
    expect(a.lines()).toHaveLength(1)
    expect(a.stderr()).toContain('timed out after 0.5 s with 1 of 2 scans')
    const b = run(['scan', '--port', pty.devicePath, '--timeout', '0.3'])
    expect(await b.exited).toBe(0)
  })

  it('exits 1 with a clear message when the port cannot be opened, and when the scanner is unplugged', async () => {
    const missing = run(['scan', '--port', '/dev/does-not-exist-dockside'])
    expect(await missing.exited).toBe(1)
    expect(missing.stderr()).toContain('Serial port /dev/does-not-exist-dockside does not exist')
    pty = await openPtyPair()
    const r = run(['scan', '--port', pty.devicePath, '--timeout', '20'])
    await waitOpened(r.pid, pty.devicePath)
    pty.write('HALF')
    await new Promise((res) => setTimeout(res, 50))
    await pty.unplug()
    expect(await r.exited).toBe(1)
    expect(r.stderr()).toContain('disconnected')
  })

  it('exits 2 on bad arguments', () => {
    for (const args of [['scan'], ['scan', '--port', '/x', '--count', '0'], ['scan', '--port', '/x', '--timeout', 'soon'], ['scan', '--port', '/x', '--bogus'], ['devices', 'frob']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/dockside (scan|devices):/)
    }
  })
})

describe('dockside devices list', () => {
  it('prints the three lists and turns a failing probe (no udevadm) into an error message, not a crash', () => {
    const r = spawnSync(process.execPath, [BIN, 'devices', 'list'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } })
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['serialPorts', 'hidScanners', 'usbPrinters']))
    expect(Array.isArray(report.serialPorts)).toBe(true)
    expect(Array.isArray(report.hidScanners)).toBe(true)
    expect(Array.isArray(report.usbPrinters)).toBe(true)
    const errors = (report.errors ?? {}) as Record<string, string>
    expect(errors.serialPorts).toMatch(/udevadm/)
  })
})
