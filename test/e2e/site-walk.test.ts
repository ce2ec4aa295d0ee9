import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPrinterEmulator, type PrinterEmulator } from '../../src/main/devices/printers/emulator'
import { launchChromium } from '../helpers/browser'
import { runCli } from '../helpers/cli'
import { openPtyPair, type PtyPair } from '../helpers/pty'
import { PROJECT_ROOT, startServer, type RunningServer } from '../helpers/station-server'
import { addOperator, runFirstRunSetup, signInByName } from '../helpers/setup-ui'
import { assertUiBuilt } from '../helpers/ui'
import { until } from '../helpers/wait'

/**
 * Issue #10's "done when": a real (non-demo) site puts an empty station into service through the
 * screens alone — first-run setup, a TCP printer (the Zebra emulator) and a serial scanner on a pty
 * added in Settings, people created, a receipt by the serial scanner, a pallet label on that printer,
 * a supervisor-approved short close, the audit view — and the event chain verifies until someone edits
 * a row behind the station's back.
 */
let browser: Browser
let server: RunningServer | null = null
let printer: PrinterEmulator | null = null
let scanner: PtyPair | null = null

beforeAll(async () => {
  assertUiBuilt()
  browser = await launchChromium()
})
afterAll(async () => {
  await server?.stop()
  await printer?.close()
  await scanner?.close()
  await browser?.close()
})

const SAMPLES = join(PROJECT_ROOT, 'resources', 'import-samples')

async function importSample(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', join(SAMPLES, file))
  await page.click('[data-testid=import-preview]')
  await page.waitForSelector('[data-testid=import-report][data-valid=true][data-applied=false]', { timeout: 60_000 })
  await page.click('[data-testid=import-run]')
  await page.waitForSelector('[data-testid=import-report][data-applied=true]', { timeout: 60_000 })
}

