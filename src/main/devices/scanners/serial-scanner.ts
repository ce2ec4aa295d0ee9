import { SerialFramer, type SerialFrame } from './serial-framer'
import { backoffDelay, createEmitter, DEFAULT_BACKOFF, MAX_SCAN_BYTES, type Backoff, type ScannerDriver, type ScannerEvents, type ScannerStatus } from './types'

/** The part of a serialport `SerialPort` the driver uses: the hardware seam (tests inject their own). */
export interface SerialPortLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown
  on(event: 'close', listener: (error?: Error & { disconnected?: boolean }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  close(callback?: (error?: Error | null) => void): void
  readonly isOpen: boolean
}

export type OpenSerial = (path: string, baudRate: number) => Promise<SerialPortLike>

/** Opens a real port with serialport (loaded lazily: the native module is only needed here). */
export const openSerialPort: OpenSerial = async (path, baudRate) => {
  const { SerialPort } = await import('serialport')
  const port = new SerialPort({ path, baudRate, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
  return port
}

export interface SerialScannerOptions {
  id: string
  name?: string
  path: string
  /** Ignored by USB-CDC scanners; RS-232 ones usually run at 9600 or 115200. */
  baudRate?: number
  silenceMs?: number
  /** Bytes that end a scan (default CR and LF): see `suffixTerminators`. */
  terminators?: readonly number[]
  maxBytes?: number
  backoff?: Backoff
  openSerial?: OpenSerial
}

export function describeOpenError(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/ENOENT|No such file/i.test(message)) return `Serial port ${path} does not exist (unplugged, or a wrong path).`
  if (/EACCES|Permission denied/i.test(message)) return `No permission to open ${path} (on Linux add the user to the "dialout" group).`
  if (/EBUSY|Resource busy|lock/i.test(message)) return `Serial port ${path} is in use by another program.`
  return `Cannot open serial port ${path}: ${message}`
}

/**
 * A serial or USB-CDC scanner. Frames with SerialFramer (CR/LF or silence); an AIM identifier, when the
 * scanner sends one, stays at the front of the data for the pipeline to read. When the port goes away
 * the half frame is rejected as `scan.partial` and the driver reopens the same path with backoff until
 * it comes back or `close()` is called.
 */
export function createSerialScanner(options: SerialScannerOptions): ScannerDriver & { path: string; pendingBytes(): number } {
  const emitter = createEmitter<ScannerEvents>()
  const openSerial = options.openSerial ?? openSerialPort
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  let status: ScannerStatus = { state: 'disconnected', error: null }
  let port: SerialPortLike | null = null
  let framer: SerialFramer | null = null
  let closed = true
  let attempt = 0
  let retry: ReturnType<typeof setTimeout> | null = null
  let connecting: Promise<void> | null = null

  const setStatus = (next: ScannerStatus) => {
    if (next.state === status.state && next.error === status.error) return
    status = next
    emitter.emit('status', status)
  }

  const onFrame = (frame: SerialFrame) => {
    const at = new Date()
    if (frame.kind === 'frame') emitter.emit('scan', { deviceId: options.id, source: 'serial', raw: frame.bytes, at })
    else emitter.emit('rejected', { deviceId: options.id, source: 'serial', raw: frame.bytes, code: frame.code, reason: frame.reason, at })
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

  const connect = (): Promise<void> => {
    if (connecting) return connecting
    connecting = (async () => {
      try {
        const opened = await openSerial(options.path, options.baudRate ?? 9600)
        if (closed) {
          opened.close()
          return
        }
        port = opened
        attempt = 0
        const f = new SerialFramer({ silenceMs: options.silenceMs ?? 150, maxBytes: options.maxBytes ?? MAX_SCAN_BYTES, ...(options.terminators ? { terminators: options.terminators } : {}) })
        framer = f
        f.on('data', onFrame)
        opened.on('data', (data) => f.write(data))
        opened.on('error', (error) => setStatus({ state: 'error', error: error.message }))
        opened.on('close', (error) => {
          if (port !== opened) return
          port = null
          f.discardPartial()
          f.end()
          framer = null
          if (closed) return
          setStatus({ state: 'disconnected', error: error?.disconnected ? `Serial port ${options.path} disconnected.` : (error?.message ?? `Serial port ${options.path} closed.`) })
          scheduleRetry()
        })
        setStatus({ state: 'connected', error: null })
      } catch (error) {
        setStatus({ state: 'disconnected', error: describeOpenError(options.path, error) })
        scheduleRetry()
      } finally {
        connecting = null
      }
    })()
    return connecting
  }

  return {
    id: options.id,
    name: options.name ?? `Serial scanner ${options.path}`,
    transport: 'serial',
    simulated: false,
    path: options.path,
    status: () => status,
    /** Bytes of a scan not yet ended (diagnostics; lets a test know a half scan reached the driver). */
    pendingBytes: () => framer?.pending() ?? 0,
    on: emitter.on,
    async open() {
      if (!closed) return
      closed = false
      attempt = 0
      await connect()
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      retry = null
      await connecting
      const p = port
      port = null
      if (framer) {
        framer.discardPartial()
        framer.end()
        framer = null
      }
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()))
      setStatus({ state: 'disconnected', error: null })
    }
  }
}
