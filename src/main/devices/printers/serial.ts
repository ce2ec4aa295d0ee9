/**
 * Serial transport (RS-232 or USB-CDC). `serialport` is loaded only when a serial printer is opened;
 * tests use a simulated `ByteLink`.
 */
import { err, ok, type Result } from '../../../shared/result'
import { createLinkTransport, type ByteLink } from './link'
import type { PrinterAddress } from './printer-uri'
import type { PrinterTransport } from './types'

type SerialAddress = Extract<PrinterAddress, { kind: 'serial' }>
export type SerialLinkOpener = (address: SerialAddress) => Promise<Result<ByteLink>>

export function createSerialTransport(address: SerialAddress, open: SerialLinkOpener = openSerialLink): PrinterTransport {
  return createLinkTransport('serial', `serial://${address.path}?baud=${address.baudRate}`, () => open(address), 4096)
}

interface Port {
  open(cb: (e: Error | null) => void): void
  write(data: Uint8Array, cb: (e: Error | null | undefined) => void): boolean
  drain(cb: (e: Error | null) => void): void
  on(event: 'data', listener: (b: Buffer) => void): void
  on(event: 'close' | 'error', listener: (e?: Error) => void): void
  close(cb: (e: Error | null) => void): void
}

export async function openSerialLink(address: SerialAddress): Promise<Result<ByteLink>> {
  let SerialPort: new (o: { path: string; baudRate: number; autoOpen: boolean }) => Port
  try {
    ;({ SerialPort } = (await import('serialport')) as unknown as { SerialPort: typeof SerialPort })
  } catch (error) {
    return err('printer.serial_unavailable', `Serial printing is not available here: ${error instanceof Error ? error.message : String(error)}`)
  }
  const port = new SerialPort({ path: address.path, baudRate: address.baudRate, autoOpen: false })
  const opened = await new Promise<Error | null>((resolve) => port.open(resolve))
  if (opened) return err('printer.unreachable', `Cannot open ${address.path}: ${opened.message}`)
  return ok(streamLink(port))
}

/** A ByteLink over a stream-like port: incoming bytes are queued until read. */
export function streamLink(port: Port): ByteLink {
  const queue: Buffer[] = []
  let waiter: ((b: Buffer | null) => void) | undefined
  let broken: Error | undefined
  port.on('data', (b) => {
    if (waiter) {
      const w = waiter
      waiter = undefined
      w(b)
    } else queue.push(b)
  })
  port.on('close', () => {
    broken = new Error('the port closed')
    waiter?.(null)
  })
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        if (broken) return reject(broken)
        port.write(chunk, (e) => (e ? reject(e) : port.drain((d) => (d ? reject(d) : resolve(chunk.length)))))
      }),
    read: (timeoutMs) =>
      new Promise((resolve, reject) => {
        if (queue.length) return resolve(Buffer.concat(queue.splice(0)))
        if (broken) return reject(broken)
        const t = setTimeout(() => {
          waiter = undefined
          resolve(null)
        }, timeoutMs)
        waiter = (b) => {
          clearTimeout(t)
          resolve(b)
        }
      }),
    close: () => new Promise((resolve) => port.close(() => resolve()))
  }
}
