import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { ServerError } from './errors'

export interface ServerConfig {
  databaseUrl: string | null
  port: number
  host: string
  /** Where the embedded PostgreSQL keeps its cluster when DATABASE_URL is absent. */
  dataDir: string
  tls: { key: string; cert: string } | null
}

export const DEFAULT_PORT = 8680

/** As root the embedded cluster runs as `nobody`, who cannot enter /root: keep it under /var/lib then. */
const defaultDataDir = () => (typeof process.getuid === 'function' && process.getuid() === 0 ? '/var/lib/dockside-server' : join(homedir(), '.dockside-server'))

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const portText = env.PORT ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) throw new ServerError('server.bad_port', { value: portText }, `PORT must be 0..65535; got "${portText}".`, 400)
  const key = env.DOCKSIDE_SERVER_TLS_KEY
  const cert = env.DOCKSIDE_SERVER_TLS_CERT
  if ((key === undefined) !== (cert === undefined)) {
    throw new ServerError('server.tls_incomplete', {}, 'Set both DOCKSIDE_SERVER_TLS_KEY and DOCKSIDE_SERVER_TLS_CERT (PEM file paths) for HTTPS, or neither.', 400)
  }
  return {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    port,
    host: env.HOST && env.HOST.length > 0 ? env.HOST : '127.0.0.1',
    dataDir: resolve(env.DOCKSIDE_SERVER_DATA_DIR ?? defaultDataDir()),
    tls: key !== undefined && cert !== undefined ? { key, cert } : null
  }
}

/** The URL with its password hidden, for log lines. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}
