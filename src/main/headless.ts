import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { isIP } from 'node:net'
import { join } from 'node:path'
import type { Logger } from './logging'
import { AppFailure } from './errors'
import { createStation, type Station, type StationDeps } from './station'
import { createRequestHandler } from './web/http-host'
import { attachWsHost } from './web/ws-host'
import { LOOPBACK_POLICY, listenPolicy } from './web/origin-check'
import { loadOrCreateStationCertificate } from './web/tls/station-certificate'

export interface HeadlessOptions {
  dataDir: string
  port: number
  demo: boolean
  rendererDir: string
  version: string
  logger: Logger
  /** The station's clock (default: the system clock). */
  now?: () => Date
  /**
   * Serve on this address over TLS only, for remote displays (ADR 0018); absent: 127.0.0.1 over
   * plain http, as always.
   */
  listen?: string
  /** Printer seams (tests: a simulated USB bus). */
  printing?: StationDeps['printing']
}

export interface HeadlessHost {
  station: Station
  port: number
  token: string
  /** Open this in a browser: the token travels in the fragment, never to a server log. */
  url: string
  /** With `listen`: the address served and the certificate's SHA-256 fingerprint (`AB:CD:…`). */
  remote: { address: string; fingerprint: string; pairUrl: string } | null
  close(): Promise<void>
}

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, address, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** The Node host: the built renderer and the station contract over a WebSocket, on 127.0.0.1 only. */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessHost> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`The station UI is not built (${options.rendererDir} has no index.html). Run \`npm run build\` first.`)
  }
  const station = await createStation({ dataDir: options.dataDir, host: 'headless', version: options.version, logger: options.logger, demo: options.demo, ...(options.now ? { now: options.now } : {}), ...(options.printing ? { printing: options.printing } : {}) })
  const token = randomBytes(24).toString('hex')
  let boundPort = options.port
  const address = options.listen ?? '127.0.0.1'
  const policy = options.listen === undefined ? LOOPBACK_POLICY : listenPolicy(options.listen)
  let certificate: ReturnType<typeof loadOrCreateStationCertificate> | null = null
  try {
    if (options.listen !== undefined) certificate = loadOrCreateStationCertificate(options.dataDir, (await station.handlers['station.info']({})).stationId)
  } catch (error) {
    await station.close()
    throw error
  }
  const displays = station.displays.pairing
  const handler = createRequestHandler({
    rendererDir: options.rendererDir,
    port: () => boundPort,
    token,
    uploads: station.imports.uploads,
    logger: options.logger,
    policy,
    ...(certificate ? { pair: { pair: (input: unknown, from: string) => displays.pair(input, from), logger: options.logger } } : {})
  })
  const timeouts = { requestTimeout: 10 * 60_000, headersTimeout: 30_000 }
  const server: Server = certificate ? createTlsServer({ ...timeouts, key: certificate.privateKey, cert: certificate.certificate }, handler) : createServer(timeouts, handler)
  // A request the HTTP parser cannot read gets 400 and its socket closed; it never reaches a handler.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy()
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  const ws = attachWsHost({
    server,
    port: () => boundPort,
    token,
    dispatch: (method, input, ctx, bytes) => station.dispatch(method, input, ctx, bytes),
    events: station.events,
    logger: options.logger,
    policy,
    ...(certificate ? { displays } : {})
  })
  try {
    boundPort = await listen(server, options.port, address)
  } catch (error) {
    ws.close()
    await station.close()
    const code = (error as NodeJS.ErrnoException).code
    if (options.listen === undefined && code === 'EADDRINUSE') throw new AppFailure('host.port_in_use', { port: String(options.port) })
    if (code === 'EADDRINUSE') throw new AppFailure('displays.port_in_use', { address, port: String(options.port) })
    if (options.listen !== undefined) throw new AppFailure('displays.listen_unavailable', { address, port: String(options.port), reason: code ?? (error instanceof Error ? error.message : String(error)) })
    throw error
  }
  options.logger.info({ port: boundPort, address, tls: certificate !== null }, 'headless host listening')
  // The address a browser on this machine uses: the listen address, or loopback for a wildcard.
  const local = options.listen === undefined || options.listen === '0.0.0.0' || options.listen === '::' ? '127.0.0.1' : isIP(address) === 6 ? `[${address}]` : address
  const scheme = certificate ? 'https' : 'http'
  if (certificate) station.displays.setRemoteAccess({ address, port: boundPort, fingerprint: certificate.fingerprint })
  return {
    station,
    port: boundPort,
    token,
    url: `${scheme}://${local}:${boundPort}/#token=${token}`,
    remote: certificate ? { address, fingerprint: certificate.fingerprint, pairUrl: `https://${local}:${boundPort}/` } : null,
    close: async () => {
      ws.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await station.close()
    }
  }
}
