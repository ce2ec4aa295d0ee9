import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { CallContext } from '../../shared/contract'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract-channels'
import { err } from '../../shared/result'
import type { EventBus } from '../event-bus'
import type { Dispatch } from '../rpc/dispatch'

function approximateBytes(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** The desktop window is one terminal; its id is stable so a restart resumes its open order. */
export const DESKTOP_TERMINAL = 'desktop'

/** Maps the contract onto one IPC channel; only our own window's main frame may call. */
export function bridgeIpc(window: BrowserWindow, dispatch: Dispatch, events: EventBus, isAppUrl: (url: string) => boolean): () => void {
  const ctx: CallContext = { terminalId: DESKTOP_TERMINAL, host: 'electron' }
  const handler = (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (event.sender !== window.webContents || !frame || frame !== window.webContents.mainFrame || !isAppUrl(frame.url)) {
      return err('forbidden', 'Station calls are accepted only from the Dockside window.')
    }
    return dispatch(method, input, ctx, approximateBytes(input))
  }
  ipcMain.handle(IPC_CALL_CHANNEL, handler)
  const unsubscribe = events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL)
    unsubscribe()
  }
}
