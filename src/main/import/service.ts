import { closeSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { CallContext } from '../../shared/contract'
import type { ChosenFile, ImportProgress, ImportReport, ImportSource } from '../../shared/contract-areas/receiving'
import { isMessageCode } from '../../shared/messages/catalog'
import { AppFailure } from '../errors'
import { importInWorker } from './index'
import { OPEN_REFUSAL_TEXT, openRegularFile } from './open-file'
import { MAX_IMPORT_BYTES } from './read'
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
  /** The desktop app's file dialog: the chosen path, or null when the operator cancels. */
  chooseFile?: () => Promise<string | null>
}

export interface ImportService {
  uploads: UploadStore
  handlers: {
    'imports.preview': (input: ImportSource, ctx: CallContext) => Promise<ImportReport>
    'imports.run': (input: ImportSource, ctx: CallContext) => Promise<ImportReport>
    'imports.cancel': () => { cancelled: boolean }
    'imports.chooseFile': () => Promise<ChosenFile | null>
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

  /**
   * A path that cannot be imported (missing, a folder, a pipe, too big) is answered at once, the same
   * report the worker would give, without starting one (which took seconds for a mistyped path).
   */
  const refusedUpFront = (file: string): ImportReport | null => {
    const opened = openRegularFile(file, MAX_IMPORT_BYTES)
    if (opened.ok) {
      closeSync(opened.fd)
      return null
    }
    const limit = opened.reason === 'too_large' ? ` It is ${((opened.size ?? 0) / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.` : ''
    const issue = { row: 1, column: null, rule: `file.${opened.reason}`, message: `${OPEN_REFUSAL_TEXT[opened.reason]}${limit}` }
    return { file: basename(file), kind: null, rows: 0, valid: false, applied: false, errors: [issue], errorCount: 1, truncated: false, preview: [], summary: {}, ms: 0 }
  }

  const run = async (input: ImportSource, dryRun: boolean, ctx: CallContext): Promise<ImportReport> => {
    // One import at a time per station: two writers of master data would only wait for each other.
    if (running) throw new AppFailure('imports.busy', { file: basename(running.name) })
    const source = resolveSource(input)
    const refused = 'path' in input ? refusedUpFront(source.file) : null
    if (refused) return refused
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
      },
      'imports.chooseFile': async () => {
        if (!deps.chooseFile || !deps.allowPaths) throw new AppFailure('imports.dialog_unavailable', {})
        const path = await deps.chooseFile()
        if (path === null) return null
        let bytes = 0
        try {
          bytes = statSync(path).size
        } catch {
          // Reported by the check that follows (file.not_found), with the same words as a typed path.
        }
        return { path, name: basename(path), bytes }
      }
    },
    close() {
      running?.abort.abort()
      uploads.clear()
    }
  }
}
