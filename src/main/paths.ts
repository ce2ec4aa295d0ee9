import { homedir, platform } from 'node:os'
import { extname, join } from 'node:path'
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

// This file runs from source (src/main/paths.ts under tsx or vitest) or bundled into a build
// (out/main/*.js for Electron, out/cli/*.mjs for the CLI). Both builds are flat — every entry and chunk
// sits directly in out/<build>/ — so the project root is two folders up either way, and a worker entry
// sits in the same folder as whichever chunk holds this code.
const here = import.meta.url
const ownExtension = extname(new URL(here).pathname)

/** True under tsx or vitest (this module is TypeScript), false in a bundle. */
export const runningFromSource = ownExtension === '.ts'

/** The project root (package.json, resources/, out/), from source and from a build alike. */
export const projectRoot = (): string => fileURLToPath(new URL('../../', here))

export const rendererBuildDir = (): string => join(projectRoot(), 'out', 'renderer')

/**
 * Our worker threads by name → their module under src/main. Each build emits every one as an entry of
 * its own named `<name>.js` (Electron, electron.vite.config.ts) or `<name>.mjs` (CLI,
 * scripts/build-cli.ts), which read this table. Moving a worker's source means changing one line here.
 */
export const WORKER_SOURCES = {
  'import-worker': 'import/worker.ts',
  'report-worker': 'workflows/receiving/report-worker.ts'
} as const

export type WorkerName = keyof typeof WORKER_SOURCES

/** Where a worker's module is: its TypeScript source when running from source, else its build entry. */
export function workerUrl(name: WorkerName): URL {
  return runningFromSource ? new URL(`./${WORKER_SOURCES[name]}`, here) : new URL(`./${name}${ownExtension}`, here)
}
