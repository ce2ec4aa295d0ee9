import type { Page } from 'playwright-core'

export interface FirstRunAnswers {
  admin: { name: string; badge: string; pin: string }
  station: { name: string; site: string; dock: string }
  sscc: { companyPrefix: string; extension: string; start: string; end: string }
  /** Serial scanner ports (one a line) added at the scanners step through its add form (skipped when absent). */
  scannerPorts?: string
}

export const FIRST_RUN: FirstRunAnswers = {
  admin: { name: 'Site Admin', badge: 'ADM-1', pin: '2580' },
  station: { name: 'Door 5 station', site: 'Leeds DC', dock: 'Door 5' },
  sscc: { companyPrefix: '0614141', extension: '3', start: '1000', end: '1999' }
}

/**
 * First-run setup on the screens of an empty station: the administrator, the station, an SSCC range;
 * the printer step is skipped (added later in Settings). Ends signed in as the administrator.
 */
export async function runFirstRunSetup(page: Page, answers: FirstRunAnswers = FIRST_RUN): Promise<void> {
  await page.waitForSelector('[data-testid=setup-admin]')
  await page.fill('[data-testid=setup-admin-name]', answers.admin.name)
  await page.fill('[data-testid=setup-admin-badge]', answers.admin.badge)
  await page.fill('[data-testid=setup-admin-pin]', answers.admin.pin)
  await page.click('[data-testid=setup-admin-create]')
  await page.waitForSelector('[data-testid=setup][data-step=station]')
  await page.fill('[data-testid=setup-stationName]', answers.station.name)
  await page.fill('[data-testid=setup-site]', answers.station.site)
  await page.fill('[data-testid=setup-dock]', answers.station.dock)
  await page.click('[data-testid=setup-save]')
  await page.waitForSelector('[data-testid=setup][data-step=sscc]')
  await page.fill('[data-testid=setup-companyPrefix]', answers.sscc.companyPrefix)
  await page.fill('[data-testid=setup-extension]', answers.sscc.extension)
  await page.fill('[data-testid=setup-rangeStart]', answers.sscc.start)
  await page.fill('[data-testid=setup-rangeEnd]', answers.sscc.end)
  await page.click('[data-testid=setup-save]')
  await page.waitForSelector('[data-testid=setup][data-step=printer]')
  await page.click('[data-testid=setup-skip]')
  await page.waitForSelector('[data-testid=setup][data-step=scanners]')
  if (answers.scannerPorts) {
    // The same add form as Settings → Scanners (ADR 0017): one port at a time, each listed once added.
    const ports = answers.scannerPorts.split('\n').map((p) => p.trim()).filter(Boolean)
    for (const [i, port] of ports.entries()) {
      await page.fill('[data-testid=scanner-add-path]', port)
      await page.click('[data-testid=scanner-add-submit]')
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid^=setup-scanner-]').length === n, i + 1)
    }
    await page.click('[data-testid=setup-save]')
  } else {
    await page.click('[data-testid=setup-skip]')
  }
  await page.waitForSelector('[data-testid=nav-receive]')
}

/** Creates a person in Settings → Operators (the administrator is signed in and on Settings). */
export async function addOperator(page: Page, person: { name: string; role: 'operator' | 'supervisor' | 'administrator'; badge: string; pin?: string }): Promise<void> {
  await page.click('[data-testid=settings-tab-operators]')
  await page.fill('[data-testid=operator-name]', person.name)
  await page.selectOption('[data-testid=operator-role]', person.role)
  await page.fill('[data-testid=operator-badge]', person.badge)
  if (person.pin) await page.fill('[data-testid=operator-pin]', person.pin)
  await page.click('[data-testid=operator-save]')
  await page.waitForSelector(`[data-testid=operators-table] tr:has-text("${person.name}")`)
}

/** Signs a person in by name on the sign-in screen with a typed PIN (a first PIN becomes theirs). */
export async function signInByName(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name }).click()
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-testid=nav-receive]')
}
