import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'

const MODES = ['receive', 'putaway', 'label', 'gate', 'lookup', 'devices', 'sync', 'settings']

describe('station shell in Chromium against dockside serve', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the demo station and the sign-in screen, and keeps the token out of the address bar', async () => {
    await page.waitForSelector('[data-testid=sign-in]')
    expect(await page.textContent('[data-testid=demo-badge]')).toBe('DEMO')
    expect(page.url()).not.toContain('token')
    expect(await page.textContent('[data-testid=status-operator]')).toContain('signed out')
  })

  it('refuses a wrong PIN with the error flash', async () => {
    await page.click('[data-testid=operator-1]')
    for (const digit of '9999') await page.click(`[data-testid=pin-${digit}]`)
    await page.click('[data-testid=pin-submit]')
    const flash = await page.waitForSelector('[data-testid=feedback-flash]')
    expect(await flash.getAttribute('data-tone')).toBe('bad')
    expect(await page.textContent('[data-testid=error-line]')).toContain('Wrong operator or PIN')
  })

  it('signs in with the PIN pad and navigates every mode', async () => {
    await signInWithPin(page)
    expect(await page.textContent('[data-testid=status-operator]')).toContain('Ana García')
    for (const mode of MODES) {
      await page.click(`[data-testid=nav-${mode}]`)
      await page.waitForSelector(`[data-testid=screen-${mode}]`)
      expect(await page.getAttribute(`[data-testid=nav-${mode}]`, 'aria-current')).toBe('page')
    }
  })

  it('shows device and sync status from the station', async () => {
    await page.click('[data-testid=nav-sync]')
    expect(await page.textContent('[data-testid=sync-state]')).toBe('not configured')
    const pending = Number(await page.textContent('[data-testid=sync-pending]'))
    expect(pending).toBeGreaterThan(0)
    expect(await page.textContent('[data-testid=status-sync]')).toContain(String(pending))
    expect(await page.textContent('[data-testid=status-devices]')).toMatch(/Devices: /)
    expect(await page.textContent('[data-testid=status-printer]')).toMatch(/Printer: /)
  })

  it('saves settings and switches the whole UI to Spanish', async () => {
    // Settings are for administrators (ADR 0015).
    await page.click('[data-testid=sign-out]')
    await signInAs(page, 'administrator')
    await page.click('[data-testid=nav-settings]')
    await page.fill('[data-testid=settings-dock]', 'Muelle 3')
    await page.selectOption('[data-testid=settings-language]', 'es')
    await page.click('[data-testid=settings-save]')
    await page.waitForFunction(() => document.querySelector('[data-testid=nav-receive]')?.textContent === 'Recibir')
    expect(await page.textContent('[data-testid=station-name]')).toContain('Muelle 3')
    expect(await page.textContent('[data-testid=status-operator]')).toContain('Operario')
    // "la impresora … (conectada)": the printer's state agrees with it; times are 24-hour local, never ISO.
    expect(await page.textContent('[data-testid=status-printer]')).toMatch(/\((conectada|desconectada|con error|desactivada)\)/)
    await page.click('[data-testid=nav-devices]')
    const seen = await page.waitForSelector('[data-testid^=device-seen-]')
    await page.waitForFunction(() => Array.from(document.querySelectorAll("[data-testid^=device-seen-]")).some((e) => /\d/.test(e.textContent ?? '')), undefined, { timeout: 20_000 })
    const times = await page.$$eval('[data-testid^=device-seen-]', (els) => els.map((e) => e.textContent ?? '').filter((t) => /\d/.test(t)))
    expect(seen).toBeTruthy()
    for (const time of times) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/)
    await page.click('[data-testid=nav-settings]')
    await page.selectOption('[data-testid=settings-language]', 'en')
    await page.click('[data-testid=settings-save]')
    await page.waitForFunction(() => document.querySelector('[data-testid=nav-receive]')?.textContent === 'Receive')
  })

  it('is usable at 1920×1080 and 1280×800 without horizontal scrolling', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 800 }
    ]) {
      await page.setViewportSize(viewport)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      const small = await page.$$eval('.nav-button, .big-button', (els) => els.filter((e) => e.getBoundingClientRect().height < 48).length)
      expect(small).toBe(0)
    }
  })

  it('signs in by badge scan and out again', async () => {
    await page.click('[data-testid=sign-out]')
    await page.waitForSelector('[data-testid=badge-input]')
    await page.fill('[data-testid=badge-input]', 'OP-0001')
    await page.press('[data-testid=badge-input]', 'Enter')
    await page.waitForSelector('[data-testid=nav-receive]')
    expect(await page.textContent('[data-testid=status-operator]')).toContain('Ana García')
  })

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
