/** Raw TCP (Zebra port 9100): one connection per exchange, always with a deadline. */
import { Socket } from 'node:net'
import { err, ok, type Result } from '../../../shared/result'
import type { Exchanged, ExchangeOptions, PrinterTransport } from './types'

export interface TcpTarget {
  host: string
  port: number
}

export function createTcpTransport(target: TcpTarget): PrinterTransport {
  const uri = `tcp://${target.host}:${target.port}`
  return {
    kind: 'tcp',
    uri,
    canAnswer: true,
    exchange: (data, options) => tcpExchange(target, data, options),
    close: async () => undefined
  }
}

export function tcpExchange(target: TcpTarget, data: Uint8Array, options: ExchangeOptions): Promise<Result<Exchanged>> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = new Socket()
    const chunks: Buffer[] = []
    let connected = false
    let written = false
    let firstByteMs = -1
    let done = false
    const finish = (result: Result<Exchanged>) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const sentBytes = () => (connected ? Math.min(socket.bytesWritten, data.length) : 0)
    const where = `${target.host}:${target.port}`
    const timer = setTimeout(() => {
      if (!connected) finish(err('printer.unreachable', `The printer at ${where} did not accept a connection within ${options.timeoutMs} ms.`, { sentBytes: 0 }))
      else if (!written) finish(err('printer.connection_lost', `The printer at ${where} stopped taking data after ${sentBytes()} of ${data.length} bytes.`, { sentBytes: sentBytes() }))
      else finish(err('printer.no_answer', `The printer at ${where} did not answer within ${options.timeoutMs} ms.`, { sentBytes: data.length, reply: Buffer.concat(chunks).toString('latin1') }))
    }, options.timeoutMs)
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      // An answer to a query sent after the job proves the printer read the whole job.
      if (options.complete?.(Buffer.concat(chunks))) finish(ok({ sentBytes: data.length, reply: Buffer.concat(chunks), firstByteMs }))
    })
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (!connected) finish(err('printer.unreachable', `Cannot reach the printer at ${where}: ${e.code ?? e.message}.`, { sentBytes: 0 }))
      else finish(err('printer.connection_lost', `The printer at ${where} dropped the connection (${e.code ?? e.message}) after ${written ? 'the whole job' : `${sentBytes()} of ${data.length} bytes`}.`, { sentBytes: written ? data.length : sentBytes() }))
    })
    socket.on('close', () => {
      if (!connected) return finish(err('printer.unreachable', `Cannot reach the printer at ${where}.`, { sentBytes: 0 }))
      if (!written) return finish(err('printer.connection_lost', `The printer at ${where} closed the connection after ${sentBytes()} of ${data.length} bytes.`, { sentBytes: sentBytes() }))
      if (!options.complete) return finish(ok({ sentBytes: data.length, reply: null, firstByteMs }))
      const reply = Buffer.concat(chunks)
      if (options.complete(reply)) return finish(ok({ sentBytes: data.length, reply, firstByteMs }))
      finish(err('printer.connection_lost', `The printer at ${where} closed the connection before answering.`, { sentBytes: data.length, reply: reply.toString('latin1') }))
    })
    socket.connect(target.port, target.host, () => {
      connected = true
      firstByteMs = performance.now() - started
      socket.write(data, (e) => {
        if (e) return // the 'error' handler reports it
        written = true
        if (!options.complete) socket.end()
      })
    })
  })
}
