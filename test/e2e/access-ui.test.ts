import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { startServer, type RunningServer } from '../helpers/station-server'
import { runFirstRunSetup } from '../helpers/setup-ui'
import { assertUiBuilt } from '../helpers/ui'

let browser: Browser
const servers: RunningServer[] = []

beforeAll(async () => {
  assertUiBuilt()
  browser = await launchChromium()
})
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop()
})
afterAll(async () => {
  await browser?.close()
})

async function open(demo: boolean, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; server: RunningServer; errors: string[] }> {
  const server = await startServer({ demo })
  servers.push(server)
  const page = await browser.newPage({ viewport })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(server.url)
  return { page, server, errors }
}

const inViewport = async (page: Page, selector: string) => {
  const box = await page.locator(selector).boundingBox()
  const size = page.viewportSize()!
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
}

describe('sign-in screen (#12.9)', () => {
  it('operators are buttons; the chosen one is highlighted; the PIN can be typed; pad and Sign in fit 1366×768', async () => {
    const { page, errors } = await open(true)
    await page.waitForSelector('[data-testid=sign-in]')
    expect(await page.locator('[role=listitem]').count()).toBe(0)
    const ana = page.getByRole('button', { name: 'Ana García' })
    await ana.click()
    expect(await ana.getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('button', { name: 'Ben Okafor' }).getAttribute('aria-pressed')).toBe('false')
    expect(await ana.evaluate((el) => el.classList.contains('selected'))).toBe(true)
    for (const key of ['pin-1', 'pin-0', 'pin-back', 'pin-clear', 'pin-submit']) expect(await inViewport(page, `[data-testid=${key}]`), key).toBe(true)
    // Typed on the keyboard: digits, a Backspace, then Enter.
    await page.keyboard.type('12349')
    await page.keyboard.press('Backspace')
    expect(await page.textContent('[data-testid=pin-display]')).toBe('••••')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=nav-receive]')
    expect(await page.textContent('[data-testid=status-operator]')).toContain('Ana García')
    expect(errors).toEqual([])
  })

  it('an operator cannot save settings: the core refuses with a translated message', async () => {
    const { page } = await open(true, { width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Ana García' }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await page.click('[data-testid=nav-settings]')
    await page.fill('[data-testid=settings-dock]', 'Hacked')
    await page.click('[data-testid=settings-save]')
    await page.waitForSelector('[data-testid=error-line][data-code="access.administrator_required"]')
    expect(await page.textContent('[data-testid=station-name]')).not.toContain('Hacked')
  })
})

describe('supervisor approval on the operator screen (#12.3)', () => {
  it('closing an order short asks for a supervisor; the supervisor PIN in the dialog approves', async () => {
    const { page, errors } = await open(true, { width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Ana García' }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await page.click('[data-testid=receive-open-PO-1001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
    await page.click('[data-testid=receive-close]')
    await page.click('[data-testid=receive-close-confirm]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.close_short"]')
    // Ana's own PIN is no approval.
    await page.click('[data-testid=approval-operator-1]')
    await page.fill('[data-testid=approval-pin]', '1234')
    await page.click('[data-testid=approval-submit]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.not_supervisor"]')
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await page.waitForSelector('[data-testid=receive-closed]')
    expect(await page.locator('[data-testid=approval-dialog]').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a carton beyond the line asks for a supervisor; approved, the same scan is received', async () => {
    const { page, errors } = await open(true, { width: 1366, height: 768 })
    await page.getByRole('button', { name: 'Ana García' }).click()
    await page.keyboard.type('1234')
    await page.keyboard.press('Enter')
    await page.click('[data-testid=receive-open-PO-1001]')
    await page.waitForSelector('[data-testid=screen-receive][data-order=PO-1001]')
    // The whole line of 50 cartons, counted and typed in; then one more carton is scanned.
    await page.click('[data-testid=receive-typed-open]')
    await page.fill('[data-testid=receive-typed-item]', 'BOX-M')
    await page.fill('[data-testid=receive-typed-qty]', '50')
    await page.click('[data-testid=receive-typed-receive]')
    await page.waitForSelector('[data-testid=receive-line-2].line-done', { timeout: 20_000 })
    await page.fill('[data-testid=receive-typed]', '09521234000020')
    await page.click('[data-testid=receive-typed-submit]')
    await page.waitForSelector('[data-testid=approval-dialog] [data-testid=error-line][data-code="approval.over_receipt"]', { timeout: 20_000 })
    await page.click('[data-testid=approval-operator-2]')
    await page.fill('[data-testid=approval-pin]', '4321')
    await page.click('[data-testid=approval-submit]')
    await page.waitForSelector('[data-testid=approval-dialog]', { state: 'detached', timeout: 20_000 })
    await page.waitForSelector('[data-testid=receive-line-2].line-over', { timeout: 20_000 })
    expect(errors).toEqual([])
  })
})

describe('first-run setup (#10.1)', () => {
  it('empty station → setup → sign in as the new administrator → create an operator → sign in as that operator', async () => {
    const { page, errors } = await open(false)
    await page.waitForSelector('[data-testid=setup-admin]')
    expect(await page.locator('[data-testid=nav-receive]').count()).toBe(0)
    await runFirstRunSetup(page)
    expect(await page.textContent('[data-testid=station-name]')).toContain('Door 5 station')

    // Sign out and in again as the new administrator, then create an operator in Settings → Operators.
    await page.click('[data-testid=sign-out]')
    await page.getByRole('button', { name: 'Site Admin' }).click()
    await page.keyboard.type('2580')
    await page.keyboard.press('Enter')
    await page.click('[data-testid=nav-settings]')
    await page.click('[data-testid=settings-tab-operators]')
    await page.fill('[data-testid=operator-name]', 'Olga Operator')
    await page.selectOption('[data-testid=operator-role]', 'operator')
    await page.fill('[data-testid=operator-badge]', 'OP-77')
    await page.click('[data-testid=operator-save]')
    await page.waitForSelector('[data-testid=operators-table] tr:has-text("Olga Operator")')
    await page.click('[data-testid=settings-tab-audit]')
    await page.waitForSelector('[data-testid=audit-row][data-type="operator.created"]')
    await page.click('[data-testid=sign-out]')

    // Her first PIN becomes hers.
    await page.getByRole('button', { name: 'Olga Operator' }).click()
    expect(await page.textContent('[data-testid=pin-for]')).toContain('choose a PIN')
    await page.keyboard.type('4455')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=nav-receive]')
    expect(await page.textContent('[data-testid=status-operator]')).toContain('Olga Operator')
    await page.click('[data-testid=nav-settings]')
    await page.fill('[data-testid=settings-dock]', 'Nope')
    await page.click('[data-testid=settings-save]')
    await page.waitForSelector('[data-testid=error-line][data-code="access.administrator_required"]')
    expect(errors).toEqual([])
  })
})
