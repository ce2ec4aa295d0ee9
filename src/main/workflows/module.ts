import type { CallContext, Handler, MethodName, StationHandlers } from '../../shared/contract'
import type { ScanHandler } from '../services/scan-pipeline'

/**
 * One flow of the station (receiving, put-away, look-up, printing, gate, packing…), built the same
 * way (ADR 0009): pure rules that return `{code, params}`, a repository of its statements in
 * `store/repositories/`, an apply part that writes through the event log, and this module, which
 * hands `createStation` its contract handlers, its scan handlers and what to close on shutdown.
 * Modules are listed once, in `createStation`.
 */
export interface WorkflowModule<M extends MethodName = MethodName> {
  /** The flow's name (also the scan workflow name when it takes scans). */
  name: string
  /** The contract methods this flow implements (its contract area in `shared/contract-areas/`). */
  handlers: { [K in M]: Handler<K> }
  /** Scan workflows this module serves: the active one of a terminal gets that terminal's scans. */
  scanHandlers?: Record<string, ScanHandler>
  /** Awaited on shutdown, in reverse order of creation. */
  close?(): void | Promise<void>
}

export type { CallContext }

/** A module of any area, as `createStation` lists them. */
export type AnyWorkflowModule = Omit<WorkflowModule, 'handlers'> & { handlers: Partial<StationHandlers> }
