import { BrowserWindow } from 'electron'
import { join } from 'node:path'

export interface WindowOptions {
  preloadPath: string
  rendererIndex: string
  devServerUrl?: string
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Dockside',
    backgroundColor: '#0b0f14',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A dock station often sits behind another window: scans must not stall in the background.
      backgroundThrottling: false
    }
  })
  window.once('ready-to-show', () => window.show())
  if (options.devServerUrl) void window.loadURL(options.devServerUrl)
  else void window.loadFile(options.rendererIndex)
  return window
}

export const rendererIndexPath = (mainDir: string) => join(mainDir, '../renderer/index.html')
export const preloadScriptPath = (mainDir: string) => join(mainDir, '../preload/index.cjs')
