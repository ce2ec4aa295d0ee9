import { spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'
import { assertUiBuilt } from '../../helpers/ui'

describe('npm start where Electron cannot run', () => {
  it('says why in one sentence and serves the same UI at a printed 127.0.0.1 URL, in DEMO on a fresh data dir', async () => {
    assertUiBuilt()
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKSIDE_DATA_DIR: makeTempDir(), DOCKSIDE_SKIP_BUILD: '1' }
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/start.mjs'), '--port', '0'], { cwd: PROJECT_ROOT, env })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${output}`)), 30_000)
        child.stdout.on('data', () => {
          const match = /Open the station at: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output)
          if (match?.[1]) {
            clearTimeout(timer)
            resolve(match[1])
          }
        })
      })
      const lines = output.trim().split('\n')
      expect(lines[0]).toMatch(/^Electron cannot start here because there is no graphical display \(DISPLAY is not set\), so Dockside is serving the same station UI/)
      expect(output).toContain('ready (DEMO)')
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  })
})

describe('npm start -- --listen', () => {
  it('always serves from the headless host, over TLS on that address, and prints the fingerprint', async () => {
    assertUiBuilt()
    // A graphical display is there: --listen still runs the headless host (the desktop window serves no displays).
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKSIDE_DATA_DIR: makeTempDir(), DOCKSIDE_SKIP_BUILD: '1', DISPLAY: ':99' }
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/start.mjs'), '--port', '0', '--listen', '127.0.0.1'], { cwd: PROJECT_ROOT, env })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${output}`)), 30_000)
        child.stdout.on('data', () => {
          if (/Open the station at: https:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.test(output)) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
      expect(output.trim().split('\n')[0]).toMatch(/^With --listen 127\.0\.0\.1 Dockside serves the station UI over TLS/)
      expect(output).toMatch(/Fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}\n/)
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  })
})

describe('the UI build npm start runs', () => {
  it('prints nothing at --logLevel warn: no third-party notices before the one sentence', { timeout: 240_000 }, () => {
    // Absolute (a relative --outDir is taken relative to each target's root: src/renderer for the UI) and
    // inside the project (outside it electron-vite prints a notice that it will not empty the folder).
    const outDir = join(PROJECT_ROOT, `.build-check-${process.pid}`)
    try {
      const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 220_000
      })
      expect(build.status, build.stderr).toBe(0)
      expect(`${build.stdout}${build.stderr}`.trim()).toBe('')
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
