import { join } from 'node:path'
import pino, { type DestinationStream, type Logger } from 'pino'
import { ensurePrivateDir } from './store/file-modes'

export type { Logger }

export interface LoggingOptions {
  dataDir: string
  level?: string
  /** Also print to stderr (headless host, CLI). */
  echo?: boolean
  /** After a failure, how long to wait before opening the log files again (default 30 s). */
  retryMs?: number
}

export const logDir = (dataDir: string) => join(dataDir, 'logs')

/** How logging is doing: lines dropped while the log files could not be written (full disk…). */
export interface LogHealth {
  dropped: number
  failures: number
  lastError: string | null
  writing: boolean
}

const health = new WeakMap<Logger, LogHealth>()

export const logHealth = (logger: Logger): LogHealth => ({ ...(health.get(logger) ?? { dropped: 0, failures: 0, lastError: null, writing: true }) })

interface Transport extends DestinationStream {
  on(event: string, listener: (...args: unknown[]) => void): unknown
  flush?(cb?: (error?: Error) => void): void
  end?(): void
}

/**
 * A destination that never takes the station down: a failing log transport (ENOSPC, a dead worker)
 * is dropped, lines are counted as dropped instead of written, and the transport is opened again
 * after `retryMs` so logging resumes by itself when space returns.
 */
export function resilientDestination(open: () => Transport, state: LogHealth, retryMs: number): DestinationStream & { flush(cb?: (error?: Error) => void): void } {
  let current: Transport | null = null
  let retryAt = 0
  const fail = (error: unknown) => {
    state.failures++
    state.lastError = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error)
    state.writing = false
    current = null
    retryAt = Date.now() + retryMs
  }
  const ensure = (): Transport | null => {
    if (current) return current
    if (Date.now() < retryAt) return null
    try {
      const stream = open()
      stream.on('error', (error) => {
        if (current === stream) fail(error)
      })
      stream.on('close', () => {
        if (current === stream) fail(new Error('log transport closed'))
      })
      current = stream
      state.writing = true
      return stream
    } catch (error) {
      fail(error)
      return null
    }
  }
  return {
    write(line: string) {
      const stream = ensure()
      if (!stream) {
        state.dropped++
        return
      }
      try {
        stream.write(line)
      } catch (error) {
        state.dropped++
        fail(error)
      }
    },
    flush(cb?: (error?: Error) => void) {
      const stream = current
      if (!stream?.flush) return cb?.()
      try {
        stream.flush(() => cb?.())
      } catch {
        cb?.()
      }
    }
  }
}

/**
 * Structured JSON logs in `<data dir>/logs/dockside.N.log`, rotated daily or at 10 MB, 7 files kept.
 * pino-roll runs in a worker thread, so logging never blocks the scan path; a failing log file never
 * stops the station (see resilientDestination).
 */
export function createLogger(options: LoggingOptions): Logger {
  const dir = logDir(options.dataDir)
  const state: LogHealth = { dropped: 0, failures: 0, lastError: null, writing: true }
  const open = (): Transport => {
    ensurePrivateDir(dir)
    const targets: pino.TransportTargetOptions[] = [
      {
        target: 'pino-roll',
        level: options.level ?? 'info',
        options: { file: join(dir, 'dockside'), extension: '.log', frequency: 'daily', size: '10m', limit: { count: 7 }, mkdir: true, mode: 0o600 }
      }
    ]
    if (options.echo) targets.push({ target: 'pino/file', level: options.level ?? 'info', options: { destination: 2 } })
    return pino.transport({ targets }) as unknown as Transport
  }
  const logger = pino({ level: options.level ?? 'info', base: { pid: process.pid } }, resilientDestination(open, state, options.retryMs ?? 30_000))
  health.set(logger, state)
  return logger
}

/** A logger that drops everything: for CLI commands and tests that do not need logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
