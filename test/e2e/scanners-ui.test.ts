import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs, signInClient } from '../helpers/auth'
import { futureAi17 } from '../helpers/clock'
import { launchChromium } from '../helpers/browser'
import { openPtyPair, type PtyPair } from '../helpers/pty'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// Settings → Scanners (issue #10.4) in Chromium against `dockside serve --demo`: an administrator adds a
// serial scanner on a pty through the form, a scan written into the pty's other end shows in that
// scanner's test box, a port that does not exist is refused with the translated reason (also in Spanish).

describe('Settings → Scanners in Chromium (issue #10.4)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let pty: PtyPair
  let events: Awaited<ReturnType<typeof connectEvents>>
  const pageErrors: string[] = []

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    await signInClient(events, 'administrator')
    pty = await openPtyPair()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    await signInAs(page, 'administrator')
  })

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
    await pty?.close()
  })

  it('adds a pty scanner through the form, shows its scans in its test box, assigns it to this screen, and removes it', async () => {
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-scanners]')
    await page.waitForSelector('[data-testid=scanners-none]')
    // The demo's simulated scanner is listed with the scanners found by themselves (HID POS).
    await page.waitForSelector('[data-testid="scanner-hid-sim-scanner-1"]')
    await page.fill('[data-testid=scanner-add-path]', pty.devicePath)
    await page.selectOption('[data-testid=scanner-add-baud]', '115200')
    await page.selectOption('[data-testid=scanner-add-suffix]', 'crlf')
    await page.fill('[data-testid=scanner-add-name]', 'Door 5 gun')
    await page.click('[data-testid=scanner-add-submit]')
    await page.waitForSelector('[data-testid=scanner-row-1][data-state=connected]', { timeout: 15_000 })
    expect(await page.textContent('[data-testid=scanner-row-1]')).toContain('Door 5 gun')
    expect(await page.getAttribute('[data-testid=scanner-test-1]', 'data-empty')).toBe('true')

    pty.write(']C1011231231231233310ABC123\x1d99TESTING\r\n')
    await page.waitForSelector('[data-testid=scanner-test-1-text]', { timeout: 15_000 })
    expect(await page.textContent('[data-testid=scanner-test-1-text]')).toBe(']C1011231231231233310ABC123⟨GS⟩99TESTING')
    expect(await page.getAttribute('[data-testid=scanner-test-1-parse]', 'data-kind')).toBe('gs1')
    expect(await page.textContent('[data-testid=scanner-test-1-parse]')).toContain('ABC123')

    // Send its scans to this screen: the choice sticks (it is the scanner's row in the registry).
    const own = await page.$eval('[data-testid=scanner-assign-1] option:nth-child(2)', (o) => (o as HTMLOptionElement).value)
    await page.selectOption('[data-testid=scanner-assign-1]', own)
    await until(async () => {
      const r = await events.call('scanners.registered', {})
      return r.ok && (r.value as { terminal: string | null }[])[0]?.terminal === own
    }, { what: 'the assignment saved' })
    expect(await events.call('scanners.registered', {})).toMatchObject({ ok: true, value: [{ id: 1, name: 'Door 5 gun', baud: 115200, suffix: 'crlf', terminal: own }] })
    await page.screenshot({ path: 'test-results/settings-scanners.png', fullPage: true })

    await page.click('[data-testid=scanner-remove-1]')
    await page.waitForSelector('[data-testid=scanners-none]')
    expect(pageErrors).toEqual([])
  })

  it('a port that does not exist is refused with the reason, in English and in Spanish', async () => {
    await page.fill('[data-testid=scanner-add-path]', '/dev/ttyNO-SUCH-SCANNER')
    await page.click('[data-testid=scanner-add-submit]')
    await page.waitForSelector('[data-testid=scanner-add-error][data-code="scanners.port_missing"]')
    expect(await page.textContent('[data-testid=scanner-add-error]')).toContain('Port /dev/ttyNO-SUCH-SCANNER does not exist')

    expect((await events.call('settings.update', { language: 'es' })).ok).toBe(true)
    await page.waitForFunction(() => document.documentElement.lang === 'es')
    expect(await page.textContent('[data-testid=settings-tab-scanners]')).toBe('Escáneres')
    await page.click('[data-testid=scanner-add-submit]')
    await page.waitForFunction(() => document.querySelector('[data-testid=scanner-add-error]')?.textContent?.includes('El puerto /dev/ttyNO-SUCH-SCANNER no existe'))
    expect((await events.call('settings.update', { language: 'en' })).ok).toBe(true)
    expect(pageErrors).toEqual([])
  })

  it('a scanner added in Settings and sent to this screen receives on Receive (#10 done-when)', async () => {
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-scanners]')
    await page.fill('[data-testid=scanner-add-path]', pty.devicePath)
    await page.click('[data-testid=scanner-add-submit]')
    const row = await page.waitForSelector('[data-testid^=scanner-row-][data-state=connected]', { timeout: 15_000 })
    const id = (await row.getAttribute('data-testid'))!.slice('scanner-row-'.length)
    const own = await page.$eval(`[data-testid=scanner-assign-${id}] option:nth-child(2)`, (o) => (o as HTMLOptionElement).value)
    await page.selectOption(`[data-testid=scanner-assign-${id}]`, own)
    await page.waitForFunction(([sel, v]) => (document.querySelector(sel!) as HTMLSelectElement | null)?.value === v, [`[data-testid=scanner-assign-${id}]`, own])

    await page.click('[data-testid=nav-receive]')
    await page.waitForSelector('[data-testid=screen-receive] [data-testid=receive-orders]')
    pty.write('ASN-2001\r\n')
    await page.waitForSelector('[data-testid=screen-receive][data-order=ASN-2001]', { timeout: 15_000 })
    pty.write(`]d20180614141123458${'17'}${futureAi17(18)}10L2405\x1d21100201\r\n`)
    await page.waitForFunction(() => document.querySelector('[data-testid=receive-line-1] [data-col=received]')?.textContent === '1', undefined, { timeout: 15_000 })
    expect(await page.getAttribute('[data-testid=receive-result]', 'data-code')).toBe('receiving.received')
    expect(pageErrors).toEqual([])
  })

  it('first-run setup adds a scanner through the same form', async () => {
    const empty = await startServer({ demo: false })
    const other = await openPtyPair()
    const setup = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    try {
      setup.on('pageerror', (e) => pageErrors.push(e.message))
      await setup.goto(empty.url)
      await setup.fill('[data-testid=setup-admin-name]', 'Site Admin')
      await setup.fill('[data-testid=setup-admin-pin]', '2580')
      await setup.click('[data-testid=setup-admin-create]')
      for (const step of ['station', 'sscc', 'printer']) {
        await setup.waitForSelector(`[data-testid=setup][data-step=${step}]`)
        await setup.click('[data-testid=setup-skip]')
      }
      await setup.waitForSelector('[data-testid=setup][data-step=scanners]')
      await setup.fill('[data-testid=scanner-add-path]', '/dev/ttyNO-SUCH-SCANNER')
      await setup.click('[data-testid=scanner-add-submit]')
      await setup.waitForSelector('[data-testid=scanner-add-error][data-code="scanners.port_missing"]')
      await setup.fill('[data-testid=scanner-add-path]', other.devicePath)
      await setup.fill('[data-testid=scanner-add-name]', 'Door 1')
      await setup.click('[data-testid=scanner-add-submit]')
      await setup.waitForSelector('[data-testid=setup-scanner-1]')
      expect(await setup.textContent('[data-testid=setup-scanner-1]')).toContain('Door 1')
      await setup.click('[data-testid=setup-save]')
      await setup.waitForSelector('[data-testid=nav-receive]')
      expect(pageErrors).toEqual([])
    } finally {
      await setup.close()
      await empty.stop()
      await other.close()
    }
  })
})
