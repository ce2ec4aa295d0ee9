import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/result'
import type { ByteLink } from '../../../src/main/devices/printers/link'
import { streamLink, createSerialTransport } from '../../../src/main/devices/printers/serial'
import { createSpoolerTransport } from '../../../src/main/devices/printers/spooler'
import { createUsbTransport, USB_CHUNK } from '../../../src/main/devices/printers/usb'
import { queryStatus, sendJob } from '../../../src/main/devices/printers/zebra'
import { formatHostStatus } from '../../../src/main/devices/printers/zebra-status'

/** A simulated USB printer link: records bulk OUT transfers, answers ~HS on bulk IN in 64-byte packets. */
function simulatedUsb(options: { state?: Parameters<typeof formatHostStatus>[0]; failAfterChunks?: number } = {}) {
  const writes: Buffer[] = []
  let inbox = Buffer.alloc(0)
  const link: ByteLink = {
    async write(chunk) {
      if (options.failAfterChunks !== undefined && writes.length >= options.failAfterChunks) throw new Error('LIBUSB_ERROR_NO_DEVICE')
      writes.push(Buffer.from(chunk))
      if (Buffer.from(chunk).toString('latin1').includes('~HS')) inbox = Buffer.concat([inbox, Buffer.from(formatHostStatus(options.state ?? {}), 'latin1')])
      return chunk.length
    },
    async read(timeoutMs) {
      if (inbox.length === 0) {
        await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 20)))
        return null
      }
      const packet = inbox.subarray(0, 64)
      inbox = inbox.subarray(64)
      return Buffer.from(packet)
    },
    close: async () => undefined
  }
  return { link, writes }
}

describe('USB transport (simulated printer-class link)', () => {
  it('splits bulk OUT into chunks, reads a status answer spread over packets', async () => {
    const sim = simulatedUsb()
    const t = createUsbTransport({ kind: 'usb', vendorId: 0x0a5f, serial: 'D4J' }, async () => ok(sim.link))
    expect(t.uri).toBe('usb://0a5f/D4J')
    const big = '^XA' + 'x'.repeat(USB_CHUNK * 2 + 10) + '^XZ'
    const out = await sendJob(t, big, { timeoutMs: 10_000 })
    expect(out.state).toBe('confirmed')
    // pre-check ~HS, then the job + ~HS in chunks of at most USB_CHUNK bytes
    expect(sim.writes[0]!.toString('latin1')).toBe('~HS')
    const job = Buffer.concat(sim.writes.slice(1))
    expect(job.toString('latin1')).toBe(big + '~HS')
    expect(sim.writes.slice(1).every((w) => w.length <= USB_CHUNK)).toBe(true)
    expect(sim.writes.length).toBe(1 + 3)
  })

  it('a device unplugged mid-job is uncertain; one unplugged before the job is refused', async () => {
    const mid = simulatedUsb({ failAfterChunks: 2 })
    const t = createUsbTransport({ kind: 'usb', vendorId: 0x0a5f }, async () => ok(mid.link))
    const out = await sendJob(t, '^XA' + 'y'.repeat(USB_CHUNK * 2) + '^XZ', { timeoutMs: 10_000 })
    expect(out.state).toBe('uncertain')
    const early = simulatedUsb({ failAfterChunks: 0 })
    const t2 = createUsbTransport({ kind: 'usb', vendorId: 0x0a5f }, async () => ok(early.link))
    expect((await sendJob(t2, '^XA^XZ', { timeoutMs: 500 })).state).toBe('refused')
  })

  it('reports head open from the status over USB', async () => {
    const sim = simulatedUsb({ state: { headOpen: true } })
    const t = createUsbTransport({ kind: 'usb', vendorId: 0x0a5f }, async () => ok(sim.link))
    const s = await queryStatus(t, { timeoutMs: 10_000 })
    expect(s.ok && s.value).toMatchObject({ headOpen: true, ready: false })
  })
})

describe('serial transport (stream link)', () => {
  it('writes, drains and reads the status answer', async () => {
    const port = Object.assign(new EventEmitter(), {
      written: [] as Buffer[],
      open: (cb: (e: Error | null) => void) => cb(null),
      write(data: Uint8Array, cb: (e?: Error | null) => void) {
        this.written.push(Buffer.from(data))
        if (Buffer.from(data).toString('latin1').includes('~HS')) setTimeout(() => (port as EventEmitter).emit('data', Buffer.from(formatHostStatus({ paperOut: true }), 'latin1')), 5)
        cb(null)
        return true
      },
      drain: (cb: (e: Error | null) => void) => cb(null),
      close(cb: (e: Error | null) => void) {
        ;(port as EventEmitter).emit('close')
        cb(null)
      }
    })
    const t = createSerialTransport({ kind: 'serial', path: '/dev/ttyFAKE', baudRate: 9600 }, async () => ok(streamLink(port as never)))
    const s = await queryStatus(t, { timeoutMs: 10_000 })
    expect(s.ok && s.value.paperOut).toBe(true)
    await t.close()
  })
})

describe('OS queue transport (lp -d QUEUE -o raw)', () => {
  it('pipes the ZPL to lp with the queue as an argument, one-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockside-lp-'))
    const fake = join(dir, 'lp')
    writeFileSync(fake, `#!/bin/sh\necho "$@" > ${dir}/args\ncat > ${dir}/job\n`)
    chmodSync(fake, 0o755)
    const t = createSpoolerTransport({ queue: 'Zebra_ZD421', command: fake })
    expect(t.canAnswer).toBe(false)
    const out = await sendJob(t, '^XA^FDhi^FS^XZ', { timeoutMs: 10_000 })
    expect(out).toMatchObject({ state: 'uncertain', code: 'printer.no_status' })
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('-d Zebra_ZD421 -o raw')
    expect(readFileSync(join(dir, 'job'), 'utf8')).toBe('^XA^FDhi^FS^XZ')
  })
  it('a failing lp refuses the job (nothing queued)', async () => {
    const t = createSpoolerTransport({ queue: 'nope', command: '/bin/false' })
    expect((await sendJob(t, '^XA^XZ', { timeoutMs: 2000 })).state).toBe('refused')
  })
})
