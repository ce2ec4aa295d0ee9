import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../src/main/logging'
import { createStation, type Station } from '../../src/main/station'
import { openStore, type Store } from '../../src/main/store/db'
import { testNow } from './clock'

export const makeTempDir = (prefix = 'dockside-') => mkdtempSync(join(tmpdir(), prefix))

export function openTempStore(dataDir = makeTempDir()): Store {
  return openStore({ dataDir })
}

export function startTestStation(options: { dataDir?: string; demo?: boolean; importPaths?: boolean; chooseImportFile?: () => Promise<string | null> } = {}): Promise<Station> {
  return createStation({
    dataDir: options.dataDir ?? makeTempDir(),
    host: 'headless',
    version: 'test',
    logger: silentLogger(),
    demo: options.demo ?? false,
    importPaths: options.importPaths ?? false,
    ...(options.chooseImportFile ? { chooseImportFile: options.chooseImportFile } : {}),
    now: testNow
  })
}
