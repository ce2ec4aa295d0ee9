import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is not N-API: Electron needs a build for its own ABI. `npm start` builds one into
 * `.electron-native/` (scripts/electron-native.mjs) so `node_modules` keeps the Node build for tests.
 */
export function electronSqliteBinding(appRoot: string): string | undefined {
  const path = join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  return existsSync(path) ? path : undefined
}
