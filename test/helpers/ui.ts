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

/** The sequence number of the last feedback signal the page showed (0 before the first). */
export async function feedbackSeq(page: Page): Promise<number> {
  return Number((await page.getAttribute('[data-testid=feedback-last]', 'data-seq')) ?? 0)
}

/**
 * The next feedback signal after `afterSeq`, read from its persistent record: a short flash (450 ms)
 * can come and go while a loaded machine is still delivering the scan result the test waited for first.
 */
export async function nextFeedback(page: Page, afterSeq: number, timeout = 30_000): Promise<{ tone: string; message: string }> {
  type Doc = { querySelector(sel: string): { getAttribute(name: string): string | null } | null }
  await page.waitForFunction(
    (seq) => Number((globalThis as unknown as { document: Doc }).document.querySelector('[data-testid=feedback-last]')?.getAttribute('data-seq') ?? 0) > seq,
    afterSeq,
    { timeout }
  )
  const el = await page.$('[data-testid=feedback-last]')
  return { tone: (await el!.getAttribute('data-tone')) ?? '', message: (await el!.textContent()) ?? '' }
}
