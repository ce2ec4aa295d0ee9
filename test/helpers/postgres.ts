import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEBIAN_PG_BIN, startLocalCluster } from '../../src/server/db/local-cluster'

export interface TestPostgres {
  /** Connection URL of a fresh database on the throwaway cluster. */
  url: string
  port: number
  /** Creates another empty database on the same cluster and returns its URL. */
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

export const postgresAvailable = (): boolean => existsSync(join(DEBIAN_PG_BIN, 'initdb'))
export const POSTGRES_MISSING = `PostgreSQL 15 is not installed at ${DEBIAN_PG_BIN} (apt-get install postgresql; scripts/test-all.sh does it)`

/**
 * A throwaway PostgreSQL 15 cluster on 127.0.0.1 (random free port) in a temp dir, run as `nobody`
 * when the tests run as root. `stop()` stops the cluster and removes the folder.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-pg-'))
  try {
    const cluster = await startLocalCluster({ binDir: DEBIAN_PG_BIN, dataDir: dir })
    const { default: pg } = await import('pg')
    const createDatabase = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`)
      const client = new pg.Client({ connectionString: cluster.url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return cluster.url.replace(/\/postgres$/, `/${name}`)
    }
    const url = await createDatabase('dockside_test')
    return {
      url,
      port: cluster.port,
      createDatabase,
      stop: async () => {
        try {
          await cluster.stop()
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
