/** Worker thread: one import with its own store connection (never the station's thread). */
import { parentPort, workerData } from 'node:worker_threads'
import type { ImportProgress } from '../../shared/contract-areas/receiving'
import { openStore } from '../store/db'
import { createEventLog } from '../store/event-log'
import { createSettingsRepository } from '../store/repositories/settings'
import { importFile, type WorkerImportOptions } from './index'

const options = workerData as WorkerImportOptions
const post = (m: unknown) => parentPort!.postMessage(m)
try {
  const store = openStore({ dataDir: options.dataDir, stationLock: false, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    const events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
    const report = await importFile(store.db, events, options.file, {
      dryRun: options.dryRun ?? false,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.name ? { name: options.name } : {}),
      operatorId: options.operatorId ?? null,
      onProgress: (progress: ImportProgress) => post({ type: 'progress', progress })
    })
    post({ type: 'done', value: report })
  } finally {
    store.close()
  }
} catch (error) {
  const e = error as { code?: string; message?: string }
  post({ type: 'error', error: { code: typeof e.code === 'string' ? e.code : 'import.failed', message: e.message ?? String(error) } })
}
