import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { until } from './wait'

/**
 * A real pseudo-terminal pair from socat, with stable paths (symlinks) so a "replug" comes back at the
 * same path: `devicePath` is what the driver opens (the scanner's port), the test writes scanner
 * bytes into `hostPath`. `unplug()` kills socat (both ptys vanish, the driver sees the port close);
 * `replug()` starts it again.
 */
export interface PtyPair {
  devicePath: string
  hostPath: string
  write(bytes: string | Uint8Array): void
  unplug(): Promise<void>
  replug(): Promise<void>
  close(): Promise<void>
}


export async function openPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-pty-'))
  const devicePath = join(dir, 'scanner')
  const hostPath = join(dir, 'host')
  let child: ChildProcess | null = null
  let fd: number | null = null

  const start = async () => {
    const c = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    child = c
    await until(() => existsSync(devicePath) && existsSync(hostPath), { what: 'socat to create the ptys', intervalMs: 10 }).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)} (socat: ${stderr})`)
    })
    fd = openSync(hostPath, constants.O_RDWR | constants.O_NOCTTY)
  }

  const stop = async () => {
    if (fd !== null) {
      try {
        closeSync(fd)
      } catch {
        // already gone
      }
      fd = null
    }
    const c = child
    child = null
    if (!c || c.exitCode !== null) return
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve())
      c.kill('SIGTERM')
    })
    await until(() => !existsSync(devicePath), { what: 'socat to remove its links', intervalMs: 10 })
  }

  await start()
  return {
    devicePath,
    hostPath,
    write(bytes) {
      if (fd === null) throw new Error('the pty pair is unplugged')
      const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes)
      let off = 0
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
    },
    unplug: stop,
    replug: start,
    async close() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
