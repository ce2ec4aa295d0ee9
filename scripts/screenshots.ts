// `npm run screenshots`: real screenshots of the station for the README, taken from `dockside serve`
// (demo data) in Debian's Chromium. Writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../test/helpers/browser'
import { PROJECT_ROOT, startServer } from '../test/helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../test/helpers/ui'

assertUiBuilt()
const outDir = join(PROJECT_ROOT, 'docs', 'screenshots')
mkdirSync(outDir, { recursive: true })
const server = await startServer({ demo: true })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(server.url)
  await page.waitForSelector('[data-testid=sign-in]')
  await page.click('[data-testid=operator-1]')
  await page.screenshot({ path: join(outDir, 'sign-in.png') })
  await page.click('[data-testid=operator-2]')
  await signInWithPin(page, 1, '1234')
  await page.waitForTimeout(600) // let the welcome flash fade
  // Receiving PO-1001 onto a new pallet: two monitors typed in as their GS1 codes.
  await page.click('[data-testid=nav-receive]')
  await page.click('[data-testid=receive-open-PO-1001]')
  await page.waitForSelector('[data-testid=receive-lines]')
  await page.click('[data-testid=receive-new-plate]')
  await page.waitForSelector('[data-testid=receive-plate]')
  for (const serial of ['MN00004001', 'MN00004002']) {
    await page.fill('[data-testid=receive-typed]', `(01)09521234543213(21)${serial}`)
    await page.click('[data-testid=receive-typed-submit]')
    await page.waitForFunction((s) => document.querySelector('[data-testid=receive-result-message]')?.textContent?.includes(s), serial)
  }
  await page.waitForTimeout(2200) // let the flash fade
  await page.screenshot({ path: join(outDir, 'receive.png') })
  // Look up the first monitor: its history as a timeline.
  await page.click('[data-testid=nav-lookup]')
  await page.fill('[data-testid=lookup-code]', 'MN00004001')
  await page.click('[data-testid=lookup-find]')
  await page.waitForSelector('[data-testid=lookup-result]')
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(outDir, 'lookup.png') })
  for (const mode of ['devices', 'settings']) {
    await page.click(`[data-testid=nav-${mode}]`)
    await page.waitForSelector(`[data-testid=screen-${mode}]`)
    await page.waitForTimeout(200)
    await page.screenshot({ path: join(outDir, `${mode}.png`) })
  }
  // The Label screen with a real preview rendered by the station.
  await page.click('[data-testid=nav-label]')
  await page.fill('[data-testid=label-field-gtin]', '09521234543213')
  await page.fill('[data-testid=label-field-serial]', 'MN00004001')
  await page.fill('[data-testid=label-field-description]', '27" monitor, black')
  await page.click('[data-testid=label-preview-button]')
  await page.waitForSelector('[data-testid=label-preview-image]')
  await page.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0))
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(outDir, 'label.png') })
  console.log(`screenshots written to ${outDir}`)
} finally {
  await browser.close()
  await server.stop()
}
