import { homedir, platform } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_NAME = 'Dockside'

/** Same folder Electron's `app.getPath('userData')` gives, so both hosts share one station by default. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKSIDE_DATA_DIR) return env.DOCKSIDE_DATA_DIR
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
  }
}

/** The project root when running from sources (CLI via tsx, tests). */
export const projectRoot = (): string => fileURLToPath(new URL('../../', import.meta.url))

export const rendererBuildDir = (): string => join(projectRoot(), 'out', 'renderer')
