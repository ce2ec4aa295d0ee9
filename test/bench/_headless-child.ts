// The headless host alone in its own process, for the hardening fuzz bench: prints its port and token.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { installCrashHandlers } from '../../src/main/crash-log'
import { startHeadless } from '../../src/main/headless'
import { silentLogger } from '../../src/main/logging'
import { makeTempDir } from '../helpers/store'

const dataDir = makeTempDir('dockside-bench-host-')
installCrashHandlers(dataDir)
const ui = makeTempDir('dockside-bench-ui-')
writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Dockside</title>')
const host = await startHeadless({ dataDir, port: 0, demo: true, rendererDir: ui, version: 'bench', logger: silentLogger() })
process.stdout.write(`READY ${host.port} ${host.token} ${dataDir}\n`)
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)))
