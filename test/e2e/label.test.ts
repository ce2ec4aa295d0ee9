import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'

// The packing bench in the real UI: preview, print to the demo printer emulator, at-most-once, reprint
// with a reason, and a batch with its progress bar.
describe('Label screen in Chromium against dockside serve (demo printer emulator)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    await signInWithPin(page)
    await page.click('[data-testid=nav-label]')
    await page.waitForSelector('[data-testid=screen-label]')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const jobStatuses = () => page.$$eval('[data-testid^=label-job-] td:nth-child(4)', (cells) => cells.map((c) => c.className))

  it('previews a unit label rendered by the station', async () => {
    await page.waitForSelector('[data-testid=label-printer-status]')
    await page.fill('[data-testid=label-field-gtin]', '09521234543213')
    await page.fill('[data-testid=label-field-serial]', 'MN00004001')
    await page.fill('[data-testid=label-field-expiry]', '2027-06-30')
    await page.click('[data-testid=label-preview-button]')
    const image = await page.waitForSelector('[data-testid=label-preview-image]')
    const size = await image.evaluate((img) => ({ w: (img as HTMLImageElement).naturalWidth, h: (img as HTMLImageElement).naturalHeight }))
    expect(size.w).toBeGreaterThan(300)
    expect(size.h).toBeGreaterThan(200)
  })

  it('prints it once on the emulator, and refuses a second original', async () => {
    await page.click('[data-testid=label-print]')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=label-job-] td.job-confirmed').length === 1, undefined, { timeout: 15_000 })
    await page.click('[data-testid=label-preview-button]')
    await page.waitForSelector('[data-testid=label-preview-image]')
    await page.click('[data-testid=label-print]')
    const error = await page.waitForSelector('[data-testid=error-line]')
    expect(await error.getAttribute('data-code')).toBe('print.already_printed')
    expect(await jobStatuses()).toEqual(['job-confirmed'])
  })

  it('reprints only with a reason, as a new audited job', async () => {
    const reprint = await page.waitForSelector('[data-testid^=label-job-reprint-]')
    await reprint.click()
    await page.waitForSelector('[data-testid=label-reprint-form]')
    expect(await page.isDisabled('[data-testid=label-reprint-confirm]')).toBe(true)
    await page.fill('[data-testid=label-reprint-reason]', 'label torn at the dock')
    await page.click('[data-testid=label-reprint-confirm]')
    // A reprint needs a supervisor: Ben approves with his PIN on Ana's screen (ADR 0015).
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.reprint"]')
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=label-job-] td.job-confirmed').length === 2, undefined, { timeout: 15_000 })
  })

  it('prints a batch with a progress bar', async () => {
    await page.fill('[data-testid=label-batch-serials]', 'MN00004002\nMN00004003\nMN00004004')
    await page.click('[data-testid=label-batch-print]')
    await page.waitForSelector('[data-testid=label-batch-progress] progress')
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[data-testid=label-batch-progress] progress') as HTMLProgressElement | null
        return bar !== null && bar.max === 3 && bar.value === 3
      },
      undefined,
      { timeout: 20_000 }
    )
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=label-job-] td.job-confirmed').length === 5, undefined, { timeout: 15_000 })
  })

  it('looks a scanned code up and says what it found, as a code', async () => {
    await page.fill('[data-testid=label-code]', '(01)09521234543213(21)MN00004999')
    await page.click('[data-testid=label-find]')
    const found = await page.waitForSelector('[data-testid=label-lookup-message]')
    expect(await found.getAttribute('data-code')).toBe('label.lookup.from_scan')
    expect(await found.textContent()).not.toContain('label.lookup') // worded from the language table, not the raw code
    expect(await page.inputValue('[data-testid=label-field-serial]')).toBe('MN00004999')
  })

  it('the preview follows the fields as they are typed (no Preview click); Print is one action with a success flash (issue 12 item 6)', async () => {
    await page.fill('[data-testid=label-field-serial]', 'MN00004777')
    await page.waitForSelector('[data-testid=label-preview-image]', { timeout: 15_000 })
    const first = await page.getAttribute('[data-testid=label-preview-image]', 'src')
    await page.fill('[data-testid=label-field-serial]', 'MN00004778')
    await page.waitForFunction((src) => {
      const img = document.querySelector('[data-testid=label-preview-image]')
      return img !== null && img.getAttribute('src') !== src
    }, first, { timeout: 15_000 })
    await page.click('[data-testid=label-print]')
    await page.waitForSelector('[data-testid=feedback-flash][data-tone=good]', { timeout: 15_000 })
  })
})
