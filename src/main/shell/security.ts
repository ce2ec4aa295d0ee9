import { app, dialog, session, shell, type WebContents } from 'electron'
import { isAllowedExternalUrl } from './app-url'

/** Opens a listed https page in the system browser, only after the operator says yes. */
async function openExternalAfterAsking(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this page in your web browser?',
    detail: url
  })
  if (response === 0) await shell.openExternal(url)
}

/**
 * Locks every web contents down: no navigation away from the app, no new windows, no permission
 * prompts (camera, geolocation, HID pickers…), no webviews. Devices are reached only from main.
 */
export function hardenApp(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalAfterAsking(url).catch(() => undefined)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    session.defaultSession.setDevicePermissionHandler(() => false)
  })
}
