import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrintJobSummary } from '../../src/shared/contract-areas/labels'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { renderMessage } from '../../src/shared/messages/catalog'
import type { DeviceStatus } from '../../src/shared/model/devices'
import { MESSAGE_TABLES } from '../../src/renderer/i18n/messages'
import { signInAs, signInClient } from '../helpers/auth'
import { futureAi17 } from '../helpers/clock'
import { launchChromium } from '../helpers/browser'
import { openPtyPair, type PtyPair } from '../helpers/pty'
import { scannerSession } from '../helpers/scanner-keys'
import { BIN, PROJECT_ROOT, startServer, tempDataDir, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// The done-when, through the real UI in Chromium against `dockside serve --demo`: receive the
// whole ASN-2001 with keyboard-wedge scans AND a serial scanner on a pty (and one typed code), print
// the pallet's SSCC label and unit labels on the printer emulator, close with the discrepancy PDF,
// put the pallet away and find its history in Look up; then bad input, each with a clear message,
// the bad flash and the counts unchanged.

const GS = '\u001d'
const PEN_GTIN = '80614141123458'
const MON_GTIN = '09521234543213'
/** The demo pens' expiry: the end of the month 18 months ahead of the test clock (AI 17 and as stored). */
const EXP = futureAi17(18)
const EXP_ISO = `20${EXP.slice(0, 2)}-${EXP.slice(2, 4)}-${EXP.slice(4, 6)}`
const pen = (serial: string, lot = 'L2405') => `]d201${PEN_GTIN}17${EXP}${'10'}${lot}${GS}21${serial}`
const monitor = (serial: string) => `]d201${MON_GTIN}21${serial}`

describe('Receive, put away and look up in Chromium (wedge + serial scanner on a pty)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let pty: PtyPair
  let events: Awaited<ReturnType<typeof connectEvents>>
  let scanner: Awaited<ReturnType<typeof scannerSession>>
  let serialId = ''
  let palletSscc = ''
  const pageErrors: string[] = []

  const results = () => events.of<ScanResult>('scans.result')
  const waitFor = (check: () => boolean, what: string, timeoutMs = 10_000) => until(check, { what, timeoutMs })
  /** The flash of the last result is gone (the next one can be told apart). */
  const flashGone = () => page.waitForSelector('[data-testid=feedback-flash]', { state: 'detached', timeout: 10_000 })
  /** The screen's language, switched through the station settings (as the Settings screen does). */
  const useLanguage = async (language: 'en' | 'es') => {
    expect((await events.call('settings.update', { language })).ok).toBe(true)
    await page.waitForFunction((l) => document.documentElement.lang === l, language)
  }
  /** Sends one scan and returns its `scans.result` (in order: the pipeline is synchronous). */
  const scan = async (via: 'wedge' | 'serial', text: string): Promise<ScanResult> => {
    const before = results().length
    if (via === 'wedge') await scanner.scan(text)
    else pty.write(`${text}\r`)
    await waitFor(() => results().length > before, `the result of ${via} scan ${JSON.stringify(text)}`)
    const r = results()[before]!
    expect(r.deviceId).toBe(via === 'wedge' ? 'wedge' : serialId)
    return r
  }
  const cell = (line: number, col: string) => page.textContent(`[data-testid=receive-line-${line}] [data-col=${col}]`)
  const waitCell = (line: number, col: string, value: number) =>
    page.waitForFunction(([sel, v]) => document.querySelector(sel!)?.textContent === v, [`[data-testid=receive-line-${line}] [data-col=${col}]`, String(value)])
  const waitFlash = async (tone: 'good' | 'bad' | 'warning', text?: string) => {
    const flash = await page.waitForSelector(`[data-testid=feedback-flash][data-tone=${tone}]`)
    if (text) expect(await flash.textContent()).toContain(text)
  }
  const jobs = async () => ((await events.call('print.jobs', { limit: 100 })).value as PrintJobSummary[]) ?? []

  beforeAll(async () => {
    assertUiBuilt()
    // Each station issues SSCCs from its own range: give this one a range before it starts.
    const dataDir = tempDataDir()
    execFileSync(process.execPath, [BIN, 'sscc', 'configure', '--company-prefix', '0614141', '--extension', '1', '--range', '0-999', '--data-dir', dataDir], { cwd: PROJECT_ROOT })
    server = await startServer({ demo: true, dataDir })
    events = await connectEvents(server)
    await signInClient(events, 'administrator')
    pty = await openPtyPair()
    serialId = `serial:${pty.devicePath}`
    expect((await events.call('scanners.add', { port: pty.devicePath })).ok).toBe(true)
    await waitFor(() => events.of<DeviceStatus[]>('devices.changed').some((list) => list.some((d) => d.id === serialId && d.state === 'connected')), 'the serial scanner to connect')
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.url)
    scanner = await scannerSession(page)
    await signInWithPin(page)
    await page.waitForSelector('[data-testid=screen-receive] [data-testid=receive-orders]')
  })

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
    await pty?.close()
  })

  it('opens ASN-2001 by scanning its number, starts a new pallet and prints its SSCC label', async () => {
    expect(await page.textContent('[data-testid=receive-order-ASN-2001]')).toContain('0 / 26')
    const opened = await scan('wedge', 'ASN-2001')
    expect(opened).toMatchObject({ workflow: 'receiving', code: 'receiving.order_opened', outcome: 'accepted' })
    await page.waitForSelector('[data-testid=screen-receive][data-order=ASN-2001]')
    expect(await cell(1, 'expected')).toBe('6')
    expect(await cell(2, 'expected')).toBe('20')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await page.check('[data-testid=receive-print-units]')
    await page.click('[data-testid=receive-new-plate]')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('receive-new-plate')
    const plate = await page.waitForSelector('[data-testid=receive-plate][data-code]')
    palletSscc = (await plate.getAttribute('data-code'))!
    expect(palletSscc).toMatch(/^1061414100000\d{4}\d$/)
    await waitFlash('good')
    await page.waitForSelector('[data-testid=receive-print-note]')
  })

  it('receives the pens: DataMatrix and GTIN-then-serial by wedge and by serial scanner, and one typed serial', async () => {
    // Wedge: one DataMatrix.
    expect(await scan('wedge', pen('100201'))).toMatchObject({ code: 'receiving.received', outcome: 'accepted', tone: 'good' })
    await waitCell(1, 'received', 1)
    await waitFlash('good')
    // Wedge: GTIN, then the serial; the pending GTIN is on screen in between.
    expect(await scan('wedge', PEN_GTIN)).toMatchObject({ code: 'receiving.serial_due' })
    await page.waitForSelector(`[data-testid=receive-pending][data-gtin="${PEN_GTIN}"]`)
    expect(await page.textContent('[data-testid=receive-pending]')).toContain('PEN-INS-5')
    expect(await scan('wedge', '100202')).toMatchObject({ code: 'receiving.received' })
    await waitCell(1, 'received', 2)
    await page.waitForSelector('[data-testid=receive-pending]', { state: 'detached' })
    // Serial scanner on the pty: a DataMatrix, then GTIN (GS1-128) + serial.
    expect(await scan('serial', pen('100203'))).toMatchObject({ code: 'receiving.received', source: 'serial' })
    await waitCell(1, 'received', 3)
    expect(await scan('serial', `]C101${PEN_GTIN}`)).toMatchObject({ code: 'receiving.serial_due' })
    await page.waitForSelector('[data-testid=receive-pending]')
    expect(await scan('serial', '100204')).toMatchObject({ code: 'receiving.received' })
    await waitCell(1, 'received', 4)
    // Typed into the field (label unreadable): the same checks, the screen's own flash.
    await page.fill('[data-testid=receive-typed]', '100205')
    await page.press('[data-testid=receive-typed]', 'Enter')
    await waitCell(1, 'received', 5)
    await waitFlash('good')
    expect(await page.getAttribute('[data-testid=receive-result]', 'data-code')).toBe('receiving.received')
    expect(await page.textContent('[data-testid=receive-plate]')).toContain('5 units')
    // The scanner's Enter never pressed the focused "New pallet" button: still the one pallet.
    expect(await page.getAttribute('[data-testid=receive-plate]', 'data-code')).toBe(palletSscc)
  })

  it('refuses the recalled lot with a clear message and the bad flash; nothing is counted', async () => {
    const r = await scan('wedge', pen('100206', 'L2301'))
    expect(r).toMatchObject({ code: 'receiving.lot_recalled', outcome: 'rejected', tone: 'bad' })
    await waitFlash('bad', 'L2301')
    await page.waitForSelector('[data-testid=receive-result][data-code="receiving.lot_recalled"]')
    expect(await page.textContent('[data-testid=receive-result-message]')).toBe(renderMessage(MESSAGE_TABLES.en, r, { locale: 'en' }))
    expect(await cell(1, 'received')).toBe('5')
    // The right lot, from the serial scanner: received.
    expect(await scan('serial', '100206')).toMatchObject({ code: 'receiving.received' })
    await waitCell(1, 'received', 6)
  })

  it('receives the batteries: GS1-128 with the lot by wedge and by serial scanner, the rest of the carton typed as a count', async () => {
    const batteries = `]C101${'09521234000013'}10B7788`
    expect(await scan('wedge', batteries)).toMatchObject({ code: 'receiving.received' })
    await waitCell(2, 'received', 1)
    expect(await scan('serial', batteries)).toMatchObject({ code: 'receiving.received' })
    await waitCell(2, 'received', 2)
    await page.click('[data-testid=receive-typed-open]')
    await page.fill('[data-testid=receive-typed-item]', 'BAT-AA-24')
    await page.fill('[data-testid=receive-typed-lot]', 'B7788')
    await page.fill('[data-testid=receive-typed-qty]', '18')
    await page.click('[data-testid=receive-typed-receive]')
    await waitCell(2, 'received', 20)
    for (const col of ['over', 'short', 'damaged']) {
      expect(await cell(1, col)).toBe('0')
      expect(await cell(2, col)).toBe('0')
    }
    expect(await page.textContent('[data-testid=receive-total]')).toContain('26 of 26')
  })

  it('printed the SSCC label and six unit labels on the emulator', async () => {
    let list: PrintJobSummary[] = []
    await until(
      async () => {
        list = await jobs()
        return list.filter((j) => j.status === 'confirmed').length >= 7
      },
      { what: 'seven confirmed labels', timeoutMs: 20_000 }
    )
    const sscc = list.filter((j) => j.template === 'sscc')
    const units = list.filter((j) => j.template === 'unit')
    expect(sscc.map((j) => j.data.sscc)).toEqual([palletSscc])
    expect(units.map((j) => j.data.serial).sort()).toEqual(['100201', '100202', '100203', '100204', '100205', '100206'])
    expect(units.every((j) => j.data.gtin === PEN_GTIN && j.data.lot === 'L2405' && j.data.expiry === EXP_ISO && j.unitId !== null)).toBe(true)
    expect(list.filter((j) => j.status === 'confirmed')).toHaveLength(7)
  })

  it('closes the order: the counts and the discrepancy report PDF', async () => {
    await page.click('[data-testid=receive-close]')
    await page.waitForSelector('[data-testid=receive-close-panel]')
    await page.fill('[data-testid=receive-close-note]', 'e2e: all good')
    await page.click('[data-testid=receive-close-confirm]')
    await page.waitForSelector('[data-testid=receive-report-download]', { timeout: 20_000 })
    expect(await page.textContent('[data-testid=receive-closed-counts]')).toContain('26 of 26 received · 0 short · 0 over · 0 damaged')
    // The browser gets the PDF itself, never a path on the station it could not open.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('[data-testid=receive-report-download]')])
    expect(download.suggestedFilename()).toMatch(/^ASN-2001.*\.pdf$/)
    const saved = await download.path()
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(existsSync(saved)).toBe(true)
    await page.click('[data-testid=receive-report-view]')
    const frame = await page.waitForSelector('[data-testid=receive-report-viewer] iframe')
    expect(await frame.getAttribute('src')).toMatch(/^blob:/)
    await page.click('[data-testid=receive-report-close]')
    await page.waitForSelector('[data-testid=receive-report-viewer]', { state: 'detached' })
    await page.waitForSelector('[data-testid=receive-order-status]:has-text("closed")')
    expect(await page.isVisible('[data-testid=receive-undo]')).toBe(false)
  })

  it('puts the pallet away: wedge scan of the pallet, suggested bin with why, serial scan of the bin', async () => {
    await page.click('[data-testid=nav-putaway]')
    await page.waitForSelector('[data-testid=screen-putaway][data-step="1"]')
    expect(await scan('wedge', `]C100${palletSscc}`)).toMatchObject({ workflow: 'putaway', outcome: 'accepted' })
    await page.waitForSelector(`[data-testid=putaway-subject][data-code="${palletSscc}"]`)
    expect(await page.textContent('[data-testid=putaway-units]')).toBe('6')
    expect(await page.textContent('[data-testid=putaway-suggested-bin]')).toBe('A01-01-01')
    expect(await page.textContent('[data-testid=putaway-why]')).toContain('PEN-INS-5')
    const moved = await scan('serial', 'A01-01-01')
    expect(moved).toMatchObject({ workflow: 'putaway', code: 'putaway.moved', outcome: 'accepted', tone: 'good' })
    await waitFlash('good')
    await page.waitForSelector('[data-testid=putaway-moved]')
    expect(await page.textContent('[data-testid=putaway-moved]')).toContain('A01-01-01')
    await page.waitForSelector('[data-testid=screen-putaway][data-step="1"]')
  })

  it('finds the pallet and a pen in Look up, with their whole history', async () => {
    await page.click('[data-testid=nav-lookup]')
    await page.waitForSelector('[data-testid=screen-lookup]')
    expect(await scan('wedge', palletSscc)).toMatchObject({ workflow: 'lookup', code: 'lookup.plate', outcome: 'accepted' })
    await page.waitForSelector('[data-testid=lookup-result][data-kind=plate]')
    expect(await page.textContent('[data-testid=lookup-location]')).toContain('A01-01-01')
    expect(await page.textContent('[data-testid=lookup-plate-contents]')).toContain('6 × PEN-INS-5')
    const plateEvents = await page.$$eval('[data-testid=lookup-event]', (els) => els.map((e) => e.getAttribute('data-type')))
    expect(plateEvents[0]).toBe('plate.moved') // newest first
    expect(plateEvents).toContain('plate.created')
    // A pen by its serial, typed; oldest first.
    await page.fill('[data-testid=lookup-code]', '100203')
    await page.press('[data-testid=lookup-code]', 'Enter')
    await page.waitForSelector('[data-testid=lookup-unit][data-serial="100203"]')
    expect(await page.textContent('[data-testid=lookup-unit-order]')).toBe('ASN-2001')
    expect(await page.textContent('[data-testid=lookup-unit-plate]')).toBe(palletSscc)
    expect(await page.textContent('[data-testid=lookup-location]')).toContain('A01-01-01')
    const facts = (await page.textContent('[data-testid=lookup-unit]'))!
    expect(facts).toContain('L2405')
    expect(facts).toContain(EXP_ISO)
    expect(facts).toContain('FILL-03')
    expect(facts).toContain('MedSupply')
    await page.click('[data-testid=lookup-order]')
    const unitEvents = await page.$$eval('[data-testid=lookup-event]', (els) => els.map((e) => e.getAttribute('data-type')))
    expect(unitEvents[0]).toBe('unit.received')
    expect(unitEvents).toContain('unit.stored')
    expect(await page.textContent('[data-testid=lookup-timeline]')).toContain('Ana García')
  })

  it('bad input on PO-1001: unknown barcode, serial of another item, GTIN where a serial is due, duplicate — clear messages, bad flash, counts unchanged', async () => {
    await page.click('[data-testid=nav-receive]')
    await page.click('[data-testid=receive-leave]')
    await page.click('[data-testid=receive-open-PO-1001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
    expect(await scan('wedge', monitor('MN00004001'))).toMatchObject({ code: 'receiving.received' })
    await waitCell(1, 'received', 1)
    await flashGone()
    // The refusals in Spanish: every code has its Spanish text, rendered with the scan's parameters.
    await useLanguage('es')

    const bad = async (via: 'wedge' | 'serial', text: string, code: string | RegExp, fragment: string) => {
      const r = await scan(via, text)
      expect(r.outcome).toBe('rejected')
      expect(r.tone).toBe('bad')
      if (typeof code === 'string') expect(r.code).toBe(code)
      else expect(r.code).toMatch(code)
      await waitFlash('bad')
      await page.waitForSelector(`[data-testid=receive-result][data-code="${r.code}"]`)
      expect(await page.textContent('[data-testid=receive-result-message]')).toBe(renderMessage(MESSAGE_TABLES.es, r, { locale: 'es' }))
      expect(await page.textContent('[data-testid=receive-result]')).toContain(fragment)
      expect(await cell(1, 'received')).toBe('1')
      expect(await cell(2, 'received')).toBe('0')
      return r
    }

    await bad('wedge', 'ZZ-UNKNOWN-42', 'receiving.unknown_code', 'ZZ-UNKNOWN-42')
    // A pen's serial after the monitor's GTIN: the monitor serial rule refuses it.
    expect(await scan('serial', MON_GTIN)).toMatchObject({ code: 'receiving.serial_due' })
    await page.waitForSelector(`[data-testid=receive-pending][data-gtin="${MON_GTIN}"]`)
    await bad('serial', '100201', /^serial\./, '')
    // The product barcode again where the serial is due (GS1-128), and its digits read as the serial.
    await bad('wedge', `]C101${MON_GTIN}`, 'receiving.serial_expected', MON_GTIN)
    await bad('serial', MON_GTIN, 'serial.is_gtin', MON_GTIN)
    await page.click('[data-testid=receive-cancel-pending]')
    await page.waitForSelector('[data-testid=receive-pending]', { state: 'detached' })
    // The same monitor again: a double scan, with where and when it was received.
    await bad('wedge', monitor('MN00004001'), 'receiving.duplicate', 'MN00004001')
    await page.waitForSelector('[data-testid=receive-duplicate]')
    expect(await page.textContent('[data-testid=receive-duplicate-order]')).toBe('PO-1001')
    expect(await page.textContent('[data-testid=receive-duplicate-when]')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // A pen (received on the ASN) scanned here: already in the system elsewhere.
    await bad('wedge', pen('100201'), 'receiving.not_on_order', 'PEN-INS-5')
    await useLanguage('en')
    expect(pageErrors).toEqual([])
  })

  it('exceptions with reason codes (the code field takes the last scan, or a scan straight into it) and undo', async () => {
    await flashGone()
    expect(await scan('wedge', monitor('MN00004002'))).toMatchObject({ code: 'receiving.received' })
    await waitCell(1, 'received', 2)
    // Damaged: the unit just scanned.
    await page.click('[data-testid=receive-reason-damaged]')
    expect(await page.inputValue('[data-testid=receive-exception-code]')).toBe(monitor('MN00004002'))
    await page.click('[data-testid=receive-exception-submit]')
    await waitCell(1, 'damaged', 1)
    await waitFlash('warning')
    expect(await page.textContent('[data-testid=receive-result-message]')).toContain('MN00004002')
    // A serial the supplier never shipped: refused, then recorded as unexpected (quarantined).
    await flashGone()
    await scan('wedge', monitor('MN00004099'))
    await page.waitForSelector('[data-testid=receive-result][data-code="receiving.unexpected_serial"]')
    await page.click('[data-testid=receive-reason-unexpected_serial]')
    expect(await page.inputValue('[data-testid=receive-exception-code]')).toBe(monitor('MN00004099'))
    // A scan straight into the field lands there and is not received (the field is outside the wedge).
    const before = results().length
    await page.fill('[data-testid=receive-exception-code]', '')
    await page.focus('[data-testid=receive-exception-code]')
    await scanner.scan(monitor('MN00004098'))
    await page.waitForFunction((v) => (document.querySelector('[data-testid=receive-exception-code]') as HTMLInputElement).value === v, monitor('MN00004098'))
    await page.waitForTimeout(300)
    expect(results().length).toBe(before)
    await page.click('[data-testid=receive-exception-submit]')
    await page.waitForSelector('[data-testid=receive-exceptions]:has-text("1 unexpected serial")')
    // No label: by item and quantity.
    await page.click('[data-testid=receive-reason-no_label]')
    await page.fill('[data-testid=receive-exception-item]', 'BOX-M')
    await page.fill('[data-testid=receive-exception-qty]', '3')
    await page.click('[data-testid=receive-exception-submit]')
    await page.waitForSelector('[data-testid=receive-exceptions]:not(:has-text("0 no label"))')
    // Undo takes back the last thing this operator did: the no-label exception, then the damage.
    await page.click('[data-testid=receive-undo]')
    await page.waitForSelector('[data-testid=receive-exceptions]:has-text("0 no label")')
    await page.waitForSelector('[data-testid=receive-result][data-code="receiving.undone"]')
    await page.click('[data-testid=receive-undo]')
    await page.waitForSelector('[data-testid=receive-exceptions]:has-text("0 unexpected serial")')
    await page.click('[data-testid=receive-undo]')
    await waitCell(1, 'damaged', 0)
    expect(await cell(1, 'received')).toBe('2')
  })

  it('scans go to the workflow of the screen on show: none on Devices (amber "does not take scans"), receiving back on Receive', async () => {
    await page.click('[data-testid=nav-devices]')
    await page.waitForSelector('[data-testid=screen-devices]')
    expect(await scan('wedge', ']C0ANY-TEXT-1')).toMatchObject({ workflow: 'idle', code: 'scan.screen_takes_no_scans', outcome: 'ignored', tone: 'warning' })
    await page.click('[data-testid=nav-receive]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
    expect(await scan('serial', 'ZZ-UNKNOWN-43')).toMatchObject({ workflow: 'receiving', code: 'receiving.unknown_code' })
    expect(pageErrors).toEqual([])
  })

  it('site IT imports master data and a PO through the import panel (preview, bad rows, progress), and the PO can be opened', async () => {
    await page.click('[data-testid=receive-leave]')
    // Imports are for administrators (ADR 0015).
    await page.click('[data-testid=sign-out]')
    await signInAs(page, 'administrator')
    await page.click('[data-testid=receive-show-import]')
    await page.waitForSelector('[data-testid=import-panel]')
    // A file with bad rows: every problem with its row, nothing written, Import stays off.
    const dir = mkdtempSync(join(tmpdir(), 'dockside-import-'))
    const bad = join(dir, 'po-bad.csv')
    writeFileSync(bad, 'kind,po\norder,supplier,expected_at,line,item,qty,lot\nPO-9001,SUP-ACME,2026-07-01,1,NO-SUCH-ITEM,5,\nPO-9001,SUP-ACME,2026-07-01,2,MON-27-BLK,-3,\n')
    // The served UI uploads the file's bytes: the station never reads a path a browser names. The file is
    // dropped on the panel (a drag from the file manager), no path typed anywhere.
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'po-bad.csv', { type: 'text/csv' }))
      return transfer
    }, readFileSync(bad, 'utf8'))
    await page.dispatchEvent('[data-testid=import-drop]', 'drop', { dataTransfer: dropped })
    expect(await page.textContent('[data-testid=import-chosen]')).toContain('po-bad.csv')
    await page.click('[data-testid=import-preview]')
    await page.waitForSelector('[data-testid=import-report][data-valid=false]')
    const rows = await page.$$eval('[data-testid=import-errors] tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent))
    expect(rows).toContain('3')
    expect(rows).toContain('4')
    expect(await page.isDisabled('[data-testid=import-run]')).toBe(true)
    // The samples, in dependency order: checked, then imported with the progress bar.
    for (const kind of ['locations', 'suppliers', 'items', 'po']) {
      await page.setInputFiles('[data-testid=import-file]', join(PROJECT_ROOT, 'resources/import-samples', `${kind}.csv`))
      await page.click('[data-testid=import-preview]')
      await page.waitForSelector('[data-testid=import-report][data-valid=true][data-applied=false]')
      expect(await page.$$eval('[data-testid=import-preview-table] tbody tr', (trs) => trs.length)).toBeGreaterThan(0)
      await page.click('[data-testid=import-run]')
      await page.waitForSelector('[data-testid=import-report][data-applied=true]', { timeout: 20_000 })
      // Finished: the report says so; no stale "3 of 3" bar stays behind.
      expect(await page.$('[data-testid=import-progress]')).toBeNull()
    }
    expect(events.of<{ phase: string }>('imports.progress').some((p) => p.phase === 'apply' || p.phase === 'done')).toBe(true)
    await page.waitForSelector('[data-testid=receive-order-PO-3001]')
    await page.click('[data-testid=receive-open-PO-3001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-3001]')
    expect(await page.getAttribute('[data-testid=receive-line-1]', 'data-sku')).toBe('TAB-10-GRY')
  }, 180_000) // four imports through the worker: generous on a busy 2-core machine
})
