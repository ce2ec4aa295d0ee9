import type { ScanHandler } from './scan-pipeline'

/** Where each terminal's active scan workflow is kept (the terminals registry, persisted). */
export interface WorkflowStore {
  workflowOf(terminalId: string): string
  setWorkflow(terminalId: string, workflow: string): void
}

/**
 * Workflows register a handler by name; each terminal activates one, and that terminal's scans go to
 * it (ADR 0009). A terminal whose workflow is not registered gets the default handler.
 */
export interface ScanRouter {
  register(name: string, handler: ScanHandler): () => void
  /** Activates a workflow for a terminal (null = default); throws for an unregistered name. */
  activate(terminalId: string, name: string | null): void
  active(terminalId: string): string
  handlerOf(terminalId: string): { name: string; handler: ScanHandler | undefined }
}

export function createScanRouter(store: WorkflowStore): ScanRouter {
  const handlers = new Map<string, ScanHandler>()
  const active = (terminalId: string) => {
    const name = store.workflowOf(terminalId)
    return handlers.has(name) ? name : 'default'
  }
  return {
    register(name, handler) {
      handlers.set(name, handler)
      return () => {
        if (handlers.get(name) === handler) handlers.delete(name)
      }
    },
    activate(terminalId, name) {
      if (name !== null && name !== 'default' && !handlers.has(name)) throw new Error(`No scan workflow called "${name}" is registered.`)
      store.setWorkflow(terminalId, name ?? 'default')
    },
    active,
    handlerOf(terminalId) {
      const name = active(terminalId)
      return { name, handler: handlers.get(name) }
    }
  }
}
