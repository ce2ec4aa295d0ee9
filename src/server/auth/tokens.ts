import { createHash, randomBytes } from 'node:crypto'
import type { Pool } from 'pg'
import { ServerError } from '../errors'

export type TokenRole = 'station' | 'admin'

/** Who a token speaks for: a station (writes its own events, reads its site) or an admin (head office). */
export interface StationIdentity {
  stationId: number
  station: string
  site: string
  role: TokenRole
}

export const DEFAULT_SITE = 'default'

/** Tokens are 32 random bytes, base64url; only their sha-256 is stored. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()
const newToken = () => randomBytes(32).toString('base64url')

const STATION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export function assertStationName(name: string): void {
  if (!STATION_NAME.test(name)) {
    throw new ServerError('server.bad_station_name', { name }, `Station name "${name}" must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit.`, 400)
  }
}

export function assertSiteName(site: string): void {
  if (!STATION_NAME.test(site)) {
    throw new ServerError('server.bad_site_name', { site }, `Site name "${site}" must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit.`, 400)
  }
}

export function createTokenStore(pool: Pool) {
  return {
    /**
     * Registers the station if new and issues one more token for it. `site` moves the station to that
     * site (a new station without one is in site "default"); `role` admin makes a head-office token.
     */
    async create(station: string, options: { site?: string; role?: TokenRole } = {}): Promise<{ station: string; token: string }> {
      assertStationName(station)
      if (options.site !== undefined) assertSiteName(options.site)
      const token = newToken()
      await pool.query(
        `WITH s AS (
           INSERT INTO stations (name, site) VALUES ($1, coalesce($3, '${DEFAULT_SITE}'))
           ON CONFLICT (name) DO UPDATE SET site = coalesce($3, stations.site) RETURNING id
         )
         INSERT INTO station_tokens (station_id, token_hash, role) SELECT id, $2, $4 FROM s`,
        [station, hashToken(token), options.site ?? null, options.role ?? 'station']
      )
      return { station, token }
    },

    /** Revokes every live token of the station; returns how many. */
    async revoke(station: string): Promise<number> {
      const { rowCount } = await pool.query(
        `UPDATE station_tokens SET revoked_at = now()
          WHERE revoked_at IS NULL AND station_id = (SELECT id FROM stations WHERE name = $1)`,
        [station]
      )
      return rowCount ?? 0
    },

    /** Revokes every live token of the station and issues a new one, in one transaction. */
    async rotate(station: string): Promise<{ station: string; token: string; revoked: number }> {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const found = await client.query<{ id: string }>('SELECT id FROM stations WHERE name = $1 FOR UPDATE', [station])
        const id = found.rows[0]?.id
        if (id === undefined) throw new ServerError('server.unknown_station', { station }, `No station named "${station}".`, 404)
        // The new token keeps the role the station's tokens had (an admin stays an admin).
        const role = await client.query<{ role: TokenRole }>(`SELECT role FROM station_tokens WHERE station_id = $1 ORDER BY (revoked_at IS NULL) DESC, id DESC LIMIT 1`, [id])
        const revoked = await client.query('UPDATE station_tokens SET revoked_at = now() WHERE station_id = $1 AND revoked_at IS NULL', [id])
        const token = newToken()
        await client.query('INSERT INTO station_tokens (station_id, token_hash, role) VALUES ($1, $2, $3)', [id, hashToken(token), role.rows[0]?.role ?? 'station'])
        await client.query('COMMIT')
        return { station, token, revoked: revoked.rowCount ?? 0 }
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },

    /** The station a live token belongs to, or null (unknown or revoked). */
    async verify(token: string): Promise<StationIdentity | null> {
      const { rows } = await pool.query<{ id: string; name: string; site: string; role: TokenRole }>(
        `SELECT s.id, s.name, s.site, t.role FROM station_tokens t JOIN stations s ON s.id = t.station_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
        [hashToken(token)]
      )
      const row = rows[0]
      return row ? { stationId: Number(row.id), station: row.name, site: row.site, role: row.role } : null
    }
  }
}

export type TokenStore = ReturnType<typeof createTokenStore>
