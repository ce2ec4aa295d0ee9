import { backoffDelay, createEmitter, DEFAULT_BACKOFF, type Backoff } from '../scanners/types'
import { createAsciiSession } from './ascii/session'
import { openRfidPort, portFailure, type OpenRfidPort, type RfidPortLike } from './port'
import { createR2000Session } from './r2000/session'
import type { ProtocolSession, SessionContext, SessionFactory } from './session'
import { createThingMagicSession } from './thingmagic/session'
import { countRejected, emptyCounters, RfidFailure, type ReaderEvents, type ReaderSettings, type ReaderStatus, type RfidIssue, type RfidProtocol, type RfidReader, type TagRead } from './types'

export interface SerialReaderOptions {
  id: string
  name?: string
  path: string
  protocol: RfidProtocol
  /** Default 115200 (ThingMagic, R2000) or 9600 (ASCII). */
  baudRate?: number
  settings?: ReaderSettings
  /** How long to wait for each answer during the handshake and settings (default 1000 ms). */
  answerTimeoutMs?: number
  /** Attempts at the first command before the reader counts as not answering (default 3). */
  handshakeAttempts?: number
  /** Silence while reading after which the inventory is restarted (default 3000 ms; keep-alives come every ~1 s). */
  watchdogMs?: number
  /** Watchdog restarts in a row without a frame before the port is closed and reopened (default 2). */
  watchdogLimit?: number
  /** Give up an incomplete frame after this much silence (framer staleMs, default 100). */
  staleMs?: number
  backoff?: Backoff
  openPort?: OpenRfidPort
  /** Replaces the protocol session (tests). */
  session?: SessionFactory
}

export function defaultBaud(protocol: RfidProtocol): number {
  return protocol === 'ascii' ? 9600 : 115200
}

interface Waiter {
  match: (frame: unknown) => unknown
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: ReturnType<typeof setTimeout>
}

/**
 * A serial UHF reader: opens the port, frames with the protocol's Transform, runs the handshake and
 * the settings, streams tag reads while an inventory is wanted, restarts a silent inventory
 * (watchdog), and reopens the same path with backoff after an unplug, restoring the inventory.
 * `open()` resolves after the first attempt; `status()` then says whether the reader answered.
 */
