import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli'
import { startServer, tempDataDir, type RunningServer } from '../../helpers/station-server'
import { pairOver, pinned } from '../../helpers/tls'

// `dockside serve --listen` and `dockside displays` as site IT runs them (the built CLI, real TLS on 127.0.0.1).

describe('dockside serve --listen and dockside displays', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ demo: true, extraArgs: ['--listen', '127.0.0.1'] })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('prints the https URL and the fingerprint of the certificate kept in the data folder', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+$/)
    const printed = /Fingerprint: (\S+)/.exec(server.output())?.[1]
    const openssl = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', join(server.dataDir, 'tls', 'station-cert.pem')], { encoding: 'utf8' })
    expect(openssl.trim()).toBe(`sha256 Fingerprint=${printed}`)
  })

  it('displays pair prints a one-time code a display pairs with over TLS; displays list shows it', async () => {
    const made = await runCli(['displays', 'pair', '--data-dir', server.dataDir])
    expect(made.code, made.stderr).toBe(0)
    const { code, expiresAt } = JSON.parse(made.stdout) as { code: string; expiresAt: string }
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
    const fingerprint = /Fingerprint: (\S+)/.exec(server.output())![1]!
    const trust = pinned(readFileSync(join(server.dataDir, 'tls', 'station-cert.pem'), 'utf8'), fingerprint)
    const answer = await pairOver(server.port, trust, { code, name: 'CLI paired' })
    expect(answer.status, answer.body).toBe(200)
    const listed = await runCli(['displays', 'list', '--data-dir', server.dataDir])
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'CLI paired', revokedAt: null })])
  })

  it('refuses an address that is not one, and a port already taken, with exit 2 and the reason', async () => {
    const bad = await runCli(['serve', '--listen', 'dock.example', '--port', '0', '--data-dir', tempDataDir()])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--listen must be an IP address/)
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    try {
      const port = String((blocker.address() as { port: number }).port)
      const busy = await runCli(['serve', '--listen', '127.0.0.1', '--port', port, '--data-dir', tempDataDir()])
      expect(busy.code).toBe(2)
      expect(busy.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`)
    } finally {
      blocker.close()
    }
  })
})
