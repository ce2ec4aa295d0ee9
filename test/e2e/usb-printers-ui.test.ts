import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UsbPrinterInfo } from '../../src/main/devices/scanners/discovery'
import { startHeadless, type HeadlessHost } from '../../src/main/headless'
import { silentLogger } from '../../src/main/logging'
import { signInAs, signInOn } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { PROJECT_ROOT } from '../helpers/station-server'
import { makeTempDir } from '../helpers/store'
import { assertUiBuilt } from '../helpers/ui'

// Settings → Printers' add form offers the USB printers the station finds (issue #10.3, "by USB, listed
// when present"), here from a simulated bus injected into the served station (no real USB here).
const ZEBRA: UsbPrinterInfo = { vendorId: 0x0a5f, productId: 0x0166, manufacturer: 'Zebra Technologies', product: 'ZTC ZT411-203dpi ZPL', serialNumber: 'D4J193801234', bus: '1', address: 7, zebra: true }
const GENERIC: UsbPrinterInfo = { vendorId: 0x04b8, productId: 0x0e28, manufacturer: null, product: null, serialNumber: null, bus: '1', address: 9, zebra: false }

describe('USB printers in Settings → Printers (Chromium)', () => {
  let host: HeadlessHost
  let browser: Browser
  let page: Page
  let bus: () => Promise<UsbPrinterInfo[]> = async () => [ZEBRA, GENERIC]
  const pageErrors: string[] = []

  beforeAll(async () => {
    assertUiBuilt()
    host = await startHeadless({
      dataDir: makeTempDir('dockside-usb-e2e-'),
      port: 0,
      demo: true,
      rendererDir: join(PROJECT_ROOT, 'out/renderer'),
      version: 'test',
      logger: silentLogger(),
      printing: { listUsbPrinters: () => bus() }
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(host.url)
    await signInAs(page, 'administrator')
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-printers]')
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await host?.close()
  })

  it('lists the USB printers found; "use" fills the add form with the usb:// address and the model; once added it says as what', async () => {
    await page.waitForSelector('[data-testid=usb-printers][data-state=listed]', { timeout: 15_000 })
    const listed = await page.$$eval('[data-testid=usb-printer]', (els) => els.map((e) => ({ uri: e.getAttribute('data-uri'), text: e.textContent })))
    expect(listed).toEqual([
      { uri: 'usb://0a5f:0166/D4J193801234', text: expect.stringContaining('Zebra Technologies ZTC ZT411-203dpi ZPL · serial D4J193801234') },
      { uri: 'usb://04b8:0e28', text: expect.stringContaining('USB printer 04b8:0e28') }
    ])
    await page.click('[data-testid=usb-printer][data-uri="usb://0a5f:0166/D4J193801234"] [data-testid=usb-printer-use]')
    expect(await page.inputValue('[data-testid=printer-add-uri]')).toBe('usb://0a5f:0166/D4J193801234')
    expect(await page.inputValue('[data-testid=printer-add-name]')).toBe('Zebra Technologies ZTC ZT411-203dpi ZPL')
    await page.click('[data-testid=printer-add]')
    await page.waitForSelector('[data-testid=usb-printer][data-uri="usb://0a5f:0166/D4J193801234"] [data-testid=usb-printer-added]', { timeout: 15_000 })
    const row = await page.$$eval('[data-testid^=printer-printer-]', (els) => els.map((e) => e.textContent ?? ''))
    expect(row.some((r) => r.includes('usb://0a5f:0166/D4J193801234'))).toBe(true)
    // The other one is still offered.
    expect(await page.$('[data-testid=usb-printer][data-uri="usb://04b8:0e28"] [data-testid=usb-printer-use]')).not.toBeNull()
  })

  it('a bus that cannot be listed says so (typing the address still works); a bus with none says none', async () => {
    bus = () => Promise.reject(new Error('LIBUSB_ERROR_ACCESS'))
    await page.click('[data-testid=usb-printers-refresh]')
    expect(await (await page.waitForSelector('[data-testid=usb-printers-unavailable]', { timeout: 15_000 })).textContent()).toContain('USB printers cannot be listed here')
    bus = async () => []
    await page.click('[data-testid=usb-printers-refresh]')
    await page.waitForSelector('[data-testid=usb-printers-none]', { timeout: 15_000 })
    expect(await page.isEnabled('[data-testid=printer-add-uri]')).toBe(true)
  })

  it('in Spanish at 1920×1080, and at 1366×768 every offer and its button fit the width', async () => {
    bus = async () => [ZEBRA, GENERIC]
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 }
    ]) {
      await page.setViewportSize(size)
      await page.click('[data-testid=usb-printers-refresh]')
      await page.waitForSelector('[data-testid=usb-printer-use]', { timeout: 15_000 })
      const boxes = await page.$$eval('[data-testid=usb-printer] button, [data-testid=usb-printer] [data-testid=usb-printer-added]', (els) => els.map((e) => e.getBoundingClientRect().right))
      for (const right of boxes) expect(right).toBeLessThanOrEqual(size.width)
    }
    await signInOn(host.station, 'administrator')
    const r = await host.station.dispatch('settings.update', { language: 'es' }, { terminalId: 'station', host: 'internal' })
    expect(r.ok).toBe(true)
    await page.waitForFunction(() => document.documentElement.lang === 'es')
    expect(await page.textContent('[data-testid=usb-printers]')).toContain('Impresoras USB encontradas en esta estación')
    expect(await page.textContent('[data-testid=usb-printer-added]')).toContain('Añadida como')
    expect(pageErrors).toEqual([])
  })
})
