/**
 * Shared exchange logic for byte links that are not sockets (USB bulk, serial): write in chunks, then
 * read until the answer is complete or the deadline passes. Links are tiny interfaces so the logic is
 * tested with simulated links, without hardware or native modules.
 */
import { err, ok, type Result } from '../../../shared/result'
import type { Exchanged, ExchangeOptions, PrinterTransport } from './types'

export interface ByteLink {
  /** Writes one chunk; resolves with the bytes accepted. Rejects when the link breaks. */
  write(chunk: Uint8Array): Promise<number>
  /** Reads what arrives within `timeoutMs`; null on timeout. Rejects when the link breaks. */
  read(timeoutMs: number): Promise<Buffer | null>
  close(): Promise<void>
}

export async function linkExchange(link: ByteLink, where: string, data: Uint8Array, options: ExchangeOptions & { chunkSize: number }): Promise<Result<Exchanged>> {
  const started = performance.now()
  const deadline = started + options.timeoutMs
  let sent = 0
  let firstByteMs = -1
  try {
    while (sent < data.length) {
      if (performance.now() > deadline) {
        return err(sent === 0 ? 'printer.unreachable' : 'printer.connection_lost', `${where} stopped taking data after ${sent} of ${data.length} bytes.`, { sentBytes: sent })
      }
      const chunk = data.subarray(sent, Math.min(sent + options.chunkSize, data.length))
      if (firstByteMs < 0) firstByteMs = performance.now() - started
      const n = await link.write(chunk)
      if (n <= 0) return err('printer.connection_lost', `${where} accepted no data after ${sent} bytes.`, { sentBytes: sent })
      sent += n
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return err(sent === 0 ? 'printer.unreachable' : 'printer.connection_lost', `${where}: ${why} (after ${sent} of ${data.length} bytes).`, { sentBytes: sent })
  }
  if (!options.complete) return ok({ sentBytes: sent, reply: null, firstByteMs })
  const chunks: Buffer[] = []
  try {
    for (;;) {
      const left = deadline - performance.now()
      if (left <= 0) break
      const got = await link.read(Math.max(1, Math.round(left)))
      if (got === null) break
      chunks.push(got)
      const reply = Buffer.concat(chunks)
      if (options.complete(reply)) return ok({ sentBytes: sent, reply, firstByteMs })
    }
  } catch (error) {
    return err('printer.connection_lost', `${where}: ${error instanceof Error ? error.message : String(error)} while waiting for the answer.`, { sentBytes: sent })
  }
  return err('printer.no_answer', `${where} did not answer within ${options.timeoutMs} ms.`, { sentBytes: sent, reply: Buffer.concat(chunks).toString('latin1') })
}

/**
 * A printer transport over a lazily opened ByteLink (USB, serial): opens on first use, and drops the
 * link after a failure other than silence so the next job reopens it (unplugged, reset, replugged).
 */
export function createLinkTransport(kind: 'usb' | 'serial', uri: string, open: () => Promise<Result<ByteLink>>, chunkSize: number): PrinterTransport {
  let link: ByteLink | undefined
  return {
    kind,
    uri,
    canAnswer: true,
    async exchange(data, options) {
      if (!link) {
        const opened = await open()
        if (!opened.ok) return err('printer.unreachable', opened.error.message, { sentBytes: 0 })
        link = opened.value
      }
      const r = await linkExchange(link, uri, data, { ...options, chunkSize })
      if (!r.ok && r.error.code !== 'printer.no_answer') {
        await link.close().catch(() => undefined)
        link = undefined
      }
      return r
    },
    async close() {
      await link?.close()
      link = undefined
    }
  }
}
