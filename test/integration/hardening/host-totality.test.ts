import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHeadless, type HeadlessHost } from '../../../src/main/headless'
import { silentLogger } from '../../../src/main/logging'
import { WS_PROTOCOL } from '../../../src/shared/ws-protocol'
import { fuzzInputs, sendRaw, statusOf } from '../../helpers/http-fuzz'
import { makeTempDir } from '../../helpers/store'

let host: HeadlessHost
const uncaught: unknown[] = []
const onUncaught = (e: unknown) => uncaught.push(e)

beforeAll(async () => {
  process.on('uncaughtException', onUncaught)
  process.on('unhandledRejection', onUncaught)
  const rendererDir = makeTempDir('dockside-ui-')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dockside</title>')
  host = await startHeadless({ dataDir: makeTempDir(), port: 0, demo: true, rendererDir, version: 'test', logger: silentLogger() })
})
afterAll(async () => {
  await host?.close()
  process.off('uncaughtException', onUncaught)
  process.off('unhandledRejection', onUncaught)
})

const get = (target: string, extra = '') => sendRaw(host.port, [Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${extra}\r\n`, 'latin1')], { endAfterMs: 10_000, boundMs: 20_000 })
const upgradeHeaders = () =>
  `Origin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${WS_PROTOCOL}, token.${host.token}\r\n`

function connectWs(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, [WS_PROTOCOL, `token.${host.token}`], { origin: `http://127.0.0.1:${host.port}` })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function reply(ws: WebSocket, raw: string): Promise<{ id: number | null; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as { id?: number | null; result?: unknown }
      if ('result' in m) {
        ws.off('message', on)
        resolve(m as never)
      }
    }
    ws.on('message', on)
    ws.send(raw)
  })
}

async function stillServes(): Promise<void> {
  expect(statusOf(await get('/'))).toBe(200)
  const ws = await connectWs()
  expect(await reply(ws, JSON.stringify({ id: 7, method: 'station.info', input: {} }))).toMatchObject({ id: 7, result: { ok: true } })
  ws.close()
}

describe('HTTP and WebSocket hosts are total (issue 11, finding 1)', () => {
  it.each(['/%ff', '/%', '/%E0%A4%A', 'http://[', '/%00'])('GET %s answers 400 and the host stays up', async (target) => {
    expect(statusOf(await get(target))).toBe(400)
    await stillServes()
  })

  it.each(['/%ff', '/%', '/%E0%A4%A', 'http://['])('a WebSocket upgrade to %s answers 400 and the host stays up', async (target) => {
    expect(statusOf(await get(target, upgradeHeaders()))).toBe(400)
    await stillServes()
  })

  it('a call id that is not a safe integer (1e400, 2^53, 1.5) is refused, never answered as id null with a result', async () => {
    const ws = await connectWs()
    for (const id of ['1e400', '9007199254740993', '1.5', '-1e400']) {
      expect(await reply(ws, `{"id":${id},"method":"station.info","input":{}}`)).toMatchObject({ id: null, result: { ok: false, error: { code: 'bad_message' } } })
    }
    ws.close()
  })

  it('survives 2,000 fuzzed request lines, headers, URLs and frames over raw TCP (fixed seed)', async () => {
    const answers = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fuzzInputs(host.port, host.token), async (input) => {
        const status = statusOf(await sendRaw(host.port, input))
        answers.set(status, (answers.get(status) ?? 0) + 1)
        // 5xx would mean a handler failed; 0 is a socket closed without an answer (bad frames).
        return status < 500
      }),
      { seed: 20261102, numRuns: 2000 }
    )
    expect(uncaught).toEqual([])
    expect(answers.get(400) ?? 0).toBeGreaterThan(0)
    await stillServes()
  }, 240_000)
})
