#!/usr/bin/env node
// `npm start`: builds the UI, then runs the station in Electron where Electron can run; otherwise says
// why in one sentence and serves the same UI on http://127.0.0.1 for a browser.
// A fresh data directory (no database yet) starts in DEMO mode; pass --no-demo to start empty.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const args = process.argv.slice(2)
const noDemo = args.includes('--no-demo')
const valueOf = (flag) => {
  const at = args.indexOf(flag)
  return at >= 0 ? args[at + 1] : undefined
}
const port = valueOf('--port') ?? process.env.DOCKSIDE_PORT ?? '5757'
const dataDirArg = valueOf('--data-dir')
// Remote displays (ADR 0018) are served by the headless host over TLS: --listen always runs it.
const listen = valueOf('--listen')

register()
const { defaultDataDir } = await import('../src/main/paths.ts')
const { DATABASE_FILE } = await import('../src/main/store/db.ts')
const dataDir = resolve(dataDirArg ?? defaultDataDir())
const demo = !noDemo && !existsSync(join(dataDir, DATABASE_FILE))

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options })
}

if (process.env.DOCKSIDE_SKIP_BUILD !== '1') {
  const build = run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'])
  if (build.status !== 0) {
    console.error('Building the station UI failed (see above).')
    process.exit(1)
  }
  // The fallback below runs `dockside serve`, which starts from the CLI build when it is current.
  const { ensureCliBuild } = await import('./build-cli.ts')
  await ensureCliBuild(root).catch((error) => {
    console.error(`Building the CLI failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}

/** Returns null when Electron can be started, or the reason it cannot. */
function electronUnavailable() {
  if (process.env.DOCKSIDE_NO_ELECTRON === '1') return 'DOCKSIDE_NO_ELECTRON=1 is set'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no graphical display (DISPLAY is not set)'
  // Electron ≥ 42 downloads its binary on first use; this resolves (and if needed downloads) it.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 180_000 })
  if (probe.status !== 0 || !probe.stdout || !existsSync(probe.stdout)) return 'the Electron binary is not installed and could not be downloaded'
  const native = run(process.execPath, [join(root, 'scripts/electron-native.mjs')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (native.status !== 0) return 'better-sqlite3 could not be built for Electron (its headers could not be fetched)'
  return { path: probe.stdout }
}

function serveInBrowser(reason) {
  console.log(
    listen
      ? `With --listen ${listen} Dockside serves the station UI over TLS for this browser and remote displays (the desktop window does not), at the address below.`
      : `Electron cannot start here because ${reason}, so Dockside is serving the same station UI for your browser at the address below.`
  )
  const serveArgs = [join(root, 'bin/dockside.mjs'), 'serve', '--port', port, '--data-dir', dataDir, ...(demo ? ['--demo'] : []), ...(listen ? ['--listen', listen] : [])]
  const child = spawn(process.execPath, serveArgs, { cwd: root, stdio: 'inherit' })
  const stop = (signal) => child.kill(signal)
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', (code) => process.exit(code ?? 0))
}

const electron = listen ? 'remote displays are served by the headless host' : electronUnavailable()
if (typeof electron === 'string') {
  serveInBrowser(electron)
} else {
  const startedAt = Date.now()
  const child = spawn(electron.path, [root, ...(demo ? ['--demo'] : [])], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DOCKSIDE_DATA_DIR: dataDir }
  })
  child.on('error', (error) => serveInBrowser(`Electron failed to launch (${error.message})`))
  child.on('exit', (code) => {
    if (code !== 0 && Date.now() - startedAt < 10_000) serveInBrowser(`Electron exited with code ${code} right after starting`)
    else process.exit(code ?? 0)
  })
}
