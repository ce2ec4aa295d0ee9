import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'

// A wall display at the loading door, in Chromium against `dockside serve --listen 127.0.0.1`: the
// administrator shows a pairing code in Settings → Displays, the display pairs with it over TLS, shows
// the door's gate live with no buttons, reconnects after a reload, and is cut off when revoked.

const TERMINAL = 'door-1'
const ADMIN = { id: 3, pin: '2468' }

describe('Remote display over TLS in Chromium', () => {
  let server: RunningServer
  let browser: Browser
  let adminContext: BrowserContext
  let displayContext: BrowserContext
  let admin: Page
  let display: Page
  let fingerprint: string
  const pageErrors: string[] = []

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true, extraArgs: ['--listen', '127.0.0.1'] })
    fingerprint = /Fingerprint: ([0-9A-F:]+)/.exec(server.output())?.[1] ?? ''
    browser = await launchChromium()
    // The certificate is self-signed: a person compares the fingerprint; the test browser skips the warning.
    adminContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })
    displayContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })
    admin = await adminContext.newPage()
    display = await displayContext.newPage()
    for (const page of [admin, display]) page.on('pageerror', (e) => pageErrors.push(e.message))
    await admin.goto(`${server.url}&terminal=${TERMINAL}`)
    await signInWithPin(admin, ADMIN.id, ADMIN.pin)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('serves over https only and prints the certificate fingerprint that Settings → Displays shows', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/#token=/)
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    await admin.click('[data-testid=nav-settings]')
    expect(await admin.textContent('[data-testid=settings-fingerprint]', { timeout: 10_000 })).toBe(fingerprint)
    await admin.click('[data-testid=settings-tab-displays]')
    expect(await admin.textContent('[data-testid=displays-fingerprint]', { timeout: 10_000 })).toBe(fingerprint)
  })

  it('pairs a display with the code shown in Settings and shows the gate live, read-only', async () => {
    await display.goto(`${server.origin}/#terminal=${TERMINAL}`)
    await display.waitForSelector('[data-testid=pair-screen]', { timeout: 15_000 })
    await admin.click('[data-testid=displays-pair]')
    const code = (await admin.textContent('[data-testid=displays-code]', { timeout: 10_000 })) ?? ''
    expect(code).toMatch(/^[A-Z2-9]{8}$/)

    await display.fill('[data-testid=pair-code]', 'WRONG234')
    await display.click('[data-testid=pair-submit]')
    expect(await display.getAttribute('[data-testid=error-line]', 'data-code', { timeout: 10_000 })).toBe('displays.code_wrong')
    await display.fill('[data-testid=pair-code]', code)
    await display.fill('[data-testid=pair-name]', 'Door 1 wall')
    await display.click('[data-testid=pair-submit]')
    await display.waitForSelector('[data-testid=display-app]', { timeout: 15_000 })
    expect(await display.textContent('[data-testid=display-badge]')).toBe('Display')
    expect(await display.$$('[data-testid=display-app] button')).toHaveLength(0)
    await admin.waitForSelector('[data-testid=displays-list] >> text=Door 1 wall', { timeout: 10_000 })

    // The door's operator starts a free read on the Gate screen: the display follows it live.
    await admin.click('[data-testid=nav-gate]')
    await admin.click('[data-testid=gate-free]')
    await display.waitForSelector('[data-testid=display-gate] [data-testid=gate-status]', { timeout: 15_000 })
    expect(await display.textContent('[data-testid=display-gate] [data-testid=gate-count-read]')).toBe('0')
    await admin.click('[data-testid=gate-end]')
    await display.waitForFunction(() => /read ended/.test(document.querySelector('[data-testid=gate-status]')?.textContent ?? ''), undefined, { timeout: 15_000 })
  })

  it('reconnects with its token after a reload, and is cut off at once when revoked', async () => {
    await display.reload()
    await display.waitForSelector('[data-testid=display-app]', { timeout: 15_000 })
    await admin.click('[data-testid=nav-settings]')
    await admin.click('[data-testid=settings-tab-displays]')
    await admin.click('[data-testid=displays-list] button >> nth=0')
    await display.waitForSelector('[data-testid=pair-not-connected]', { timeout: 15_000 })
    expect(pageErrors).toEqual([])
  })
})
