import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { logDir } from './logging'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './store/file-modes'

export const CRASH_LOG_FILE = 'dockside-crash.log'

/** One JSON line, written synchronously: it must reach the disk even when the process ends next. */
export function writeCrashLine(dataDir: string, kind: string, error: unknown): void {
  const e = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { message: String(error) }
  const line = JSON.stringify({ level: 60, time: Date.now(), pid: process.pid, kind, err: e, msg: 'station crashed' }) + '\n'
  try {
    const dir = logDir(dataDir)
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    appendFileSync(join(dir, CRASH_LOG_FILE), line, { mode: PRIVATE_FILE_MODE })
  } catch {
    // Nowhere left to write (full disk, read-only folder): stderr is the last resort.
  }
  try {
    process.stderr.write(line)
  } catch {
    // stderr closed: nothing else to do.
  }
}

/**
 * The last line of defence: an error that escaped every handler is written to the log folder before
 * the process ends (state may be inconsistent after it, so the process does not carry on).
 */
export function installCrashHandlers(dataDir: string, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const onException = (error: unknown) => {
    writeCrashLine(dataDir, 'uncaughtException', error)
    exit(70)
  }
  const onRejection = (reason: unknown) => {
    writeCrashLine(dataDir, 'unhandledRejection', reason)
    exit(70)
  }
  process.on('uncaughtException', onException)
  process.on('unhandledRejection', onRejection)
  return () => {
    process.off('uncaughtException', onException)
    process.off('unhandledRejection', onRejection)
  }
}
