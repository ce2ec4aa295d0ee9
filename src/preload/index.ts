import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
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
  },
  // A dropped file's path, so an import can read it on the station; the core still checks it is a regular file.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : '')
}

contextBridge.exposeInMainWorld('dockside', bridge)
