import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliBuildState } from '../../../bin/build-state.mjs'
import { parseTrace, TRACE_NODE_ARGS } from '../../helpers/module-trace'
import { PROJECT_ROOT, startServer, type RunningServer } from '../../helpers/station-server'
import { signInClient } from '../../helpers/auth'
import { connectEvents } from '../../helpers/ws-events'
import { UPLOAD_NAME_HEADER, UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from '../../../src/shared/ws-protocol'

// `dockside serve` from the CLI build (out/cli): the UI from out/renderer, logs through pino's transport
// worker, and our own worker threads (import, discrepancy report) started from their build entries.
describe('dockside serve from the CLI build', () => {
  let server: RunningServer
  let client: Awaited<ReturnType<typeof connectEvents>>

  beforeAll(async () => {
    if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) throw new Error('Build the UI first: npm run build (npm test does it).')
    expect(cliBuildState(PROJECT_ROOT)).toMatchObject({ fresh: true }) // test/global-setup.ts built it
    server = await startServer({ demo: true, nodeArgs: TRACE_NODE_ARGS })
    client = await connectEvents(server)
    await signInClient(client, 'administrator')
  })
  afterAll(async () => {
    client?.close()
    await server?.stop()
  })

  it('serves the built UI and loads nothing from the sources', async () => {
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    const trace = parseTrace(server.output())
    expect(trace.main.some((u) => u.includes('/out/cli/dockside.mjs'))).toBe(true)
    expect([...trace.main, ...trace.worker].filter((u) => u.includes('/src/') || u.includes('/node_modules/tsx/'))).toEqual([])
  })

  it('runs an import in the import worker from the build', async () => {
    // The served UI uploads the file's bytes (a path on the station is refused: issue 11).
    const upload = await fetch(`${server.origin}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: { [UPLOAD_TOKEN_HEADER]: server.token, [UPLOAD_NAME_HEADER]: 'suppliers.csv', Origin: server.origin },
      body: readFileSync(join(PROJECT_ROOT, 'resources/import-samples/suppliers.csv'))
    })
    const answer = (await upload.json()) as { ok: boolean; value: { upload: string } }
    expect(answer.ok).toBe(true)
    const r = await client.call('imports.run', { upload: answer.value.upload })
    expect(r).toMatchObject({ ok: true, value: { applied: true } })
    expect(parseTrace(server.output()).worker.filter((u) => u.endsWith('/out/cli/import-worker.mjs'))).toHaveLength(1)
  })

  it('writes the discrepancy report in the report worker from the build', async () => {
    expect((await client.call('receiving.open', { order: 'PO-1001' })).ok).toBe(true)
    const closed = await client.call('receiving.close', { note: 'build test' })
    expect(closed.ok).toBe(true)
    const { reportPath } = closed.value as { reportPath: string }
    expect(readFileSync(reportPath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(parseTrace(server.output()).worker.filter((u) => u.endsWith('/out/cli/report-worker.mjs'))).toHaveLength(1)
  })

  it('writes its log through pino-roll (a transport worker resolved from the build)', async () => {
    const logFile = join(server.dataDir, 'logs', 'dockside.1.log')
    const deadline = Date.now() + 20_000
    while (!(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('"msg":"demo data seeded"')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(readFileSync(logFile, 'utf8')).toContain('"msg":"demo data seeded"')
  })
})
