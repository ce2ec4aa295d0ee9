import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeElementString } from '../../src/shared/codes/epc'
import type { PutawayState } from '../../src/shared/contract-areas/receiving'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { renderMessage } from '../../src/shared/messages/catalog'
import { demoDates } from '../../src/main/store/demo-data'
import { MESSAGE_TABLES } from '../../src/renderer/i18n/messages'
import { signInClient } from '../helpers/auth'
import { testNow } from '../helpers/clock'
import { launchChromium } from '../helpers/browser'
import { scannerSession } from '../helpers/scanner-keys'
import { startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// Put away and Look up in the real UI: what moves and the suggested bin with why, moving elsewhere
// (a warning naming the suggestion), a bin before a pallet (refused), cancel; look-up of a pallet, a
// bin, a unit by DataMatrix and by EPC hex, an unknown code, and the timeline in both orders.

const SSCC = '106141412345678908'
const MON_GTIN = '09521234543213'
const monitor = (serial: string) => `]d201${MON_GTIN}21${serial}`
/** The demo ASN's dates on the test clock. */
const DATES = demoDates(testNow())
/** The English text the screen shows for a result. */
const english = (r: ScanResult) => renderMessage(MESSAGE_TABLES.en, r, { locale: 'en' })

describe('Put away and Look up in Chromium against dockside serve --demo', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let events: Awaited<ReturnType<typeof connectEvents>>
  let scanner: Awaited<ReturnType<typeof scannerSession>>
  const pageErrors: string[] = []

  const results = () => events.of<ScanResult>('scans.result')
  const scan = async (text: string): Promise<ScanResult> => {
    const before = results().length
    await scanner.scan(text)
    await until(() => results().length > before, { what: `the result of the scan ${text}` })
    return results()[before]!
  }
  const call = async (method: string, input: unknown) => {
    const r = await events.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.value
  }
  const flash = async (tone: string) => page.waitForSelector(`[data-testid=feedback-flash][data-tone=${tone}]`)

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    await signInClient(events, 'operator')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    scanner = await scannerSession(page)
    await signInWithPin(page)
    // Stock to put away, received by Ana through the API: three monitors loose, the ASN pallet whole.
    await call('receiving.open', { order: 'PO-1001' })
    for (const s of ['MN00004001', 'MN00004002', 'MN00004003']) expect(await call('receiving.submit', { text: monitor(s) })).toMatchObject({ code: 'receiving.received' })
    await call('receiving.leave', {})
  })

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
  })

  it('receives the ASN pallet by one scan of its SSCC on the Receive screen, and prints its label', async () => {
    await page.click('[data-testid=receive-open-ASN-2001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=ASN-2001]')
    const received = await scan(`]C100${SSCC}`)
    expect(received).toMatchObject({ workflow: 'receiving', code: 'receiving.pallet_received', outcome: 'accepted', params: { code: SSCC, units: 6 } })
    await page.waitForFunction(() => document.querySelector('[data-testid=receive-line-1] [data-col=received]')?.textContent === '6')
    expect(await page.textContent('[data-testid=receive-result-message]')).toBe(english(received))
    await page.click('[data-testid=receive-print-received-pallet]')
    await page.waitForSelector('[data-testid=receive-print-note]')
    const jobs = (await call('print.jobs', {})) as Array<{ template: string; data: Record<string, string>; plateId: number | null }>
    expect(jobs.find((j) => j.template === 'sscc')).toMatchObject({ data: { sscc: SSCC } })
    expect(jobs.find((j) => j.template === 'sscc')?.plateId).toBeGreaterThan(0)
    await page.click('[data-testid=nav-putaway]')
    await page.waitForSelector('[data-testid=screen-putaway][data-step="1"]')
  })

  it('refuses a bin scanned before a pallet or unit', async () => {
    const r = await scan('A01-01-01')
    expect(r).toMatchObject({ workflow: 'putaway', code: 'putaway.subject_first', outcome: 'rejected' })
    await flash('bad')
    await page.waitForSelector('[data-testid=putaway-result][data-code="putaway.subject_first"]')
  })

  it('shows what moves and the suggested bin with why; cancel forgets it', async () => {
    expect(await scan(`]C100${SSCC}`)).toMatchObject({ workflow: 'putaway', outcome: 'accepted' })
    await page.waitForSelector(`[data-testid=putaway-subject][data-kind=plate][data-code="${SSCC}"]`)
    expect(await page.textContent('[data-testid=putaway-units]')).toBe('6')
    expect(await page.getAttribute('[data-testid=putaway-suggestion]', 'data-bin')).toBe('A01-01-01')
    expect(await page.textContent('[data-testid=putaway-why]')).toContain(renderMessage(MESSAGE_TABLES.en, { code: 'putaway.why_default_bin', params: { sku: 'PEN-INS-5' } }))
    await page.click('[data-testid=putaway-cancel]')
    await page.waitForSelector('[data-testid=screen-putaway][data-step="1"]')
    await page.waitForSelector('[data-testid=putaway-subject]', { state: 'detached' })
    // Put-away state is per terminal: this test's own connection never had a subject.
    expect(((await call('putaway.state', {})) as PutawayState).subject).toBeNull()
  })

  it('moves a unit (typed serial) to another bin than suggested: a warning that names the suggestion', async () => {
    await page.fill('[data-testid=putaway-typed]', 'MN00004001')
    await page.press('[data-testid=putaway-typed]', 'Enter')
    await page.waitForSelector('[data-testid=putaway-subject][data-kind=unit][data-code=MN00004001]')
    expect(await page.getAttribute('[data-testid=putaway-suggestion]', 'data-bin')).toBe('A01-01-01')
    const r = await scan('A01-02-01')
    expect(r).toMatchObject({ code: 'putaway.moved_elsewhere', outcome: 'warning', tone: 'warning', params: { bin: 'A01-02-01', suggested: 'A01-01-01' } })
    await flash('warning')
    await page.waitForSelector('[data-testid=putaway-moved]')
    expect(await page.textContent('[data-testid=putaway-moved]')).toBe(english(r))
  })

  it('moves the whole pallet to the suggested bin with two scans', async () => {
    await scan(SSCC)
    await page.waitForSelector(`[data-testid=putaway-subject][data-code="${SSCC}"]`)
    const moved = await scan('A01-01-01')
    expect(moved).toMatchObject({ code: 'putaway.moved', outcome: 'accepted', tone: 'good', params: { units: 6 } })
    await flash('good')
    await page.waitForFunction((text) => document.querySelector('[data-testid=putaway-moved]')?.textContent === text, english(moved))
  })

  it('looks up the bin: its path, units and pallets', async () => {
    await page.click('[data-testid=nav-lookup]')
    await page.waitForSelector('[data-testid=screen-lookup]')
    expect(await scan('A01-01-01')).toMatchObject({ workflow: 'lookup', code: 'lookup.location', outcome: 'accepted' })
    await page.waitForSelector('[data-testid=lookup-result][data-kind=location]')
    expect(await page.textContent('[data-testid=lookup-location]')).toBe('DEMO › STOR › A01 › A01-01 › A01-01-01')
    expect(await page.textContent('[data-testid=lookup-location-units]')).toBe('6')
    expect(await page.textContent('[data-testid=lookup-location-detail]')).toContain(SSCC)
  })

  it('looks up a pen by its EPC (SGTIN-96 hex): facts with production attributes, the timeline both ways', async () => {
    const epc = encodeElementString('(01)80614141123458(21)100203', { filter: 1, companyPrefixLength: 7 })
    expect(epc.ok).toBe(true)
    await page.fill('[data-testid=lookup-code]', epc.ok ? epc.value.hex : '')
    await page.click('[data-testid=lookup-find]')
    await page.waitForSelector('[data-testid=lookup-unit][data-serial="100203"]')
    const facts = (await page.textContent('[data-testid=lookup-unit]'))!
    for (const text of ['PEN-INS-5', 'L2405', DATES.expiry, DATES.madeAt, 'FILL-03', 'MedSupply Co.', 'ASN-2001', SSCC]) expect(facts).toContain(text)
    expect(await page.textContent('[data-testid=lookup-location]')).toContain('A01-01-01')
    const newest = await page.$$eval('[data-testid=lookup-event]', (els) => els.map((e) => e.getAttribute('data-type')))
    expect(newest[0]).toBe('unit.stored')
    expect(newest.at(-1)).toBe('unit.received')
    await page.click('[data-testid=lookup-order]')
    const oldest = await page.$$eval('[data-testid=lookup-event]', (els) => els.map((e) => e.getAttribute('data-type')))
    expect(oldest).toEqual([...newest].reverse())
    expect(await page.textContent('[data-testid=lookup-timeline]')).toContain('Ana García')
  })

  it('looks up a monitor by its DataMatrix scan, and says so clearly for an unknown code', async () => {
    expect(await scan(monitor('MN00004001'))).toMatchObject({ workflow: 'lookup', code: 'lookup.unit' })
    await page.waitForSelector('[data-testid=lookup-unit][data-serial=MN00004001]')
    expect(await page.textContent('[data-testid=lookup-location]')).toContain('A01-02-01')
    expect(await page.textContent('[data-testid=lookup-unit-order]')).toBe('PO-1001')
    const r = await scan('NO-SUCH-CODE-1')
    expect(r).toMatchObject({ workflow: 'lookup', outcome: 'rejected', code: 'lookup.unknown' })
    await flash('bad')
    await page.waitForSelector('[data-testid=error-line][data-code="lookup.unknown"]')
    expect(await page.isVisible('[data-testid=lookup-result]')).toBe(false)
    expect(pageErrors).toEqual([])
  })
})
