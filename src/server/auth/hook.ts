import type { FastifyRequest } from 'fastify'
import { forbidden, unauthorized } from '../errors'
import type { StationIdentity, TokenStore } from './tokens'

declare module 'fastify' {
  interface FastifyRequest {
    station?: StationIdentity
  }
}

/** Resolves `Authorization: Bearer <token>` to its station or throws 401. The token is never logged. */
export function authenticate(tokens: TokenStore) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization
    const m = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header) : null
    if (!m) throw unauthorized()
    const identity = await tokens.verify(m[1]!)
    if (!identity) throw unauthorized()
    request.station = identity
  }
}

export function stationOf(request: FastifyRequest): StationIdentity {
  if (!request.station) throw unauthorized()
  return request.station
}

/** Head-office routes: an admin token, or 403 (the caller is known, not entitled). */
export function adminOf(request: FastifyRequest): StationIdentity {
  const identity = stationOf(request)
  if (identity.role !== 'admin') throw forbidden('server.admin_only', { station: identity.station }, 'This needs an admin token (dockside-server token create --station NAME --role admin).')
  return identity
}

/** Station routes (pushing events as a station): a station token, or 403. */
export function stationOnly(request: FastifyRequest): StationIdentity {
  const identity = stationOf(request)
  if (identity.role !== 'station') throw forbidden('server.station_only', { station: identity.station }, 'An admin token cannot push station events; use the station\'s own token.')
  return identity
}
