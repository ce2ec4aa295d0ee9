import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { futureAi17 } from '../helpers/clock'
import { launchChromium } from '../helpers/browser'
import { scannerSession } from '../helpers/scanner-keys'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'
import { signInClient } from '../helpers/auth'

// Issue 12 at the dock, in Chromium against `dockside serve --demo`, at 1366×768 and 1920×1080, in
// English and Spanish: a recall named at the scan (item 1), the exception taking the serial just
// refused (item 5), scans on screens that take none (item 7), and the Receive layout (item 10).

const GS = '\u001d'
const PEN_GTIN = '80614141123458'
const EXP = futureAi17(18)
const pen = (serial: string, lot = 'L2405') => `]d201${PEN_GTIN}17${EXP}10${lot}${GS}21${serial}`

type Box = { x: number; y: number; width: number; height: number }
const SIZES = [
  { width: 1366, height: 768, tag: 'a' },
  { width: 1920, height: 1080, tag: 'b' }
] as const

describe('the dock in Chromium (issue 12 items 1, 5, 7, 10)', () => {
  let server: RunningServer
  let browser: Browser
  let events: Awaited<ReturnType<typeof connectEvents>>
  const pageErrors: string[] = []
  const results = () => events.of<ScanResult>('scans.result').filter((r) => r.deviceId === 'wedge')

  const useLanguage = async (page: Page, language: 'en' | 'es') => {
    expect((await events.call('settings.update', { language })).ok).toBe(true)
    await page.waitForFunction((l) => document.documentElement.lang === l, language)
  }

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    // This connection is a terminal of its own: the administrator sets the language and opens orders (ADR 0015).
    await signInClient(events, 'administrator')
    browser = await launchChromium()
  })

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
  })

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      let page: Page
      let scanner: Awaited<ReturnType<typeof scannerSession>>
      const box = async (selector: string): Promise<Box> => (await (await page.waitForSelector(selector)).boundingBox())!
      /** One wedge scan and its result. */
      const scan = async (text: string): Promise<ScanResult> => {
        const before = results().length
        await scanner.scan(text)
        await until(() => results().length > before, { what: `the result of ${JSON.stringify(text)}`, timeoutMs: 15_000 })
        return results()[before]!
      }
      const flash = async (tone: 'good' | 'bad' | 'warning', text: string) => {
        await page.waitForFunction(
          ([t, s]) => {
            // The flash, or (if it already faded on a loaded machine) the record of the last signal.
            const el = document.querySelector(`[data-testid=feedback-flash][data-tone=${t}]`) ?? document.querySelector(`[data-testid=feedback-last][data-tone=${t}]`)
            return el !== null && (el.textContent ?? '').includes(s!)
          },
          [tone, text],
          { timeout: 15_000 }
        )
      }
      const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

      beforeAll(async () => {
        page = await browser.newPage({ viewport: { width: size.width, height: size.height } })
        page.on('pageerror', (e) => pageErrors.push(e.message))
        await page.goto(server.url)
        scanner = await scannerSession(page)
        await useLanguage(page, 'en')
        // The station's session is shared: the second page finds the operator signed in already.
        await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
        if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
        await page.click('[data-testid=nav-receive]')
        await page.waitForSelector('[data-testid=screen-receive]')
      })

      afterAll(async () => {
        await page?.close()
      })

      it('layout: Undo, Close order and New pallet visible without scrolling, Undo apart from Close; the reasons fit their panel (en and es)', async () => {
        await blur()
        await scan('ASN-2001')
        await page.waitForSelector('[data-testid=screen-receive][data-order=ASN-2001]')
        for (const language of ['en', 'es'] as const) {
          await useLanguage(page, language)
          expect(await page.evaluate(() => window.scrollY)).toBe(0)
          const undo = await box('[data-testid=receive-undo]')
          const close = await box('[data-testid=receive-close]')
          const newPallet = await box('[data-testid=receive-new-plate]')
          for (const b of [undo, close, newPallet]) {
            expect(b.y).toBeGreaterThanOrEqual(0)
            expect(b.y + b.height).toBeLessThanOrEqual(size.height)
            expect(b.x + b.width).toBeLessThanOrEqual(size.width)
          }
          // Destructive actions apart: not side by side, at least 100 px between their boxes.
          const gapY = Math.max(undo.y - (close.y + close.height), close.y - (undo.y + undo.height))
          const gapX = Math.max(undo.x - (close.x + close.width), close.x - (undo.x + undo.width))
          expect(Math.max(gapX, gapY)).toBeGreaterThanOrEqual(100)
          expect(await page.evaluate(() => document.querySelector('[data-testid=receive-undo]')!.parentElement === document.querySelector('[data-testid=receive-close]')!.parentElement)).toBe(false)
          // Every exception reason inside the panel, its words not cut.
          const panel = await box('[data-testid=receive-exception-panel]')
          for (const reason of ['damaged', 'no_label', 'wrong_item', 'unexpected_serial']) {
            const sel = `[data-testid=receive-reason-${reason}]`
            const b = await box(sel)
            expect(b.x).toBeGreaterThanOrEqual(panel.x)
            expect(b.x + b.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5)
            expect(await page.$eval(sel, (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true)
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
        }
        await useLanguage(page, 'en')
      })

      it('a recalled lot is named at the scan, in English and Spanish, even for a serial not on the order', async () => {
        await blur()
        expect(await scan(pen(`97${size.tag === 'a' ? 1 : 2}001`, 'L2301'))).toMatchObject({ outcome: 'rejected', code: 'receiving.lot_recalled' })
        await flash('bad', 'RECALLED')
        await useLanguage(page, 'es')
        await blur()
        expect(await scan(pen(`97${size.tag === 'a' ? 1 : 2}002`, 'L2301'))).toMatchObject({ code: 'receiving.lot_recalled' })
        await flash('bad', 'RETIRADO')
        await useLanguage(page, 'en')
      })

      it('the exception takes the serial just refused (not the one before), the field is in view with the focus, and the next scan fills it', async () => {
        const n = size.tag === 'a' ? 1 : 2
        await blur()
        expect(await scan(pen(`98${n}001`))).toMatchObject({ outcome: 'rejected', code: 'receiving.unexpected_serial' })
        expect(await scan(pen(`98${n}002`))).toMatchObject({ outcome: 'rejected', code: 'receiving.unexpected_serial' })
        await page.click('[data-testid=receive-reason-unexpected_serial]')
        const field = '[data-testid=receive-exception-code]'
        await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value.includes('21' + '98'), field)
        expect(await page.inputValue(field)).toBe(pen(`98${n}002`))
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'receive-exception-code')
        const b = await box(field)
        expect(b.y).toBeGreaterThanOrEqual(0)
        expect(b.y + b.height).toBeLessThanOrEqual(size.height)
        // The next scan goes into the focused field (outside the wedge: it is not received).
        const before = results().length
        await scanner.scan(pen(`98${n}003`))
        await page.waitForFunction(([sel, v]) => (document.querySelector(sel!) as HTMLInputElement | null)?.value === v, [field, pen(`98${n}003`)], { timeout: 15_000 })
        expect(results().length).toBe(before)
        await page.click('[data-testid=receive-exception-submit]')
        await page.waitForFunction((s) => (document.querySelector('[data-testid=receive-result-message]')?.textContent ?? '').includes(s), `98${n}003`, { timeout: 15_000 })
      })

      it('scans on Sync, Settings (also while typing in a field) and Gate without a session get the amber "does not take scans", in English and Spanish', async () => {
        await page.click('[data-testid=nav-sync]')
        await page.waitForTimeout(300)
        await blur()
        expect(await scan(pen(`99${size.tag === 'a' ? 1 : 2}001`))).toMatchObject({ outcome: 'ignored', tone: 'warning', code: 'scan.screen_takes_no_scans' })
        await flash('warning', 'does not take scans')
        await page.click('[data-testid=nav-settings]')
        const field = '[data-testid=settings-stationName]'
        await page.click(field)
        await page.waitForTimeout(300)
        expect(await scan('ASN-2001')).toMatchObject({ tone: 'warning', code: 'scan.screen_takes_no_scans' })
        await flash('warning', 'does not take scans')
        await useLanguage(page, 'es')
        await page.click('[data-testid=nav-gate]')
        await page.waitForTimeout(300)
        await blur()
        expect(await scan('ASN-2001')).toMatchObject({ tone: 'warning', code: 'gate.no_session' })
        await page.click('[data-testid=nav-sync]')
        await page.waitForTimeout(300)
        await blur()
        expect(await scan('ASN-2001')).toMatchObject({ tone: 'warning', code: 'scan.screen_takes_no_scans' })
        await flash('warning', 'no admite escaneos')
        await useLanguage(page, 'en')
        await page.click('[data-testid=nav-receive]')
        expect(pageErrors).toEqual([])
      })
    })
  }

  describe('slow wedge scanners (item 8): flagged "too slow", never dropped silently; calibrated on Devices, taken as scans', () => {
    let page: Page
    let scanner: Awaited<ReturnType<typeof scannerSession>>
    const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

    beforeAll(async () => {
      // A fresh browser context: its own terminal and its own (empty) calibration.
      page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
      page.on('pageerror', (e) => pageErrors.push(e.message))
      await page.goto(server.url)
      scanner = await scannerSession(page)
      await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
      if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
      await page.click('[data-testid=nav-receive]')
      await page.waitForSelector('[data-testid=screen-receive]')
    })

    afterAll(async () => {
      await page?.close()
    })

    it('uncalibrated: bursts at 60 ms and 90 ms gaps are not received and flash amber "scan too slow — calibrate"', async () => {
      for (const gapMs of [60, 90]) {
        const before = results().length
        await blur()
        await scanner.scan('ASN-2001', { gapMs })
        await page.waitForSelector('[data-testid=feedback-flash][data-tone=warning]:has-text("too slow")', { timeout: 15_000 })
        await page.waitForTimeout(500)
        expect(results().length).toBe(before)
        await page.waitForSelector('[data-testid=feedback-flash]', { state: 'detached', timeout: 15_000 })
      }
    })

    it('a test scan at 90 ms on the Devices screen calibrates this terminal; then 90 ms and 60 ms scans are received', async () => {
      await page.click('[data-testid=nav-devices]')
      await page.click('[data-testid=wedge-calibrate]')
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'wedge-calibration-input')
      const before = results().length
      await scanner.scan('CALIBRATE-90', { gapMs: 90 })
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=wedge-calibration-current]')?.getAttribute('data-inter-key-ms') || 0) > 0, undefined, { timeout: 15_000 })
      const learned = Number(await page.getAttribute('[data-testid=wedge-calibration-current]', 'data-inter-key-ms'))
      expect(learned).toBeGreaterThanOrEqual(120)
      expect(learned).toBeLessThanOrEqual(300)
      expect(results().length).toBe(before) // the test scan itself is not sent anywhere
      await page.click('[data-testid=nav-receive]')
      await page.waitForSelector('[data-testid=screen-receive]')
      for (const gapMs of [90, 60]) {
        const n = results().length
        await blur()
        await scanner.scan('ASN-2001', { gapMs })
        await until(() => results().length > n, { what: `the ${gapMs} ms scan`, timeoutMs: 15_000 })
        expect(results()[n]).toMatchObject({ text: 'ASN-2001', code: 'receiving.order_opened', workflow: 'receiving' })
        await page.click('[data-testid=receive-leave]')
        await page.waitForSelector('[data-testid=receive-orders]')
      }
      expect(pageErrors).toEqual([])
    })
  })

  describe('command barcodes (item 6): scanned by wedge, by shortcut, and the sheet downloads', () => {
    let page: Page
    let scanner: Awaited<ReturnType<typeof scannerSession>>
    const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const scan = async (text: string): Promise<ScanResult> => {
      const before = results().length
      await blur()
      await scanner.scan(text)
      await until(() => results().length > before, { what: `the result of ${text}`, timeoutMs: 15_000 })
      return results()[before]!
    }

    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
      page.on('pageerror', (e) => pageErrors.push(e.message))
      await page.goto(server.url)
      scanner = await scannerSession(page)
      await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
      if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
      await page.click('[data-testid=nav-receive]')
      await page.waitForSelector('[data-testid=screen-receive]')
    })

    afterAll(async () => {
      await page?.close()
    })

    it('on Receive: an exception kind, cancel, undo and go-to-screen by scanned command; Alt+U undoes; buttons show their shortcut', async () => {
      await scan('PO-1001')
      await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
      expect(await page.textContent('[data-testid=receive-undo]')).toContain('Alt+U')
      expect(await page.textContent('[data-testid=receive-close]')).toContain('Alt+C')
      expect(await scan(`]d201${'09521234543213'}21MN00004001`)).toMatchObject({ code: 'receiving.received' })
      expect(await scan('DSCMD-EXCEPTION-DAMAGED')).toMatchObject({ code: 'scan.command', params: { command: 'exception-damaged' }, workflow: 'command' })
      await page.waitForSelector('[data-testid=receive-reason-damaged][aria-pressed=true]')
      await scan('DSCMD-CANCEL')
      await page.waitForSelector('[data-testid=receive-exception-form]', { state: 'detached' })
      await scan('DSCMD-UNDO')
      await page.waitForSelector('[data-testid=receive-result][data-code="receiving.undone"]', { timeout: 15_000 })
      expect(await scan(`]d201${'09521234543213'}21MN00004002`)).toMatchObject({ code: 'receiving.received' })
      await page.waitForTimeout(300)
      await page.keyboard.press('Alt+KeyU')
      await page.waitForFunction(() => document.querySelector('[data-testid=receive-result]')?.getAttribute('data-code') === 'receiving.undone' && (document.querySelector('[data-testid=receive-result-message]')?.textContent ?? '').includes('MN00004002'), undefined, { timeout: 15_000 })
      await scan('DSCMD-GO-PUTAWAY')
      await page.waitForSelector('[data-testid=nav-putaway][aria-current=page]')
      // A command the screen does not take: amber "not available", never silence.
      await scan('DSCMD-CLOSE-ORDER')
      await page.waitForSelector('[data-testid=feedback-flash][data-tone=warning]:has-text("not available")', { timeout: 15_000 })
      await scan('DSCMD-GO-RECEIVE')
      await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
    })

    it('the Receive command sheet downloads as a PDF in the operator’s language', async () => {
      await useLanguage(page, 'es')
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid=command-sheet-download]')])
      expect(download.suggestedFilename()).toBe('dockside-commands-receive-es.pdf')
      const path = await download.path()
      const { readFileSync } = await import('node:fs')
      const pdf = readFileSync(path)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      await useLanguage(page, 'en')
      expect(pageErrors).toEqual([])
    })
  })

  describe('put-away of a recalled unit on screen (item 1): named, hold bin only, supervisor override', () => {
    for (const size of SIZES) {
      it(`at ${size.width}×${size.height}, English then Spanish`, async () => {
        const serial = `96${size.tag === 'a' ? 1 : 2}001`
        expect((await events.call('receiving.open', { order: 'ASN-2001' })).ok).toBe(true)
        const ex = await events.call('receiving.exception', { reason: 'unexpected_serial', code: pen(serial, 'L2301') })
        expect(ex).toMatchObject({ ok: true, value: { outcome: 'warning' } })
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } })
        page.on('pageerror', (e) => pageErrors.push(e.message))
        await page.goto(server.url)
        const scanner = await scannerSession(page)
        await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
        if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
        await useLanguage(page, 'en')
        await page.click('[data-testid=nav-putaway]')
        await page.waitForSelector('[data-testid=screen-putaway]')
        const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
        await blur()
        await scanner.scan(pen(serial, 'L2301'))
        await page.waitForSelector('[data-testid=putaway-result][data-code="putaway.subject_recalled"]', { timeout: 15_000 })
        expect(await page.textContent('[data-testid=putaway-result-message]')).toContain('RECALLED lot L2301')
        expect(await page.getAttribute('[data-testid=putaway-suggestion]', 'data-bin')).toBe('Q-01')
        await blur()
        await scanner.scan('A01-01-01')
        await page.waitForSelector('[data-testid=putaway-result][data-code="putaway.hold_only"]', { timeout: 15_000 })
        await useLanguage(page, 'es')
        expect(await page.textContent('[data-testid=putaway-result-message]')).toContain('no es una ubicación de cuarentena')
        await page.fill('[data-testid=putaway-override-reason]', 'proveedor confirma falsa alarma')
        await page.click('[data-testid=putaway-override-submit]')
        // Ana is an operator: a supervisor (Ben) approves on her screen with his PIN (ADR 0015).
        await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.putaway_override"]', { timeout: 15_000 })
        await page.click('[data-testid=approval-operator-2]')
        await page.fill('[data-testid=approval-pin]', '4321')
        await page.click('[data-testid=approval-submit]')
        await page.waitForSelector('[data-testid=putaway-result][data-code="putaway.moved_override"]', { timeout: 15_000 })
        await useLanguage(page, 'en')
        await page.close()
        expect(pageErrors).toEqual([])
      })
    }
  })

  it('item 4 on screen: the pallet SSCC scanned with no order open opens ASN-2001 and receives the pallet', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    const scanner = await scannerSession(page)
    await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
    if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
    await page.click('[data-testid=nav-receive]')
    await page.waitForSelector('[data-testid=screen-receive] [data-testid=receive-orders]')
    const before = results().length
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await scanner.scan(']C100106141412345678908')
    await until(() => results().length > before, { what: 'the pallet scan', timeoutMs: 15_000 })
    expect(results()[before]).toMatchObject({ code: 'receiving.pallet_received', tone: 'good' })
    await page.waitForSelector('[data-testid=screen-receive][data-order=ASN-2001]', { timeout: 15_000 })
    await page.close()
  })
})
