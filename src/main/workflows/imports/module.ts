import { basename } from 'node:path'
import type { CallContext } from '../../../shared/contract'
import { isMessageCode } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import { importInWorker } from '../../import'
import { WorkerFailure } from '../../import/worker-host'
import type { StationEmit } from '../emit'
import type { WorkflowModule } from '../module'

export interface ImportsModuleDeps {
  dataDir: string
  nativeBinding?: string
  operatorId: (ctx?: CallContext) => number | null
  emit: StationEmit
  /** After an applied import: the master data or the orders changed (receiving re-sends its states). */
  onApplied?: () => void
}

/**
 * The imports module: a CSV/XLSX file is checked (preview) or imported (all rows or none) in a worker
 * thread, one import at a time per station — two writers of master data would only wait for each other.
 * Row problems stay in the report (`ImportReport.errors`, the CLI contract); only a failure to run is
 * an error code.
 */
export function createImportsModule(deps: ImportsModuleDeps): WorkflowModule<'imports.preview' | 'imports.run'> {
  let importing: string | null = null

  async function runImport(path: string, dryRun: boolean, ctx: CallContext) {
    if (importing) throw new AppFailure('imports.busy', { file: basename(importing) })
    importing = path
    try {
      const report = await importInWorker(
        { file: path, dataDir: deps.dataDir, dryRun, operatorId: deps.operatorId(ctx), ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}) },
        (progress) => deps.emit('imports.progress', progress)
      )
      if (report.applied) deps.onApplied?.()
      return report
    } catch (error) {
      if (error instanceof WorkerFailure) {
        if (isMessageCode(error.code)) throw new AppFailure(error.code, {} as never, error.details)
        throw new AppFailure('imports.failed', { file: basename(path), detail: error.message }, { ...error.details, cause: error.code })
      }
      throw error
    } finally {
      importing = null
    }
  }

  return {
    name: 'imports',
    handlers: {
      'imports.preview': ({ path }, ctx) => runImport(path, true, ctx),
      'imports.run': ({ path }, ctx) => runImport(path, false, ctx)
    }
  }
}
