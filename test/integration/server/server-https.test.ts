import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { buildApp } from '../../../src/server/app'
import { makeTempDir } from '../../helpers/store'

vi.setConfig({ testTimeout: 120_000 })
const OPENSSL = '/usr/bin/openssl'

describe.skipIf(!existsSync(OPENSSL))(`dockside-server over HTTPS (Fastify https)${existsSync(OPENSSL) ? '' : ' — skipped: no openssl to make a test certificate'}`, () => {
  it('serves the EPCIS discovery over TLS with the configured certificate', async () => {
    const dir = makeTempDir('dockside-tls-')
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
    // No database is touched by OPTIONS /capture; the pool never connects.
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' })
    const app = await buildApp({ pool, logStream: false, https: { key: readFileSync(key), cert: readFileSync(cert) } })
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' })
      expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const { status, version } = await new Promise<{ status: number; version: string | undefined }>((resolve, reject) => {
        const req = request(`${address}/capture`, { method: 'OPTIONS', ca: readFileSync(cert) }, (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, version: res.headers['gs1-epcis-version'] as string | undefined }))
        })
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(204)
      expect(version).toBe('2.0.0')
    } finally {
      await app.close()
      await pool.end()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
