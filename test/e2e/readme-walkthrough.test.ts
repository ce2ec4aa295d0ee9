import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { PROJECT_ROOT, startServer, type RunningServer } from '../helpers/station-server'
import { assertUiBuilt } from '../helpers/ui'
import { until } from '../helpers/wait'

/**
 * The README's demo walkthrough, word for word (#12): the values are read from the README itself
 * (operator, PIN, order, SSCC, bin, serial, supervisor), so a README that drifts from the product
 * fails here and names the sentence.
 */
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ')

function walkthrough() {
  const first = /A first receipt in the demo: (.*?) to see its history\./.exec(README)?.[1]
  if (!first) throw new Error('README: the paragraph "A first receipt in the demo: … to see its history." is missing')
  const take = (re: RegExp, what: string) => {
    const m = re.exec(first)
    if (!m?.[1]) throw new Error(`README walkthrough: cannot find ${what} in "${first}"`)
    return m[1]
  }
  const closing = /\*\*Close order\*\* (.*?)\*\*Download\*\* or \*\*View and print\*\*/.exec(README)?.[1]
  if (!closing) throw new Error('README: the sentence about **Close order**, **Download** and **View and print** is missing')
  const approver = /supervisor:? \*?([A-Z][a-zé]+)\*? \(PIN (\d{4})\) approves/.exec(closing)
  return {
    operator: take(/sign in as (\p{Lu}\p{Ll}+) \(PIN \d{4}\)/u, 'who signs in'),
    pin: take(/sign in as \p{Lu}\p{Ll}+ \(PIN (\d{4})\)/u, 'the PIN'),
    order: take(/open `([A-Z]+-\d+)`/, 'the order'),
    sscc: take(/type `(\d{18})` \(the pallet's SSCC\) into the scan field/, "the pallet's SSCC"),
    units: take(/→ (\w+) insulin pens are received/, 'how many pens'),
    bin: take(/then bin `([A-Z0-9-]+)`/, 'the bin'),
    serial: take(/any pen serial \(`(\d+)`\)/, 'the pen serial'),
    approver: approver ? { name: approver[1]!, pin: approver[2]! } : null
  }
}

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  assertUiBuilt()
  browser = await launchChromium()
  server = await startServer({ demo: true })
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

async function typeCode(page: Page, field: string, code: string): Promise<void> {
  await page.fill(`[data-testid=${field}]`, code)
  await page.press(`[data-testid=${field}]`, 'Enter')
}

describe("the README's demo walkthrough works word for word", () => {
  it('sign in → Receive → the pallet by its SSCC → Put away → Look up → Close order with its report', { timeout: 180_000 }, async () => {
    const w = walkthrough()
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.url)

    await page.getByRole('button', { name: new RegExp(`^${w.operator}\\b`) }).click()
    await page.keyboard.type(w.pin)
    await page.keyboard.press('Enter')
    await page.click('[data-testid=nav-receive]')
    await page.click(`[data-testid=receive-open-${w.order}]`)
    await page.waitForSelector(`[data-testid=screen-receive][data-order=${w.order}]`)
    await typeCode(page, 'receive-typed', w.sscc)
    const units = String(NUMBERS[w.units] ?? w.units)
    await until(async () => (await page.textContent('[data-testid=receive-line-1] [data-col=received]'))?.trim() === units, {
      what: `${units} pens received from the pallet`,
      timeoutMs: 30_000
    })

    await page.click('[data-testid=nav-putaway]')
    await typeCode(page, 'putaway-typed', w.sscc)
    await page.waitForSelector(`[data-testid=putaway-subject][data-kind=plate][data-code="${w.sscc}"]`, { timeout: 30_000 })
    await typeCode(page, 'putaway-typed', w.bin)
    await page.waitForSelector('[data-testid=putaway-result][data-outcome=accepted]', { timeout: 30_000 })

    await page.click('[data-testid=nav-lookup]')
    await typeCode(page, 'lookup-code', w.serial)
    await page.waitForSelector('[data-testid=lookup-unit]', { timeout: 30_000 })
    expect(await page.textContent('[data-testid=lookup-unit]')).toContain(w.bin)
    expect(await page.locator('[data-testid=lookup-event]').count()).toBeGreaterThanOrEqual(2)

    // Close order: the batteries never came, so closing short asks for the supervisor the README names.
    await page.click('[data-testid=nav-receive]')
    // Receive comes back to the order this screen had open.
    await page.waitForSelector(`[data-testid=screen-receive][data-order=${w.order}]`, { timeout: 30_000 })
    await page.click('[data-testid=receive-close]')
    await page.click('[data-testid=receive-close-confirm]')
    const dialog = page.locator('[data-testid=approval-dialog]')
    await Promise.race([dialog.waitFor({ timeout: 30_000 }), page.waitForSelector('[data-testid=receive-closed]', { timeout: 30_000 })])
    if (await dialog.count()) {
      expect(w.approver, 'the README must say which supervisor approves closing the demo order short').not.toBeNull()
      await dialog.getByRole('button', { name: new RegExp(`^${w.approver!.name}\\b`) }).click()
      await page.fill('[data-testid=approval-pin]', w.approver!.pin)
      await page.click('[data-testid=approval-submit]')
    }
    await page.waitForSelector('[data-testid=receive-closed]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid=receive-report-download]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid=receive-report-view]')
    expect(errors).toEqual([])
  })
})