describe('a real site puts an empty station into service (#10 done when)', () => {
  it('setup → printer and scanner in Settings → people → serial-scanner receipt → pallet label → approved short close → audit; the chain verifies, then breaks on a direct edit', { timeout: 300_000 }, async () => {
    printer = await startPrinterEmulator()
    scanner = await openPtyPair()
    server = await startServer({ demo: false })
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.url)

    // First-run setup: the administrator, the station, an SSCC range; printer and scanner come in Settings.
    await runFirstRunSetup(page)

    // Settings → Printers: the Zebra emulator by its address, the default for pallet labels.
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-printers]')
    await page.fill('[data-testid=printer-add-uri]', printer.uri)
    await page.fill('[data-testid=printer-add-name]', 'Dock Zebra')
    await page.click('[data-testid=printer-add]')
    const printerRow = page.locator('[data-testid^=printer-status-]').first()
    await printerRow.waitFor({ timeout: 30_000 })
    const printerId = (await printerRow.getAttribute('data-testid'))!.replace('printer-status-', '')
    await page.click(`[data-testid=printer-test-${printerId}]`)
    await until(() => printer!.labels().length >= 1, { what: 'the test label to reach the emulator', timeoutMs: 30_000 })
    await page.selectOption('[data-testid=printer-default-pallet]', printerId)

    // Settings → Scanners: the serial scanner on its pty, CR-terminated; its test box shows a scan.
    await page.click('[data-testid=settings-tab-scanners]')
    await page.fill('[data-testid=scanner-add-path]', scanner.devicePath)
    await page.fill('[data-testid=scanner-add-name]', 'Dock 5 serial')
    await page.selectOption('[data-testid=scanner-add-suffix]', 'cr')
    await page.click('[data-testid=scanner-add-submit]')
    const scannerRow = page.locator('[data-testid^=scanner-row-][data-state=connected]').first()
    await scannerRow.waitFor({ timeout: 30_000 })
    const scannerId = (await scannerRow.getAttribute('data-testid'))!.replace('scanner-row-', '')
    scanner.write('TEST-SCAN-1\r')
    await until(async () => ((await page.textContent(`[data-testid=scanner-test-${scannerId}-text]`)) ?? '').includes('TEST-SCAN-1'), {
      what: 'the test scan in the scanner test box',
      timeoutMs: 30_000
    })

    // People: a supervisor with a PIN set by the administrator, an operator who chooses hers.
    await addOperator(page, { name: 'Sam Supervisor', role: 'supervisor', badge: 'SUP-9', pin: '9753' })
    await addOperator(page, { name: 'Olga Operator', role: 'operator', badge: 'OP-77' })

    // Master data as site IT brings it: locations, suppliers, items and a purchase order from the sample files.
    await page.click('[data-testid=nav-receive]')
    await page.click('[data-testid=receive-show-import]')
    for (const file of ['locations.csv', 'suppliers.csv', 'items.csv', 'po.csv']) await importSample(page, file)
    await page.click('[data-testid=sign-out]')

    // The operator signs in (first PIN becomes hers) and receives with the serial scanner.
    await signInByName(page, 'Olga Operator', '4455')
    await page.click('[data-testid=receive-open-PO-3001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-3001]')
    // A new pallet: its SSCC comes from the range set up, and its label goes to the emulator at once.
    const labelsBefore = printer.labels().length
    await page.click('[data-testid=receive-new-plate]')
    await page.waitForSelector('[data-testid=receive-plate]')
    const sscc = /(3061414\d{11})/.exec((await page.textContent('[data-testid=receive-plate]')) ?? '')?.[1]
    expect(sscc, 'the pallet SSCC from the company prefix set up').toBeDefined()
    await until(() => printer!.labels().slice(labelsBefore).some((l) => l.zpl.includes('SSCC')), { what: 'the pallet label to reach the emulator', timeoutMs: 30_000 })
    expect(printer.labels().at(-1)!.zpl).toContain(sscc!.slice(-9))
    for (const serial of ['TB000001', 'TB000002']) scanner.write(`]d2010735005312345821${serial}\r`)
    await until(async () => (await page.textContent('[data-testid=receive-line-1] [data-col=received]'))?.trim() === '2', {
      what: 'two units received by the serial scanner',
      timeoutMs: 30_000
    })

    // Closing 18 short needs the supervisor: Olga's own PIN is no approval, Sam's is.
    await page.click('[data-testid=receive-close]')
    await page.click('[data-testid=receive-close-confirm]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.close_short"]')
    await page.getByRole('dialog').getByRole('button', { name: 'Sam Supervisor' }).click()
    await page.fill('[data-testid=approval-pin]', '9753')
    await page.click('[data-testid=approval-submit]')
    await page.waitForSelector('[data-testid=receive-closed]', { timeout: 30_000 })
    await page.click('[data-testid=sign-out]')

    // The administrator sees who changed what in Settings → Audit.
    await signInByName(page, 'Site Admin', '2580')
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-audit]')
    for (const type of ['operator.created', 'settings.changed', 'scanner.added']) {
      await page.waitForSelector(`[data-testid=audit-row][data-type="${type}"]`, { timeout: 30_000 })
    }
    expect(errors).toEqual([])

    // The chain verifies; after a direct edit of one event row it names that row's successor.
    expect(await server.stop()).toBe(0)
    const ok = await runCli(['audit', 'verify', '--data-dir', server.dataDir])
    expect(ok.code, ok.stderr).toBe(0)
    const verdict = JSON.parse(ok.stdout) as { ok: boolean; events: number }
    expect(verdict.ok).toBe(true)
    expect(verdict.events).toBeGreaterThan(10)
    const db = new Database(join(server.dataDir, 'dockside.sqlite'))
    const closed = db.prepare("SELECT payload FROM events WHERE type = 'order.closed'").get() as { payload: string }
    expect(JSON.parse(closed.payload)).toMatchObject({ approvedBy: { name: 'Sam Supervisor' } })
    db.exec('DROP TRIGGER events_no_update')
    const victim = db.prepare("SELECT id FROM events WHERE type LIKE 'order.closed%' ORDER BY id DESC LIMIT 1").get() as { id: number } | undefined
    const target = victim?.id ?? (db.prepare('SELECT min(id) AS id FROM events').get() as { id: number }).id
    db.prepare("UPDATE events SET payload = json_set(payload, '$.tampered', 1) WHERE id = ?").run(target)
    db.close()
    const broken = await runCli(['audit', 'verify', '--data-dir', server.dataDir])
    expect(broken.code).toBe(2)
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false })
    server = null
  })
})
