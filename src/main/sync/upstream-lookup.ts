import type { UpstreamLookup } from '../../shared/model/sync'
import { AppFailure } from '../errors'
import { createSyncClient } from './client'

export interface UpstreamLookupDeps {
  /** The sync settings (server URL and token); '' when unset. */
  config: () => { url: string; token: string }
  stationId: string
  /** The GTIN + serial a scanned code names (the local look-up's parse), or null. */
  unitKey: (code: string) => { gtin: string; serial: string } | null
  /** A look-up is interactive: give up on a silent server soon. */
  timeoutMs?: number
}

/**
 * Look up's upstream part: asks the upstream registry where else the unit is or was. Never throws for
 * the network: offline it answers `unavailable` with `lookup.upstream_unreachable`, and the screen keeps
 * showing this station's own history.
 */
export async function lookupUpstream(deps: UpstreamLookupDeps, code: string): Promise<UpstreamLookup> {
  const key = deps.unitKey(code)
  if (!key) return { state: 'no-unit' }
  const { url, token } = deps.config()
  if (url === '' || token === '') return { state: 'not-configured' }
  try {
    const client = createSyncClient({ baseUrl: url, token, stationId: deps.stationId, timeoutMs: deps.timeoutMs ?? 5000 })
    const found = await client.unit(key.gtin, key.serial)
    if (!found) return { state: 'not-found', ...key }
    const u = found.unit
    return {
      state: 'found',
      ...key,
      unit: u ? { status: u.status, station: u.station, location: u.location_code, plate: u.plate_code, lastEventAt: u.last_event_at } : null,
      history: found.history.map((e) => ({ type: e.type, at: e.occurred_at, station: e.station, location: e.location_code, plate: e.plate_code, order: e.order_number }))
    }
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error
    const params = error.params as Record<string, string | number>
    if (error.code === 'sync.unreachable') return { state: 'unavailable', code: 'lookup.upstream_unreachable', params: { url: String(params.url ?? url), detail: String(params.detail ?? '') } }
    return { state: 'unavailable', code: error.code, params }
  }
}
