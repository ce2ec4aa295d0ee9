import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'
import type { DeviceStatus } from '../../shared/model/devices'
import type { StationSettings } from '../../shared/model/station'
import { logDir, logHealth, type Logger } from '../logging'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../store/file-modes'
import type { createDiagnosticsRepository } from '../store/repositories/diagnostics'

const MAX_LOG_BYTES = 2 * 1024 * 1024

export interface DiagnosticsSources {
  store: ReturnType<typeof createDiagnosticsRepository>
  now: () => Date
  dataDir: string
  version: string
  stationId: string
  settings: () => StationSettings
  devices: () => DeviceStatus[]
  /** The station's logger: the bundle says how many log lines were dropped (full disk…). */
  logger?: Logger
}

function recentLogs(dataDir: string): { file: string; text: string }[] {
  const dir = logDir(dataDir)
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.log'))
  } catch {
    return []
  }
  const newestFirst = files.map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.mtime - a.mtime)
  let budget = MAX_LOG_BYTES
  const out: { file: string; text: string }[] = []
  for (const { f } of newestFirst) {
    if (budget <= 0) break
    const text = readFileSync(join(dir, f), 'utf8')
    const kept = text.length > budget ? text.slice(text.length - budget) : text
    budget -= kept.length
    out.push({ file: f, text: kept })
  }
  return out
}

/** One JSON file with everything support asks for first: versions, settings, devices, scans, logs. */
export function exportDiagnostics(src: DiagnosticsSources, scanJournalRows = 500): { path: string; bytes: number } {
  const journal = src.store.recentScans(scanJournalRows)
  const bundle = {
    createdAt: src.now().toISOString(),
    stationId: src.stationId,
    versions: {
      dockside: src.version,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite: src.store.sqliteVersion(),
      schema: src.store.schemaVersion(),
      os: `${platform()} ${release()} ${arch()}`
    },
    settings: src.settings(),
    devices: src.devices(),
    logging: src.logger ? logHealth(src.logger) : null,
    scanJournal: journal,
    logs: recentLogs(src.dataDir)
  }
  const dir = join(src.dataDir, 'diagnostics')
  ensurePrivateDir(dir)
  const path = join(dir, `dockside-diagnostics-${bundle.createdAt.replace(/[:.]/g, '-')}.json`)
  const text = JSON.stringify(bundle, null, 2)
  writeFileSync(path, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  return { path, bytes: Buffer.byteLength(text) }
}
