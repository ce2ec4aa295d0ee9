import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { freePort } from '../../src/server/db/local-cluster'
import { launchChromium } from '../helpers/browser'
import { POSTGRES_MISSING, postgresAvailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { startInProcessServer, type InProcessServer } from '../helpers/server'
import { startServer, type RunningServer } from '../helpers/station-server'
import { push, syncEvent } from '../helpers/sync-events'
import { signInClient } from '../helpers/auth'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { connectEvents } from '../helpers/ws-events'

// Look up's upstream part in the real UI: where else the unit went (marked upstream), and offline the
// local record with "upstream not reachable". Real PostgreSQL, a busy machine: generous bounds.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const available = postgresAvailable()
const MON_GTIN = '09521234543213'
const SERIAL = 'MN00004001'

describe.skipIf(!available)(`Look up shows the upstream registry in Chromium${available ? '' : ` — skipped: ${POSTGRES_MISSING}`}`, () => {
  let pgc: TestPostgres
  let upstream: InProcessServer
  let station: RunningServer
  let browser: Browser
  let page: Page
  let events: Awaited<ReturnType<typeof connectEvents>>
  const pageErrors: string[] = []
  const call = async (method: string, input: unknown) => {
    const r = await events.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.value as Record<string, unknown>
  }
  const lookUp = async (code: string) => {
    await page.fill('[data-testid=lookup-code]', code)
    await page.click('[data-testid=lookup-find]')
  }

  beforeAll(async () => {
    assertUiBuilt()
    pgc = await startTestPostgres()
    upstream = await startInProcessServer(pgc.url)
    station = await startServer({ demo: true })
    events = await connectEvents(station)
    // Received here first (the demo holds no units), then synced upstream.
    // This connection is its own terminal: the administrator receives here and sets up sync (ADR 0015).
    await signInClient(events, 'administrator')
    await call('receiving.open', { order: 'PO-1001' })
    expect(await call('receiving.submit', { text: `]d201${MON_GTIN}21${SERIAL}` })).toMatchObject({ outcome: 'accepted' })
    await call('receiving.leave', {})
    const { stationId } = (await call('station.info', {})) as { stationId: string }
    await call('settings.update', { syncServerUrl: upstream.url, syncToken: await upstream.token(stationId) })
    expect(await call('sync.syncNow', {})).toMatchObject({ state: 'idle', pending: 0 })
    // Another station of the site shipped the unit since.
    const door = await upstream.token('door-9')
    expect((await push(upstream.url, door, [syncEvent('door-9', 'unit.shipped', { unit: { gtin: MON_GTIN, serial: SERIAL }, location: { code: 'DOOR-9' } })])).status).toBe(200)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(station.url)
    await signInWithPin(page)
  })
  afterAll(async () => {
    await browser?.close()
    events?.close()
    await station?.stop()
    await upstream?.close()
    await pgc?.stop()
  })

  it('shows where else the unit is upstream, apart from the local record; offline it says upstream is not reachable', async () => {
    await page.click('[data-testid=nav-lookup]')
    await page.waitForSelector('[data-testid=screen-lookup]')
    await lookUp(SERIAL)
    await page.waitForSelector(`[data-testid=lookup-unit][data-serial=${SERIAL}]`)
    await page.waitForSelector('[data-testid=lookup-upstream][data-state=found]')
    expect(await page.textContent('[data-testid=lookup-upstream]')).toContain('Upstream (server registry)')
    expect(await page.textContent('[data-testid=lookup-upstream-now]')).toBe('Now: shipped at station door-9')
    const steps = await page.$$eval('[data-testid=lookup-upstream-event]', (els) => els.map((e) => `${e.getAttribute('data-type')}@${e.getAttribute('data-station')}`))
    expect(steps.at(-1)).toBe('unit.shipped@door-9')
    expect(steps.length).toBeGreaterThan(1)

    await call('settings.update', { syncServerUrl: `http://127.0.0.1:${await freePort()}` })
    await lookUp(SERIAL)
    await page.waitForSelector('[data-testid=lookup-upstream-error][data-code="lookup.upstream_unreachable"]')
    expect(await page.isVisible(`[data-testid=lookup-unit][data-serial=${SERIAL}]`)).toBe(true)
    expect(await page.textContent('[data-testid=lookup-upstream-error]')).toContain('Upstream not reachable')
    expect(pageErrors).toEqual([])
  })
})
