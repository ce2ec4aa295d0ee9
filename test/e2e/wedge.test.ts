import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { signInAs, signInClient } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, feedbackSeq, nextFeedback } from '../helpers/ui'
import { scannerSession } from '../helpers/scanner-keys'
import { connectEvents } from '../helpers/ws-events'

type Doc = { activeElement: { blur(): void; dataset: Record<string, string> } | null; querySelector(s: string): { textContent: string | null; value?: string } | null }

describe('keyboard wedge in Chromium against dockside serve', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let events: Awaited<ReturnType<typeof connectEvents>>
  let scanner: Awaited<ReturnType<typeof scannerSession>>
  const scan = (_page: Page, text: string, options: { gapMs?: number; suffix?: boolean } = {}) => scanner.scan(text, options)
  const pageErrors: string[] = []
  const results = () => events.of<ScanResult>('scans.result').filter((r) => r.deviceId === 'wedge')
  const waitResults = async (n: number, ms = 10_000) => {
    const end = Date.now() + ms
    while (results().length < n) {
      if (Date.now() > end) throw new Error(`expected ${n} wedge scans, got ${results().length}: ${JSON.stringify(results().map((r) => r.text))}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    await signInClient(events, 'operator')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    scanner = await scannerSession(page)
    // Scanners and settings are for administrators (ADR 0015).
    await signInAs(page, 'administrator')
    await page.click('[data-testid=nav-devices]')
    await page.waitForSelector('[data-testid=scanner-wedge]')
  })

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
  })

  it('a scan with GS as Ctrl+] goes through the pipeline: parsed elements on screen, and the amber "this screen does not take scans" (Devices receives nothing)', async () => {
    await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.blur())
    const before = results().length
    await scan(page, ']C1011231231231233310ABC123\u001d99TESTING')
    await waitResults(before + 1)
    expect(results().at(-1)).toMatchObject({ text: ']C1011231231231233310ABC123\u001d99TESTING', outcome: 'ignored', tone: 'warning', code: 'scan.screen_takes_no_scans', workflow: 'idle' })
    const flash = await page.waitForSelector('[data-testid=feedback-flash]')
    expect(await flash.getAttribute('data-tone')).toBe('warning')
    expect(await flash.textContent()).toContain('does not take scans')
    await page.waitForSelector('[data-testid=scan-last-parse][data-kind=gs1]')
    const elements = await page.$$eval('[data-testid=scan-last-parse-element]', (rows) => rows.map((r) => r.textContent))
    expect(elements).toEqual(['(01)12312312312333', '(10)ABC123', '(99)TESTING'])
    expect(await page.textContent('[data-testid=scan-last-parse-fields]')).toContain('"gtin": "12312312312333"')
  })

  // How fast they can come is the benchmark's business (npm run bench -- scanners); this is that none is lost.
  it('ten scans typed back to back all arrive, in order', async () => {
    const before = results().length
    const sent = Array.from({ length: 10 }, (_, i) => `]C0BOX-${String(i).padStart(3, '0')}`)
    for (const text of sent) await scan(page, text, { gapMs: 3 })
    await waitResults(before + 10)
    expect(results().slice(before).map((r) => r.text)).toEqual(sent)
  })

  it('Enter (and Space) of a scan never activate the focused button', async () => {
    const button = '[data-testid=scanner-toggle-sim-scanner-1]'
    const label = await page.textContent(button)
    await page.focus(button)
    const before = results().length
    await scan(page, ']C0WITH SPACE 123')
    await waitResults(before + 1)
    expect(results().at(-1)!.text).toBe(']C0WITH SPACE 123')
    await new Promise((r) => setTimeout(r, 300))
    expect(await page.textContent(button)).toBe(label) // not toggled
    expect(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.dataset.testid)).toBe('scanner-toggle-sim-scanner-1')
    const summary = await events.call('scanners.summary', {})
    const sim = (summary.value as { deviceId: string; enabled: boolean }[]).find((s) => s.deviceId === 'sim-scanner-1')
    expect(sim?.enabled).toBe(true)
    // A person pressing Enter on the same button still clicks it.
    await page.waitForTimeout(250)
    await page.keyboard.press('Enter')
    await page.waitForFunction(([sel, text]) => (globalThis as unknown as { document: Doc }).document.querySelector(sel!)?.textContent !== text, [button, label])
    await page.keyboard.press('Enter') // and back
    await page.waitForFunction(([sel, text]) => (globalThis as unknown as { document: Doc }).document.querySelector(sel!)?.textContent === text, [button, label])
  })

  it('typed text in a text field stays typed text; a scan into the field goes to the pipeline and leaves the field as it was', async () => {
    await page.click('[data-testid=nav-settings]')
    const field = '[data-testid=settings-stationName]'
    await page.waitForSelector(field)
    await page.click(field)
    await page.keyboard.press('End')
    const original = await page.inputValue(field)
    const before = results().length
    await page.keyboard.type(' Dock 7', { delay: 90 })
    expect(await page.inputValue(field)).toBe(`${original} Dock 7`)
    await page.waitForTimeout(300)
    await scan(page, ']C0SCANNED-INTO-FIELD')
    await waitResults(before + 1)
    expect(results().at(-1)!.text).toBe(']C0SCANNED-INTO-FIELD')
    expect(results().length).toBe(before + 1)
    await page.waitForFunction(([sel, text]) => (globalThis as unknown as { document: Doc }).document.querySelector(sel!)?.value === text, [field, `${original} Dock 7`])
    expect(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.dataset.testid)).toBe('settings-stationName')
  })

  it('a burst over the 4 kB cap is rejected with a reason and the bad flash; the next scan is fine', async () => {
    await page.click('[data-testid=nav-devices]')
    await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.blur())
    const before = results().length
    const seq = await feedbackSeq(page)
    await scan(page, 'A'.repeat(4500), { gapMs: 2 }) // 10 kB scans are covered below the UI (pipeline, serial)
    await waitResults(before + 1, 60_000)
    expect(results().at(-1)).toMatchObject({ outcome: 'rejected', code: 'scan.too_long' })
    const flash = await nextFeedback(page, seq, 60_000)
    expect(flash.tone).toBe('bad')
    expect(flash.message).toContain('too long')
    await page.waitForTimeout(250)
    await scan(page, ']C0NEXT-OK')
    await waitResults(before + 2)
    expect(results().at(-1)).toMatchObject({ outcome: 'ignored', tone: 'warning', text: ']C0NEXT-OK' })
    expect(pageErrors).toEqual([])
  }, 120_000)
})
