/**
 * The transport side of the contract, free of schemas so the sandboxed preload stays tiny.
 * `contract.ts` checks at compile time that EVENT_NAMES matches its event map.
 */
export const IPC_CALL_CHANNEL = 'dockside:call'
export const IPC_EVENT_CHANNEL = 'dockside:event'

export const EVENT_NAMES = ['devices.changed', 'sync.changed', 'settings.changed', 'session.changed', 'scans.result', 'print.changed', 'receiving.changed', 'imports.progress', 'station.storage', 'gate.changed', 'operators.changed', 'displays.changed'] as const

/** What the preload exposes as `window.dockside`: a call function and an event subscription. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
  /** The path of a file dropped on the window (Electron's webUtils; a browser has no such thing). */
  pathForFile?(file: unknown): string
}
