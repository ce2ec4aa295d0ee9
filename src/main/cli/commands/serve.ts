import { isIP } from 'node:net'
import { parseArgs } from 'node:util'
import { installCrashHandlers } from '../../crash-log'
import { createLogger } from '../../logging'
import { rendererBuildDir } from '../../paths'
import { startHeadless } from '../../headless'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'
import { version } from '../version'

const HELP = `Usage: dockside serve [--port N] [--listen ADDRESS] [--data-dir DIR] [--demo]

Serves the station UI and its API on http://127.0.0.1 only, and prints the URL to open (it carries a
per-launch token; without it a page cannot drive the station).

With --listen, serves them on ADDRESS instead, over TLS only (https/wss), with the station's
self-signed certificate (made once, kept in DATA/tls/) and prints its SHA-256 fingerprint. Remote
browsers can then only pair as read-only displays with a code from Settings → Displays.

Options:
  --port N          TCP port (default 5757; 0 picks a free one)
  --listen ADDRESS  an IP address of this machine, or 0.0.0.0 / :: for all of them (TLS only)
  --data-dir DIR    station data directory (default: $DOCKSIDE_DATA_DIR or the Electron userData folder)
  --demo            seed demo data and simulated devices when the database is empty
  --help            show this help

Environment: DOCKSIDE_CLOCK_OFFSET_DAYS=N runs the station's clock N days ahead (a testing aid: the
suite runs once with the clock a year ahead).`

const STOP_GRACE_MS = 5_000

const serve: CliCommand = {
  summary: 'Serve the station UI and API on 127.0.0.1 (headless host; --listen ADDRESS: over TLS for remote displays)',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return 0
    }
    const { values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, listen: { type: 'string' }, 'data-dir': { type: 'string' }, demo: { type: 'boolean' } },
      strict: true
    })
    const port = values.port === undefined ? 5757 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${values.port}".`)
    const listen = values.listen
    if (listen !== undefined && isIP(listen) === 0) throw new UsageError(`--listen must be an IP address of this machine (e.g. 192.168.1.20), or 0.0.0.0 for all of them, got "${listen}".`)
    const dataDir = resolveDataDir(values['data-dir'])
    // Anything that escapes every handler is written to <data>/logs before the process ends.
    installCrashHandlers(dataDir)
    const logger = createLogger({ dataDir, echo: false })
    const offsetMs = Math.round(Number(process.env.DOCKSIDE_CLOCK_OFFSET_DAYS ?? 0) * 86_400_000) || 0
    const now = offsetMs === 0 ? undefined : () => new Date(Date.now() + offsetMs)
    const host = await startHeadless({ dataDir, port, demo: values.demo ?? false, rendererDir: rendererBuildDir(), version: version(), logger, ...(now ? { now } : {}), ...(listen !== undefined ? { listen } : {}) })
    io.out(`Dockside station ready${values.demo ? ' (DEMO)' : ''} — data in ${dataDir}`)
    // The fingerprint before the URL: whoever waits for the URL has the fingerprint to compare.
    if (host.remote) {
      io.out(`Listening on ${host.remote.address} port ${host.port} over TLS only; displays pair at ${host.remote.pairUrl}`)
      io.out(`Fingerprint: ${host.remote.fingerprint}`)
    }
    io.out(`Open the station at: ${host.url}`)
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    // Stopping never waits on a stuck import or a slow client: the exit is bounded.
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref()
    await host.close()
    logger.flush()
    return 0
  }
}

export default serve
