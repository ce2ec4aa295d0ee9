import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { PROJECT_ROOT } from './station-server'

export function assertUiBuilt(): void {
  if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) {
    throw new Error('The UI is not built: run `npm run build` first (`npm test` does it).')
  }
}

/** Signs in the demo operator Ana García with her PIN on the PIN pad. */
export async function signInWithPin(page: Page, operatorId = 1, pin = '1234'): Promise<void> {
  await page.click(`[data-testid=operator-${operatorId}]`)
  for (const digit of pin) await page.click(`[data-testid=pin-${digit}]`)
  await page.click('[data-testid=pin-submit]')
  await page.waitForSelector('[data-testid=nav-receive]')
}
