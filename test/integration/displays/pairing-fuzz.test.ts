import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/main/errors'
import { startHeadless, type HeadlessHost } from '../../../src/main/headless'
import { silentLogger } from '../../../src/main/logging'
import { CERTIFICATE_FILE, TLS_FOLDER } from '../../../src/main/web/tls/station-certificate'
import { CODE_ALPHABET } from '../../../src/main/workflows/displays/pairing'
import type { PairingCode } from '../../../src/shared/contract-areas/displays'
import { makeTempDir } from '../../helpers/store'
import { fuzzInputs, sendRaw } from '../../helpers/http-fuzz'
import { connectWss, httpsCall, pairOver, pinned } from '../../helpers/tls'

// Pairing and display tokens are the only inputs a LAN stranger can send (ADR 0018): fuzzed through
// the real handlers — POST /pair over TLS, the wss upgrade, and the core's pairing — nothing pairs
// without the code, nothing crashes, every refusal is a displays.* code.

let host: HeadlessHost
let clockOffset = 0
let trust: ReturnType<typeof pinned>
const uncaught: unknown[] = []
const onUncaught = (e: unknown) => uncaught.push(e)

beforeAll(async () => {
  process.on('uncaughtException', onUncaught)
  process.on('unhandledRejection', onUncaught)
  const rendererDir = makeTempDir('dockside-ui-')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dockside</title>')
  const dataDir = makeTempDir()
  host = await startHeadless({ dataDir, port: 0, listen: '127.0.0.1', demo: true, rendererDir, version: 'test', logger: silentLogger(), now: () => new Date(Date.now() + clockOffset) })
  trust = pinned(readFileSync(join(dataDir, TLS_FOLDER, CERTIFICATE_FILE), 'utf8'), host.remote!.fingerprint)
})
afterAll(async () => {
  await host?.close()
  process.off('uncaughtException', onUncaught)
  process.off('unhandledRejection', onUncaught)
})

const codeLike = fc.string({ unit: fc.constantFrom(...CODE_ALPHABET.split(''), 'a', '-', ' ', '0', 'O'), minLength: 0, maxLength: 12 })
const body = fc.oneof(
  fc.record({ code: codeLike, name: fc.string({ maxLength: 90 }) }),
  fc.record({ code: fc.anything(), name: fc.anything() }, { requiredKeys: [] }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))
)

describe('pairing inputs, fuzzed', () => {
  it('POST /pair: any body is refused with a displays.* code and a 4xx, never paired, never a crash', async () => {
    await newCode()
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const answer = await pairOver(host.port, trust, input)
        expect([400, 403, 429]).toContain(answer.status)
        const parsed = JSON.parse(answer.body) as { ok: boolean; error: { code: string } }
        expect(parsed.ok).toBe(false)
        expect(parsed.error.code).toMatch(/^displays\./)
      }),
      { numRuns: 150, seed: 1018 }
    )
    expect((await httpsCall(host.port, '/', { trust })).status).toBe(200)
  })

  it('the TLS port: raw bytes and plain HTTP requests (fuzzed) get no page and never stop the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fuzzInputs(host.port, host.token), fc.array(fc.uint8Array({ minLength: 1, maxLength: 600 }).map((b) => Buffer.from(b)), { minLength: 1, maxLength: 3 })), async (input) => {
        const answer = await sendRaw(host.port, input)
        expect(answer.toString('latin1')).not.toContain('Dockside')
      }),
      { numRuns: 80, seed: 1018 }
    )
    expect((await httpsCall(host.port, '/', { trust })).status).toBe(200)
    expect(uncaught).toEqual([])
  })

  it('the wss upgrade: any offered display token is refused with 401', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split('')), minLength: 1, maxLength: 130 }), async (token) => {
        await expect(connectWss(host.port, trust, { display: token })).rejects.toThrow(/401/)
      }),
      { numRuns: 60, seed: 1018 }
    )
  })

  it('the core: any input from any address is refused with a displays.* code unless it carries the open code', async () => {
    const { code } = await newCode()
    const pairing = host.station.displays.pairing
    let address = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ code: codeLike.filter((c) => c.replace(/[\s-]/g, '').toUpperCase() !== code), name: fc.constant('x') })), async (input) => {
        address++
        try {
          pairing.pair(input, `10.0.${address >> 8}.${address & 255}`)
          throw new Error(`paired with ${JSON.stringify(input)}`)
        } catch (error) {
          expect(error).toBeInstanceOf(AppFailure)
          expect((error as AppFailure).code).toMatch(/^displays\./)
        }
      }),
      { numRuns: 300, seed: 1018 }
    )
    // Many addresses cannot share the guessing: the pairing door is closed for everyone for a minute…
    expect(() => pairing.pair({ code, name: 'During the storm' }, '10.9.9.9')).toThrow(expect.objectContaining({ code: 'displays.too_many_attempts' }))
    // …and then the open code pairs.
    clockOffset += 61_000
    expect(pairing.pair({ code, name: 'After the storm' }, '10.9.9.9').display.name).toBe('After the storm')
    expect(uncaught).toEqual([])
  })
})

async function newCode(): Promise<PairingCode> {
  const r = await host.station.dispatch('displays.createCode', {})
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as PairingCode
}
