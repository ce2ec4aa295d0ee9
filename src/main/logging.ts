import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'

export type { Logger }

export interface LoggingOptions {
  dataDir: string
  level?: string
  /** Also print to stderr (headless host, CLI). */
  echo?: boolean
}

export const logDir = (dataDir: string) => join(dataDir, 'logs')

/**
 * Structured JSON logs in `<data dir>/logs/dockside.N.log`, rotated daily or at 10 MB, 7 files kept.
 * pino-roll runs in a worker thread, so logging never blocks the scan path.
 */
export function createLogger(options: LoggingOptions): Logger {
  const dir = logDir(options.dataDir)
  mkdirSync(dir, { recursive: true })
  const targets: pino.TransportTargetOptions[] = [
    {
      target: 'pino-roll',
      level: options.level ?? 'info',
      options: { file: join(dir, 'dockside'), extension: '.log', frequency: 'daily', size: '10m', limit: { count: 7 }, mkdir: true }
    }
  ]
  if (options.echo) targets.push({ target: 'pino/file', level: options.level ?? 'info', options: { destination: 2 } })
  return pino({ level: options.level ?? 'info', base: { pid: process.pid } }, pino.transport({ targets }))
}

/** A logger that drops everything: for CLI commands and tests that do not need logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
