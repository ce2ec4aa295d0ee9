import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { signInClient } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { scannerSession } from '../helpers/scanner-keys'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// Issue #10.2 (ADR 0019) on screen, in Chromium at 1366×768 against `dockside serve --demo`: Ana (an
// operator) is refused where a supervisor must decide; Ben approves on her screen by badge scan or PIN.

const monitor = (serial: string) => `]d201${'09521234543213'}21${serial}`
const T = { timeout: 15_000 }

describe('supervisor approvals on the operator’s screen (#10.2, #12.3)', () => {
  let server: RunningServer
  let browser: Browser
  let events: Awaited<ReturnType<typeof connectEvents>>
  let page: Page
  let scanner: Awaited<ReturnType<typeof scannerSession>>
  const pageErrors: string[] = []
  const results = () => events.of<ScanResult>('scans.result').filter((r) => r.deviceId === 'wedge')
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  /** A wedge scan with nothing focused, and its result. */
  const scan = async (text: string): Promise<ScanResult> => {
    const before = results().length
    await blur()
    await scanner.scan(text)
    await until(() => results().length > before, { what: `the result of ${JSON.stringify(text)}`, timeoutMs: 15_000 })
    return results()[before]!
  }
  /** The supervisor's badge scanned into the dialog's focused badge field. */
  const badgeScan = async () => {
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'approval-badge', undefined, T)
    await scanner.scan('OP-0002')
  }
  /** What the Receive screen shows (for a failure's message). */
  const shown = () =>
    page.evaluate(() => ({
      result: document.querySelector('[data-testid=receive-result]')?.getAttribute('data-code'),
      message: document.querySelector('[data-testid=receive-result-message]')?.textContent,
      dialog: Array.from(document.querySelectorAll('[data-testid=approval-dialog] [data-testid=error-line]')).map((e) => e.getAttribute('data-code')),
      errors: Array.from(document.querySelectorAll('[data-testid=error-line]')).map((e) => `${e.getAttribute('data-code')}: ${e.textContent}`),
      focused: document.activeElement?.getAttribute('data-testid')
    }))
  const waitFor = async (selector: string) => {
    try {
      await page.waitForSelector(selector, T)
    } catch (error) {
      throw new Error(`${selector} not shown: ${JSON.stringify(await shown())}`, { cause: error })
    }
  }
  /** Whole inside the 1366×768 window, with no scrolling. */
  const inView = async (selector: string) => {
    const box = (await (await page.waitForSelector(selector, T)).boundingBox())!
    expect(box.y, selector).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height, selector).toBeLessThanOrEqual(768)
    expect(box.x + box.width, selector).toBeLessThanOrEqual(1366)
  }
  const useLanguage = async (language: 'en' | 'es') => {
    expect((await events.call('settings.update', { language })).ok).toBe(true)
    await page.waitForFunction((l) => document.documentElement.lang === l, language, T)
  }

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    // This connection is a terminal of its own (the administrator): it sets the language and puts units away.
    await signInClient(events, 'administrator')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    scanner = await scannerSession(page)
    await page.waitForSelector('[data-testid=operator-1], [data-testid=nav-receive]')
    if (await page.$('[data-testid=operator-1]')) await signInWithPin(page)
    await page.click('[data-testid=nav-receive]')
    await page.waitForSelector('[data-testid=screen-receive]')
    expect(await scan('PO-1001')).toMatchObject({ code: 'receiving.order_opened' })
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
  })

  afterAll(async () => {
    events?.close()
    await page?.close()
    await browser?.close()
    await server?.stop()
  })

  it('undo after put-away: the command barcode, then the supervisor’s badge scan, takes the unit out of its bin', async () => {
    expect(await scan(monitor('MN00004001'))).toMatchObject({ code: 'receiving.received' })
    expect(await events.call('putaway.submit', { text: 'MN00004001' })).toMatchObject({ ok: true })
    expect(await events.call('putaway.submit', { text: 'A01-01-01' })).toMatchObject({ ok: true, value: { moved: { to: 'A01-01-01' } } })
    expect(await scan('DSCMD-UNDO')).toMatchObject({ code: 'scan.command' })
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.undo_moved"]', T)
    for (const part of ['approval-badge', 'approval-operator-2', 'approval-pin', 'approval-submit']) await inView(`[data-testid=${part}]`)
    await badgeScan()
    await page.waitForSelector('[data-testid=receive-result][data-code="receiving.undone"]', T)
    await page.waitForSelector('[data-testid=approval-dialog]', { state: 'detached', ...T })
    const unit = (await events.call('lookup.find', { code: 'MN00004001' })) as { ok: true; value: { kind: string; unit: { status: string } } }
    expect(unit.value.unit.status).toBe('expected')
  })

  it('receive anyway: the refusal names the option; by button with a PIN, and by command barcode with a badge scan', async () => {
    expect(await scan(monitor('MN00009999'))).toMatchObject({ outcome: 'rejected', code: 'receiving.unexpected_serial', params: { forceable: true } })
    await page.waitForSelector('[data-testid=receive-force]', T)
    expect(await page.textContent('[data-testid=receive-force-submit]')).toContain('Alt+A')
    await inView('[data-testid=receive-force-submit]')
    await page.fill('[data-testid=receive-force-reason]', 'supplier swapped the unit')
    await page.click('[data-testid=receive-force-submit]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.force_receipt"]', T)
    // An operator's own PIN is no approval: the refusal stays in the dialog.
    await page.click('[data-testid=approval-operator-1]')
    await page.fill('[data-testid=approval-pin]', '1234')
    await page.click('[data-testid=approval-submit]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.not_supervisor"]', T)
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await waitFor('[data-testid=receive-result][data-code="receiving.forced"]')
    expect(await page.textContent('[data-testid=receive-result-message]')).toContain('Ben Okafor')

    expect(await scan(monitor('MN00009996'))).toMatchObject({ code: 'receiving.unexpected_serial' })
    await page.waitForSelector('[data-testid=receive-force]', T)
    expect(await scan('DSCMD-RECEIVE-ANYWAY')).toMatchObject({ code: 'scan.command', params: { command: 'receive-anyway' } })
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.force_receipt"]', T)
    await badgeScan()
    await waitFor('[data-testid=receive-result][data-code="receiving.forced"]')
    await page.waitForSelector('[data-testid=receive-force]', { state: 'detached', ...T })
  })

  it('the typed receipt ("Type what arrived") asks a supervisor for an over-receipt, in Spanish', async () => {
    await useLanguage('es')
    await page.click('[data-testid=receive-typed-open]')
    await page.fill('[data-testid=receive-typed-item]', 'BOX-M')
    await page.fill('[data-testid=receive-typed-qty]', '50')
    await page.click('[data-testid=receive-typed-receive]')
    await waitFor('[data-testid=receive-result][data-code="receiving.received"]')
    await page.fill('[data-testid=receive-typed-qty]', '2')
    await page.click('[data-testid=receive-typed-receive]')
    await waitFor('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.over_receipt"]')
    const reason = await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.over_receipt"]', T)
    expect(await reason.textContent()).toContain('un supervisor lo aprueba')
    expect(await page.textContent('#approval-title')).toBe('Aprobación del supervisor')
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await waitFor('[data-testid=receive-result][data-code="receiving.over"]')
    await page.waitForSelector('[data-testid=approval-dialog]', { state: 'detached', ...T })
    const state = (await events.call('receiving.orders', { search: 'PO-1001' })) as { ok: true; value: { number: string }[] }
    expect(state.ok).toBe(true)
    await useLanguage('en')
  })

  it('Look up shows "Release hold" on a quarantined unit; Ben approves with his PIN and the unit is good stock', async () => {
    expect(await events.call('receiving.open', { order: 'PO-1001' })).toMatchObject({ ok: true })
    expect(await events.call('receiving.exception', { reason: 'unexpected_serial', code: monitor('MN00009995') })).toMatchObject({ ok: true, value: { outcome: 'warning' } })
    await page.click('[data-testid=nav-lookup]')
    await page.waitForSelector('[data-testid=screen-lookup]')
    await page.fill('[data-testid=lookup-code]', 'MN00009995')
    await page.click('[data-testid=lookup-find]')
    await page.waitForSelector('[data-testid=lookup-unit][data-serial=MN00009995]', T)
    expect(await page.textContent('[data-testid=lookup-unit-status]')).toContain('quarantined')
    await page.fill('[data-testid=lookup-release-reason]', 'serial confirmed by the supplier')
    await page.click('[data-testid=lookup-release-submit]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.release_hold"]', T)
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await page.waitForFunction(() => (document.querySelector('[data-testid=lookup-unit-status]')?.textContent ?? '').includes('received'), undefined, T)
    await page.waitForSelector('[data-testid=lookup-release]', { state: 'detached', ...T })
    await page.waitForSelector('[data-testid=lookup-event][data-type="unit.hold_released"]', T)
    expect(pageErrors).toEqual([])
  })
})
