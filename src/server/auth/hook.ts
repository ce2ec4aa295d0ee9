import type { FastifyRequest } from 'fastify'
import { unauthorized } from '../errors'
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
