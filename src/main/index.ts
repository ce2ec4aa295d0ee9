import { app, dialog } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installCrashHandlers } from './crash-log'
import { createLogger } from './logging'
import { createAppUrlCheck } from './shell/app-url'
import { electronSqliteBinding } from './shell/native-binding'
import { hardenApp } from './shell/security'
import { bridgeIpc } from './shell/ipc'
import { createMainWindow, preloadScriptPath, rendererIndexPath } from './shell/window'
import { createStation } from './station'
import { DATABASE_FILE } from './store/db'

// Electron entry: a thin shell around the same station core the headless host runs.
const mainDir = fileURLToPath(new URL('.', import.meta.url))
const rendererIndex = rendererIndexPath(mainDir)
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const isAppUrl = createAppUrlCheck({ rendererIndex, ...(devServerUrl ? { devServerUrl } : {}) })

app.setName('Dockside')
hardenApp(isAppUrl)

if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(async () => {
  const dataDir = process.env.DOCKSIDE_DATA_DIR ?? app.getPath('userData')
  installCrashHandlers(dataDir, (code) => app.exit(code))
  const demo = process.argv.includes('--demo') || (!process.argv.includes('--no-demo') && !existsSync(join(dataDir, DATABASE_FILE)))
  const logger = createLogger({ dataDir })
  try {
    const nativeBinding = electronSqliteBinding(app.getAppPath())
    let window: ReturnType<typeof createMainWindow> | null = null
    const chooseImportFile = async (): Promise<string | null> => {
      const options = { properties: ['openFile' as const], filters: [{ name: 'CSV, XLSX', extensions: ['csv', 'txt', 'xlsx'] }] }
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
    }
    const station = await createStation({ dataDir, host: 'electron', version: app.getVersion(), logger, demo, chooseImportFile, ...(nativeBinding ? { nativeBinding } : {}) })
    window = createMainWindow({ preloadPath: preloadScriptPath(mainDir), rendererIndex, ...(devServerUrl ? { devServerUrl } : {}) })
    const unbridge = bridgeIpc(window, (method, input, ctx, bytes) => station.dispatch(method, input, ctx, bytes), station.events, isAppUrl)
    app.on('window-all-closed', () => {
      unbridge()
      // Devices and workers close before the store (ADR 0009); quit once everything has let go.
      void station.close().finally(() => app.quit())
    })
  } catch (error) {
    logger.error({ err: error }, 'station failed to start')
    dialog.showErrorBox('Dockside could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  }
})

