import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { Logger } from './logging'
import { AppFailure } from './errors'
import { createStation, type Station, type StationDeps } from './station'
import { createRequestHandler } from './web/http-host'
import { attachWsHost } from './web/ws-host'

export interface HeadlessOptions {
  dataDir: string
  port: number
  demo: boolean
  rendererDir: string
  version: string
  logger: Logger
  /** The station's clock (default: the system clock). */
  now?: () => Date
  /** Printer seams (tests: a simulated USB bus). */
  printing?: StationDeps['printing']
}

export interface HeadlessHost {
  station: Station
  port: number
  token: string
  /** Open this in a browser: the token travels in the fragment, never to a server log. */
  url: string
  close(): Promise<void>
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
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
  const server = createServer(
    { requestTimeout: 10 * 60_000, headersTimeout: 30_000 },
    createRequestHandler({ rendererDir: options.rendererDir, port: () => boundPort, token, uploads: station.imports.uploads, logger: options.logger })
  )
  // A request the HTTP parser cannot read gets 400 and its socket closed; it never reaches a handler.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy()
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  const ws = attachWsHost({ server, port: () => boundPort, token, dispatch: (method, input, ctx, bytes) => station.dispatch(method, input, ctx, bytes), events: station.events, logger: options.logger })
  try {
    boundPort = await listen(server, options.port)
  } catch (error) {
    ws.close()
    await station.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new AppFailure('host.port_in_use', { port: String(options.port) })
    throw error
  }
  options.logger.info({ port: boundPort }, 'headless host listening')
  return {
    station,
    port: boundPort,
    token,
    url: `http://127.0.0.1:${boundPort}/#token=${token}`,
    close: async () => {
      ws.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await station.close()
    }
  }
}
