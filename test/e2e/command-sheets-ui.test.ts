import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandPayload } from '../../src/shared/codes/commands'
import type { AuditEntry } from '../../src/shared/contract-areas/access'
import type { ScanResult } from '../../src/shared/contract-areas/scans'
import { GATE_COMMANDS } from '../../src/renderer/screens/Gate/gate-commands'
import { signInClient } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { scannerSession } from '../helpers/scanner-keys'
import { startServer, tempDataDir, uploadToServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt, feedbackSeq, nextFeedback, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// Issue 12 items 6 and 7 on the screens that take no scans: Gate, Sync and Look up each run their
// actions from a scanned command barcode (wedge) as from the button, print their command sheet in the
// operator's language, and answer any other scan amber; "print again" reprints this terminal's last
// label through a supervisor's approval.

const TERMINAL = 'cmd-1'
const SHIPPED = ['100201', '100202', '100203']

describe('command barcodes on Gate, Sync and Look up; print again (issue 12 items 6, 7)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let scanner: Awaited<ReturnType<typeof scannerSession>>
  let events: Awaited<ReturnType<typeof connectEvents>>
  const pageErrors: string[] = []
  const results = () => events.of<ScanResult>('scans.result').filter((r) => r.terminalId === TERMINAL)
  const call = async <T = unknown>(method: string, input: unknown): Promise<T> => {
    const r = await events.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.value as T
  }
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  /** One wedge scan on the page (nothing focused), and its result. */
  const scan = async (text: string): Promise<ScanResult> => {
    const before = results().length
    await blur()
    await scanner.scan(text)
    await until(() => results().length > before, { what: `the result of ${text}`, timeoutMs: 15_000 })
    return results()[before]!
  }
  const gateState = (state: string) => page.waitForSelector(`[data-testid=screen-gate][data-state=${state}]`, { timeout: 15_000 })
  const useLanguage = async (language: 'en' | 'es') => {
    await call('settings.update', { language })
    await page.waitForFunction((l) => document.documentElement.lang === l, language)
  }
  /** The screen's command sheet, downloaded: its file name and the barcodes it decodes to. */
  const sheet = async (): Promise<{ name: string; decoded: string[] }> => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid=command-sheet-download]')])
    const dir = mkdtempSync(join(tmpdir(), 'dockside-sheet-e2e-'))
    const pdf = join(dir, 'sheet.pdf')
    await download.saveAs(pdf)
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, join(dir, 'page')], { timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] })
    const decoded: string[] = []
    for (const png of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      const out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Scode128.enable', join(dir, png)], { timeout: 60_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      decoded.push(...out.split('\n').filter(Boolean))
    }
    const text = execFileSync('pdftotext', [pdf, '-'], { timeout: 60_000, encoding: 'utf8' })
    return { name: `${download.suggestedFilename()}\n${text}`, decoded: decoded.sort() }
  }

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    await signInClient(events, 'administrator')
    // A shipment to load: the demo ASN pallet received, then a shipment of three of its pens imported.
    await call('receiving.open', { order: 'ASN-2001' })
    expect(await call('receiving.submit', { text: ']C100106141412345678908' })).toMatchObject({ code: 'receiving.pallet_received' })
    await call('receiving.leave', {})
    const file = join(tempDataDir('dockside-cmd-e2e-'), 'shipment.csv')
    writeFileSync(file, `shipment,customer,customer_name,ship_to,door,item,serial\n${SHIPPED.map((s) => `SH-CMD,ACME,Acme Corp,1 Main St,DOOR-1,PEN-INS-5,${s}`).join('\n')}\n`)
    expect(await call('imports.run', { upload: await uploadToServer(server, file) })).toMatchObject({ applied: true, kind: 'shipment' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(`${server.url}&terminal=${TERMINAL}`)
    scanner = await scannerSession(page)
    await signInWithPin(page)
  }, 120_000)

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
  })

  it('Gate: free read, end, hold with a standard reason, clear, start, confirm — each by its scanned command; other scans amber', async () => {
    await page.click('[data-testid=nav-gate]')
    await gateState('idle')
    expect(await page.textContent('[data-testid=gate-free]')).toContain('Alt+B')
    // With no read, a plain barcode is the neutral amber "no gate session", and End is not available.
    let seq = await feedbackSeq(page)
    expect(await scan('PO-1001')).toMatchObject({ outcome: 'ignored', code: 'gate.no_session' })
    expect(await nextFeedback(page, seq)).toMatchObject({ tone: 'warning' })
    seq = await feedbackSeq(page)
    await scan(commandPayload('gate-end'))
    expect(await nextFeedback(page, seq)).toMatchObject({ tone: 'warning', message: expect.stringContaining('not available') })

    expect(await scan(commandPayload('gate-free-read'))).toMatchObject({ code: 'scan.command', params: { command: 'gate-free-read' }, workflow: 'command' })
    await gateState('reading')
    expect(await page.textContent('[data-testid=gate-end]')).toContain('Alt+T')
    await scan(commandPayload('gate-end'))
    await gateState('ended')
    await scan(commandPayload('gate-hold-damaged'))
    await gateState('held')
    const held = await call<AuditEntry[]>('audit.list', { types: ['shipment.load_held'] })
    expect(held[0]).toMatchObject({ reason: 'Damaged goods', operatorName: 'Ana García' })
    await scan(commandPayload('gate-reset'))
    await gateState('idle')

    await page.selectOption('[data-testid=gate-shipment]', 'SH-CMD')
    await scan(commandPayload('gate-start'))
    await gateState('reading')
    expect(await page.textContent('[data-testid=gate-status]')).toContain('SH-CMD')
    // Nothing was read: confirm runs and is refused with its reason on screen.
    await scan(commandPayload('confirm'))
    await page.waitForSelector('[data-testid=error-line][data-code="gate.nothing_to_ship"]', { timeout: 15_000 })
    // The reason is typed, and the hold scanned with the reason field still focused.
    await page.fill('[data-testid=gate-reason]', 'truck left early')
    await page.focus('[data-testid=gate-reason]')
    const before = results().length
    await scanner.scan(commandPayload('gate-hold'))
    await until(() => results().length > before, { what: 'the hold command', timeoutMs: 15_000 })
    await gateState('held')
    expect((await call<AuditEntry[]>('audit.list', { types: ['shipment.load_held'] }))[0]).toMatchObject({ reason: 'truck left early', payload: { shipment: 'SH-CMD' } })
    await page.keyboard.press('Alt+KeyZ')
    await gateState('idle')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 }
  ]) {
    it(`Gate at ${size.width}×${size.height}: the action buttons with their shortcuts fit side by side, none cut or overlapping`, async () => {
      await page.setViewportSize(size)
      await scan(commandPayload('gate-free-read'))
      await gateState('reading')
      const boxes = await page.$$eval('.gate-actions button', (els) => els.map((e) => ({ id: e.getAttribute('data-testid'), ...e.getBoundingClientRect().toJSON(), scroll: e.scrollWidth - e.clientWidth })))
      expect(boxes.map((b) => b.id)).toEqual(['gate-end', 'gate-confirm', 'gate-hold', 'gate-hold-missing', 'gate-hold-unexpected', 'gate-hold-damaged'])
      for (const b of boxes) {
        expect(b.right, String(b.id)).toBeLessThanOrEqual(size.width)
        expect(b.scroll, String(b.id)).toBeLessThanOrEqual(0)
      }
      for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${a.id} overlaps ${b.id}`).toBe(true)
      // The other standard hold reasons, one per size.
      const [command, reason] = size.width === 1366 ? (['gate-hold-missing', 'Units missing'] as const) : (['gate-hold-unexpected', 'Unexpected tags at the door'] as const)
      await scan(commandPayload(command))
      await gateState('held')
      expect((await call<AuditEntry[]>('audit.list', { types: ['shipment.load_held'] }))[0]).toMatchObject({ reason })
      await scan(commandPayload('gate-reset'))
      await gateState('idle')
    })
  }

  it('Gate: the command sheet in English and in Spanish decodes to exactly the Gate commands', async () => {
    const en = await sheet()
    expect(en.name).toMatch(/^dockside-commands-gate-en\.pdf\n/)
    expect(en.name).toContain('Hold load: damaged goods')
    expect(en.decoded).toEqual(GATE_COMMANDS.map(commandPayload).sort())
    await useLanguage('es')
    const es = await sheet()
    expect(es.name).toMatch(/^dockside-commands-gate-es\.pdf\n/)
    expect(es.name).toContain('Retener la carga: mercancía dañada')
    expect(es.decoded).toEqual(en.decoded)
    // The buttons speak Spanish and still show their shortcut.
    expect(await page.textContent('[data-testid=gate-free]')).toMatch(/Lectura libre.*Alt\+B/)
    await useLanguage('en')
  })

  it('Sync: "sync now" by its scanned command; any other scan is amber "this screen does not take scans"', async () => {
    await call('settings.update', { syncServerUrl: 'http://127.0.0.1:9', syncToken: 'e2e' })
    await page.click('[data-testid=nav-sync]')
    await page.waitForSelector('[data-testid=sync-now]:not([disabled])', { timeout: 15_000 })
    expect(await page.textContent('[data-testid=sync-now]')).toContain('Alt+A')
    let seq = await feedbackSeq(page)
    expect(await scan(']d201095212345432132110000001')).toMatchObject({ outcome: 'ignored', code: 'scan.screen_takes_no_scans' })
    expect(await nextFeedback(page, seq)).toMatchObject({ tone: 'warning', message: expect.stringContaining('does not take scans') })
    seq = await feedbackSeq(page)
    expect(await scan(commandPayload('sync-now'))).toMatchObject({ code: 'scan.command', params: { command: 'sync-now' } })
    expect(await nextFeedback(page, seq)).toMatchObject({ tone: 'good', message: expect.stringContaining('Sync now') })
    // The round ran against the (closed) server and says why it failed.
    await page.waitForSelector('[data-testid=sync-error], [data-testid=error-line]', { timeout: 30_000 })
    const s = await sheet()
    expect(s.name).toMatch(/^dockside-commands-sync-en\.pdf\n/)
    expect(s.decoded).toEqual(['DSCMD-GO-LOOKUP', 'DSCMD-GO-RECEIVE', 'DSCMD-SIGN-OUT', 'DSCMD-SYNC-NOW'])
    await call('settings.update', { syncServerUrl: '', syncToken: '' })
  })

  it('Look up: history order and clear by scanned command; its sheet', async () => {
    await page.click('[data-testid=nav-lookup]')
    await page.waitForSelector('[data-testid=screen-lookup]')
    expect(await scan('A01-01-01')).toMatchObject({ workflow: 'lookup' })
    await page.waitForSelector('[data-testid=lookup-order][data-newest-first=true]', { timeout: 15_000 })
    expect(await page.textContent('[data-testid=lookup-order]')).toContain('Alt+O')
    await scan(commandPayload('lookup-order'))
    await page.waitForSelector('[data-testid=lookup-order][data-newest-first=false]', { timeout: 15_000 })
    await page.keyboard.press('Alt+KeyO')
    await page.waitForSelector('[data-testid=lookup-order][data-newest-first=true]', { timeout: 15_000 })
    await scan(commandPayload('cancel'))
    await page.waitForSelector('[data-testid=lookup-result]', { state: 'detached', timeout: 15_000 })
    const s = await sheet()
    expect(s.name).toMatch(/^dockside-commands-lookup-en\.pdf\n/)
    expect(s.decoded).toContain('DSCMD-LOOKUP-ORDER')
  })

  it('print again: reprints this terminal’s last label (a pallet label) after a supervisor’s badge on the operator’s screen', async () => {
    await page.click('[data-testid=nav-receive]')
    await scan('PO-1001')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]', { timeout: 15_000 })
    await scan(commandPayload('new-pallet'))
    await page.waitForSelector('[data-testid=receive-plate]', { timeout: 15_000 })
    const plate = await page.getAttribute('[data-testid=receive-plate]', 'data-code')
    await scan(commandPayload('print-pallet-label'))
    type Job = { id: number; status: string; kind: string; data: Record<string, string>; reprintOf: number | null }
    const jobs = () => call<Job[]>('print.jobs', { limit: 5 })
    await until(async () => (await jobs()).some((j) => j.data.sscc === plate && j.status === 'confirmed'), { what: 'the pallet label printed', timeoutMs: 30_000 })
    const original = (await jobs()).find((j) => j.data.sscc === plate)!
    expect(await page.textContent('[data-testid=print-again]')).toContain('Alt+R')
    await scan(commandPayload('print-again'))
    // Ana is an operator: a supervisor approves on her screen with a badge.
    await page.waitForSelector('[data-testid=approval-dialog]', { timeout: 15_000 })
    await page.fill('[data-testid=approval-badge]', 'OP-0002')
    await page.press('[data-testid=approval-badge]', 'Enter')
    await page.waitForSelector('[data-testid=print-again-note][data-code="print.reprint_queued"]', { timeout: 15_000 })
    const reprint = (await jobs())[0]!
    expect(reprint).toMatchObject({ kind: 'reprint', reprintOf: original.id, data: { sscc: plate } })
    const requested = await call<AuditEntry[]>('audit.list', { types: ['label.reprint_requested'] })
    expect(requested[0]).toMatchObject({ operatorName: 'Ana García', payload: { reprintOf: original.id, approvedBy: { name: 'Ben Okafor' } } })
    expect(pageErrors).toEqual([])
  })
})
