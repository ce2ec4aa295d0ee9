import type { CallContext } from '../../../shared/contract'
import { createImportService, type ImportService } from '../../import/service'
import type { StationEmit } from '../emit'
import type { WorkflowModule } from '../module'

export interface ImportsModuleDeps {
  dataDir: string
  nativeBinding?: string
  /** Whether a call may name a path on this machine (the Electron host's file dialog); the served UI uploads. */
  allowPaths: boolean
  operatorId: (ctx?: CallContext) => number | null
  emit: StationEmit
  /** After an applied import: the master data or the orders changed (receiving re-sends its states). */
  onApplied?: () => void
  /** The desktop app's file dialog (Electron); absent in the headless host. */
  chooseFile?: () => Promise<string | null>
}

export interface ImportsModule extends WorkflowModule<'imports.preview' | 'imports.run' | 'imports.cancel' | 'imports.chooseFile'> {
  /** Uploaded files waiting for their preview/run (the headless host's upload endpoint writes here). */
  uploads: ImportService['uploads']
}

/**
 * The imports module: a CSV/XLSX file — uploaded, or (Electron only) a path the operator chose — is
 * checked (preview) or imported (all rows or none) in a worker thread, one import at a time per
 * station, and can always be cancelled. Row problems stay in the report (`ImportReport.errors`, the
 * CLI contract); only a failure to run is an error code.
 */
export function createImportsModule(deps: ImportsModuleDeps): ImportsModule {
  const service = createImportService({
    dataDir: deps.dataDir,
    allowPaths: deps.allowPaths,
    operatorId: deps.operatorId,
    onProgress: (progress) => deps.emit('imports.progress', progress),
    onApplied: () => deps.onApplied?.(),
    ...(deps.chooseFile ? { chooseFile: deps.chooseFile } : {}),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {})
  })
  return {
    name: 'imports',
    uploads: service.uploads,
    handlers: service.handlers,
    close: () => service.close()
  }
}
