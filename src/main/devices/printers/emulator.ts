/**
 * A Zebra stand-in for demo mode and tests: a TCP server on 127.0.0.1 that answers `~HS` / `~HQES`
 * with a chosen state and keeps every label it receives (and can render them to PNG). It can also
 * misbehave like a real printer: stay silent, drop the connection part-way through a job, or answer
 * late. Imports no native module.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { formatHostStatus, formatHqes, type PrinterStatus } from './zebra-status'

export type EmulatorState = 'ready' | 'paper-out' | 'head-open' | 'paused' | 'ribbon-out'
export const EMULATOR_STATES: readonly EmulatorState[] = ['ready', 'paper-out', 'head-open', 'paused', 'ribbon-out']

export interface EmulatorOptions {
  port?: number
  state?: EmulatorState
  /** Never answer status requests (what a Zebra in some error states does). */
  silent?: boolean
  /** Take label data but never answer a status request that follows it on the same connection. */
  silentAfterLabel?: boolean
  /** Answer status requests after this many ms. */
  answerDelayMs?: number
  /** Close the connection after receiving this many bytes of label data (once; then reset to undefined). */
  dropAfterBytes?: number
  /** Dots per mm for `renderPng` (8 = 203 dpi). */
  dpmm?: number
}

export interface ReceivedLabel {
  zpl: string
  at: Date
}

export interface PrinterEmulator {
  readonly port: number
  readonly uri: string
  state: EmulatorState
  silent: boolean
  silentAfterLabel: boolean
  answerDelayMs: number
  dropAfterBytes: number | undefined
  /** Completed labels (`^XA…^XZ`), in order received. */
  labels(): ReceivedLabel[]
  /** Every byte received that was not a status command. */
  received(): string
  /** Bytes received per connection (for first-byte timing and drop tests). */
  connections(): number
  /** Time the first byte of label data arrived, per label (performance.now()). */
  firstByteTimes(): number[]
  clear(): void
  renderPng(index?: number): Promise<Buffer>
  close(): Promise<void>
}

function statusOf(state: EmulatorState, pending: string): Partial<PrinterStatus> {
  return {
    paperOut: state === 'paper-out',
    headOpen: state === 'head-open',
    paused: state === 'paused',
    ribbonOut: state === 'ribbon-out',
    partialFormat: /\^XA(?![\s\S]*\^XZ)/.test(pending)
  }
}

export async function startPrinterEmulator(options: EmulatorOptions = {}): Promise<PrinterEmulator> {
  const labels: ReceivedLabel[] = []
  const firstBytes: number[] = []
  let all = ''
  let connectionCount = 0
  const sockets = new Set<Socket>()

  const emu = {
    state: options.state ?? 'ready',
    silent: options.silent ?? false,
    silentAfterLabel: options.silentAfterLabel ?? false,
    answerDelayMs: options.answerDelayMs ?? 0,
    dropAfterBytes: options.dropAfterBytes as number | undefined
  }

  const server: Server = createServer((socket) => {
    connectionCount++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let pending = '' // label data of this connection not yet closed by ^XZ
    let bytes = 0
    let firstByteSeen = false
    let labelData = false
    const answer = (text: string) => {
      if (emu.silent || (emu.silentAfterLabel && labelData)) return
      const send = () => socket.writable && socket.write(text, 'latin1')
      if (emu.answerDelayMs > 0) setTimeout(send, emu.answerDelayMs)
      else send()
    }
    socket.on('data', (chunk: Buffer) => {
      let text = chunk.toString('latin1')
      if (emu.dropAfterBytes !== undefined && bytes + text.length > emu.dropAfterBytes) {
        const keep = Math.max(0, emu.dropAfterBytes - bytes)
        pending += text.slice(0, keep)
        all += text.slice(0, keep)
        emu.dropAfterBytes = undefined
        socket.destroy()
        return
      }
      bytes += text.length
      if (text.includes('^XA')) labelData = true
      // Tilde commands act at once, wherever they are in the stream.
      text = text.replace(/~HQES|~HS|~JA/g, (cmd) => {
        if (cmd === '~HS') answer(formatHostStatus(statusOf(emu.state, pending)))
        else if (cmd === '~HQES') answer(formatHqes(statusOf(emu.state, pending)))
        else pending = ''
        return ''
      })
      if (text.length === 0) return
      if (!firstByteSeen && text.includes('^XA')) {
        firstBytes.push(performance.now())
        firstByteSeen = true
      }
      pending += text
      all += text
      let end: number
      while ((end = pending.indexOf('^XZ')) >= 0) {
        const start = pending.indexOf('^XA')
        const body = pending.slice(Math.max(start, 0), end + 3)
        labels.push({ zpl: Buffer.from(body, 'latin1').toString('utf8'), at: new Date() })
        pending = pending.slice(end + 3)
        firstByteSeen = false
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return Object.assign(emu, {
    port,
    uri: `tcp://127.0.0.1:${port}`,
    labels: () => [...labels],
    received: () => Buffer.from(all, 'latin1').toString('utf8'),
    connections: () => connectionCount,
    firstByteTimes: () => [...firstBytes],
    clear() {
      labels.length = 0
      firstBytes.length = 0
      all = ''
    },
    async renderPng(index = labels.length - 1) {
      const label = labels[index]
      if (!label) throw new Error(`The emulator has no label ${index}.`)
      const dpmm = options.dpmm ?? 8
      const pw = Number(/\^PW(\d+)/.exec(label.zpl)?.[1] ?? 812)
      const ll = Number(/\^LL(\d+)/.exec(label.zpl)?.[1] ?? 1218)
      const { zplToPng } = await import('../../labels/png')
      return zplToPng(label.zpl, pw / dpmm, ll / dpmm, dpmm === 12 ? 300 : dpmm === 24 ? 600 : 203)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }) as PrinterEmulator
}