export function createSerialReader(options: SerialReaderOptions): RfidReader {
  const emitter = createEmitter<ReaderEvents>()
  const counters = emptyCounters()
  const openPort = options.openPort ?? openRfidPort
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const answerMs = options.answerTimeoutMs ?? 1000
  const watchdogMs = options.watchdogMs ?? 3000
  const watchdogLimit = options.watchdogLimit ?? 2
  let status: ReaderStatus = { state: 'disconnected', reading: false, issue: null, info: null }
  let port: RfidPortLike | null = null
  let session: ProtocolSession | null = null
  let waiters: Waiter[] = []
  let closed = true
  let wantReading = false
  let attempt = 0
  let everConnected = false
  let retry: ReturnType<typeof setTimeout> | null = null
  let connecting: Promise<void> | null = null
  let lastFrameAt = 0
  let silentRestarts = 0
  let watchdog: ReturnType<typeof setInterval> | null = null
  let restarting = false

  const setStatus = (change: Partial<ReaderStatus>) => {
    const next = { ...status, ...change }
    if (next.state === status.state && next.reading === status.reading && next.info === status.info && JSON.stringify(next.issue) === JSON.stringify(status.issue)) return
    status = next
    emitter.emit('status', status)
  }

  const issue = (i: RfidIssue) => emitter.emit('issue', i)

  const failWaiters = (error: Error) => {
    const all = waiters
    waiters = []
    for (const w of all) {
      clearTimeout(w.timer)
      w.reject(error)
    }
  }

  const write = (bytes: Buffer) => {
    port?.write(bytes)
  }

  const ctx: SessionContext = {
    write,
    request<T>(bytes: Buffer, match: (frame: unknown) => T | undefined, what: string, timeoutMs = answerMs): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (!port) {
          reject(new RfidFailure('rfid.disconnected', { path: options.path }, `${options.path} is not open.`))
          return
        }
        const w: Waiter = {
          match,
          resolve: resolve as (value: unknown) => void,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((x) => x !== w)
            reject(new RfidFailure('rfid.no_answer', { path: options.path, command: what, ms: timeoutMs }, `The reader on ${options.path} did not answer "${what}" within ${timeoutMs} ms.`))
          }, timeoutMs)
        }
        waiters.push(w)
        write(bytes)
      })
    },
    tag(read) {
      if (!wantReading) return
      counters.reads++
      const full: TagRead = { deviceId: options.id, at: Date.now(), ...read }
      emitter.emit('tag', full)
    },
    rejected(code, bytes, sample) {
      countRejected(counters, code)
      emitter.emit('rejected', { kind: 'rejected', code, bytes, sample })
    },
    keepAlive() {
      counters.keepAlives++
    },
    issue(code, params) {
      if (code === 'rfid.reader_status' || code === 'rfid.reader_error' || code === 'rfid.antenna_missing') counters.readerErrors++
      issue({ code, params })
    },
    reading: () => wantReading
  }

  const onOutput = (obj: { kind: string }) => {
    if (obj.kind === 'rejected') {
      const r = obj as { kind: 'rejected'; code: Parameters<SessionContext['rejected']>[0]; bytes: number; sample: string }
      ctx.rejected(r.code, r.bytes, r.sample)
      return
    }
    lastFrameAt = Date.now()
    if (silentRestarts > 0) {
      silentRestarts = 0
      if (status.issue?.code === 'rfid.reader_silent') setStatus({ state: 'connected', issue: null })
    }
    for (const w of waiters) {
      const value = w.match(obj)
      if (value !== undefined) {
        waiters = waiters.filter((x) => x !== w)
        clearTimeout(w.timer)
        w.resolve(value)
        return
      }
    }
    session?.onFrame(obj)
  }

  const scheduleRetry = () => {
    if (closed || retry) return
    const delay = backoffDelay(attempt++, backoff)
    retry = setTimeout(() => {
      retry = null
      void connect()
    }, delay)
    retry.unref?.()
  }

  const dropPort = (p: RfidPortLike) => {
    if (port !== p) return
    port = null
    const s = session
    session = null
    failWaiters(new RfidFailure('rfid.disconnected', { path: options.path }, `${options.path} disconnected.`))
    if (s) {
      s.framer.removeAllListeners('data')
      s.framer.on('data', (obj: { kind: string }) => {
        if (obj.kind === 'rejected') onOutput(obj)
      })
      s.framer.end()
    }
    if (p.isOpen) p.close(() => undefined)
  }

  const checkWatchdog = async () => {
    if (!session?.watchdog || !wantReading || !port || restarting) return
    if (Date.now() - lastFrameAt < watchdogMs) return
    restarting = true
    try {
      if (silentRestarts >= watchdogLimit) {
        issue({ code: 'rfid.reader_silent', params: { path: options.path, ms: Date.now() - lastFrameAt } })
        const p = port
        silentRestarts = 0
        dropPort(p)
        setStatus({ state: 'disconnected', reading: false, issue: { code: 'rfid.reader_silent', params: { path: options.path } } })
        scheduleRetry()
        return
      }
      silentRestarts++
      counters.watchdogRestarts++
      lastFrameAt = Date.now()
      setStatus({ state: 'error', issue: { code: 'rfid.reader_silent', params: { path: options.path } } })
      issue({ code: 'rfid.reader_silent', params: { path: options.path, restart: silentRestarts } })
      await session.restart().catch((error: unknown) => {
        if (error instanceof RfidFailure) issue(error.issue())
      })
    } finally {
      restarting = false
    }
  }

  const connect = (): Promise<void> => {
    if (connecting) return connecting
    connecting = (async () => {
      let opened: RfidPortLike
      try {
        opened = await openPort(options.path, options.baudRate ?? defaultBaud(options.protocol))
      } catch (error) {
        setStatus({ state: 'disconnected', reading: false, issue: portFailure(options.path, error).issue() })
        scheduleRetry()
        return
      }
      if (closed) {
        opened.close()
        return
      }
      port = opened
      const factory: SessionFactory =
        options.session ??
        ((c) => (options.protocol === 'thingmagic' ? createThingMagicSession(c, { ...(options.staleMs === undefined ? {} : { staleMs: options.staleMs }) }) : options.protocol === 'r2000' ? createR2000Session(c, { ...(options.staleMs === undefined ? {} : { staleMs: options.staleMs }) }) : createAsciiSession(c)))
      const s = factory(ctx)
      session = s
      s.framer.on('data', onOutput)
      opened.on('data', (data) => s.framer.write(data))
      opened.on('error', (error) => issue({ code: 'rfid.port_error', params: { path: options.path, reason: error.message } }))
      opened.on('close', (error) => {
        if (port !== opened) return
        dropPort(opened)
        if (closed) return
        setStatus({ state: 'disconnected', reading: false, issue: { code: error?.disconnected ? 'rfid.unplugged' : 'rfid.port_closed', params: { path: options.path } } })
        scheduleRetry()
      })
      try {
        let info = null
        const tries = Math.max(1, options.handshakeAttempts ?? 3)
        for (let i = 1; info === null; i++) {
          try {
            info = await s.handshake()
          } catch (error) {
            if (!(error instanceof RfidFailure) || error.code !== 'rfid.no_answer' || i >= tries) throw error
          }
        }
        await s.configure(options.settings ?? {})
        if (port !== opened) return
        attempt = 0
        if (everConnected) counters.reconnects++
        everConnected = true
        lastFrameAt = Date.now()
        setStatus({ state: 'connected', issue: null, info })
        if (wantReading) {
          await s.start()
          setStatus({ reading: true })
        }
      } catch (error) {
        if (port !== opened) return
        const failure = error instanceof RfidFailure ? error : new RfidFailure('rfid.handshake_failed', { path: options.path, reason: String(error) }, String(error))
        dropPort(opened)
        setStatus({ state: 'error', reading: false, issue: failure.issue() })
        scheduleRetry()
      }
    })().finally(() => {
      connecting = null
    })
    return connecting
  }

  return {
    id: options.id,
    name: options.name ?? `RFID reader ${options.path}`,
    protocol: options.protocol,
    simulated: false,
    status: () => status,
    counters: () => ({ ...counters }),
    on: emitter.on,
    async open() {
      if (!closed) return
      closed = false
      attempt = 0
      watchdog = setInterval(() => void checkWatchdog(), Math.max(50, Math.min(500, watchdogMs / 4)))
      watchdog.unref?.()
      await connect()
    },
    async close() {
      closed = true
      wantReading = false
      if (retry) clearTimeout(retry)
      retry = null
      if (watchdog) clearInterval(watchdog)
      watchdog = null
      await connecting
      const s = session
      if (s && port && status.reading) await s.stop().catch(() => undefined)
      const p = port
      if (p) {
        dropPort(p)
        await new Promise<void>((resolve) => (p.isOpen ? p.close(() => resolve()) : resolve()))
      }
      setStatus({ state: 'disconnected', reading: false, issue: null })
    },
    async startInventory() {
      wantReading = true
      lastFrameAt = Date.now()
      if (!session || status.state !== 'connected') return // starts on (re)connect
      await session.start()
      setStatus({ reading: true })
    },
    async stopInventory() {
      wantReading = false
      if (session && port) await session.stop()
      setStatus({ reading: false })
    },
    async setOutput(pin, high) {
      if (!session) throw new RfidFailure('rfid.disconnected', { path: options.path }, `${options.path} is not connected.`)
      await session.setOutput(pin, high)
    }
  }
}
