import { basename } from 'node:path'
import type { CallContext } from '../../shared/contract'
import type { ImportProgress, ImportReport, ImportSource } from '../../shared/contract-areas/receiving'
import { isMessageCode } from '../../shared/messages/catalog'
import { AppFailure } from '../errors'
import { importInWorker } from './index'
import { createUploadStore, type UploadStore } from './uploads'
import { WorkerFailure } from './worker-host'

export interface ImportServiceDeps {
  dataDir: string
  nativeBinding?: string
  /**
   * Whether a call may name a path on this machine. Only the Electron host (whose path comes from the
   * user's own file dialog) allows it; the served UI uploads the file's bytes instead.
   */
  allowPaths: boolean
  operatorId: (ctx?: CallContext) => number | null
  onProgress: (progress: ImportProgress) => void
  /** After an import wrote something (the receiving screen refreshes). */
  onApplied: () => void
}

export interface ImportService {
  uploads: UploadStore
  handlers: {
    'imports.preview': (input: ImportSource, ctx: CallContext) => Promise<ImportReport>
    'imports.run': (input: ImportSource, ctx: CallContext) => Promise<ImportReport>
    'imports.cancel': () => { cancelled: boolean }
  }
  /** Cancels a running import (station stop) and removes uploads. */
  close(): void
}

/** Imports for the station: one at a time, in a worker, from an upload or (Electron only) a path. */
export function createImportService(deps: ImportServiceDeps): ImportService {
  const uploads = createUploadStore(deps.dataDir)
  uploads.clear()
  let running: { name: string; abort: AbortController } | null = null

  const resolveSource = (input: ImportSource): { file: string; name?: string; uploadId?: string } => {
    if ('upload' in input) {
      const upload = uploads.get(input.upload)
      if (!upload) throw new AppFailure('imports.upload_unknown', {}, { upload: input.upload })
      return { file: upload.path, name: upload.name, uploadId: upload.id }
    }
    if (!deps.allowPaths) {
      throw new AppFailure('imports.path_not_allowed', {})
    }
    return { file: input.path }
  }

  const run = async (input: ImportSource, dryRun: boolean, ctx: CallContext): Promise<ImportReport> => {
    // One import at a time per station: two writers of master data would only wait for each other.
    if (running) throw new AppFailure('imports.busy', { file: basename(running.name) })
    const source = resolveSource(input)
    const abort = new AbortController()
    running = { name: source.name ?? source.file, abort }
    try {
      const report = await importInWorker(
        {
          file: source.file,
          dataDir: deps.dataDir,
          dryRun,
          operatorId: deps.operatorId(ctx),
          ...(source.name ? { name: source.name } : {}),
          ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {})
        },
        deps.onProgress,
        abort.signal
      )
      if (report.applied) deps.onApplied()
      // An upload is kept for the run after its preview; once run (applied or not) it is gone.
      if (!dryRun && source.uploadId) uploads.remove(source.uploadId)
      return report
    } catch (error) {
      if (error instanceof WorkerFailure) {
        if (isMessageCode(error.code)) throw new AppFailure(error.code, {} as never, error.details)
        throw new AppFailure('imports.failed', { file: basename(source.name ?? source.file), detail: error.message }, { ...error.details, cause: error.code })
      }
      throw error
    } finally {
      running = null
    }
  }

  return {
    uploads,
    handlers: {
      'imports.preview': (input, ctx) => run(input, true, ctx),
      'imports.run': (input, ctx) => run(input, false, ctx),
      'imports.cancel': () => {
        if (!running) return { cancelled: false }
        running.abort.abort()
        return { cancelled: true }
      }
    },
    close() {
      running?.abort.abort()
      uploads.clear()
    }
  }
}
