import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type PreloadBridge } from '../shared/contract-channels'

// Exposes the station contract and nothing else: no ipcRenderer, no Node, no arbitrary channels.
const knownEvents = new Set<string>(EVENT_NAMES)

const bridge: PreloadBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, String(method), input),
  on: (event, listener) => {
    if (!knownEvents.has(event)) throw new Error(`Unknown station event ${event}`)
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
  }
}

contextBridge.exposeInMainWorld('dockside', bridge)
