import { silentLogger } from '../../src/main/logging'
import { createStation, type Station } from '../../src/main/station'
import type { SyncEngineOptions } from '../../src/main/sync/engine'
import { testNow } from './clock'
import { makeTempDir } from './store'

/** A demo station whose sync engine runs only on `sync.syncNow` (unless told otherwise), on 127.0.0.1. */
export function startSyncStation(options: { dataDir?: string; sync?: SyncEngineOptions } = {}): Promise<Station> {
  return createStation({
    dataDir: options.dataDir ?? makeTempDir('dockside-sync-'),
    host: 'headless',
    version: 'test',
    logger: silentLogger(),
    demo: true,
    now: testNow,
    sync: { auto: false, requestTimeoutMs: 20_000, ...options.sync }
  })
}

/** Points the station at the server with a token issued for its own station id. */
export async function connect(station: Station, url: string, token: (stationId: string) => Promise<string>): Promise<string> {
  const stationId = (await station.handlers['station.info']({})).stationId
  const secret = await token(stationId)
  await station.handlers['settings.update']({ syncServerUrl: url, syncToken: secret })
  return secret
}

export const stationIdOf = async (station: Station) => (await station.handlers['station.info']({})).stationId
