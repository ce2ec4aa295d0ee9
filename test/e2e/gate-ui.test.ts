import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeElementString } from '../../src/shared/codes/epc'
import type { GateView } from '../../src/shared/contract-areas/gate'
import type { LookupResult } from '../../src/shared/contract-areas/receiving'
import type { StationSettings } from '../../src/shared/model/station'
import { signInAs, signInClient } from '../helpers/auth'
import { launchChromium } from '../helpers/browser'
import { startRfidSimRig, type RfidSimRig } from '../helpers/rfid-sim'
import { startServer, tempDataDir, type RunningServer, uploadToServer } from '../helpers/station-server'
import { assertUiBuilt, signInWithPin } from '../helpers/ui'
import { until } from '../helpers/wait'
import { connectEvents } from '../helpers/ws-events'

// The loading door in Chromium against `dockside serve --demo`: a shipment imported through the
// importer, a ThingMagic simulator on a real pty assigned to the page's terminal, the alarm (red
// full-screen flash) for an unexpected tag, then the load confirmed and the shipped event in Look up.

const TERMINAL = 'door-9'
/** The reader's stack light and buzzer on its GPO pins. */
const LIGHTS = { green: 1, red: 2, buzzer: 3 }
const PEN_GTIN = '80614141123458'
const SHIPPED = ['100201', '100202', '100203', '100204', '100205']
const epcOf = (serial: string) => {
  const r = encodeElementString(`(01)${PEN_GTIN}(21)${serial}`, { filter: 1, companyPrefixLength: 7 })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.hex
}

describe('Loading-door gate in Chromium', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let rig: RfidSimRig
  let events: Awaited<ReturnType<typeof connectEvents>>
  const pageErrors: string[] = []
  const call = async <T = unknown>(method: string, input: unknown): Promise<T> => {
    const r = await events.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.value as T
  }
  const count = (id: string) => page.textContent(`[data-testid=gate-count-${id}]`)

  beforeAll(async () => {
    assertUiBuilt()
    server = await startServer({ demo: true })
    events = await connectEvents(server)
    await signInClient(events, 'administrator')
    // Stock: the demo ASN pallet (six insulin pens 100201–100206) received whole through the API.
    await call('receiving.open', { order: 'ASN-2001' })
    expect(await call('receiving.submit', { text: ']C100106141412345678908' })).toMatchObject({ code: 'receiving.pallet_received' })
    await call('receiving.leave', {})
    const dir = tempDataDir('dockside-gate-e2e-')
    const file = join(dir, 'shipment.csv')
    writeFileSync(file, `shipment,customer,customer_name,ship_to,door,item,serial\n${SHIPPED.map((s) => `SH-E2E,ACME,Acme Corp,1 Main St,DOOR-1,PEN-INS-5,${s}`).join('\n')}\n`)
    expect(await call('imports.run', { upload: await uploadToServer(server, file) })).toMatchObject({ applied: true, kind: 'shipment' })
    rig = await startRfidSimRig('thingmagic', { tags: SHIPPED.map((s) => ({ epc: epcOf(s) })), rate: 150 })
    const settings = await call<StationSettings>('settings.get', {})
    const id = `rfid:${rig.devicePath}`
    await call('settings.update', { rfidReaders: [...settings.rfidReaders, { path: rig.devicePath, protocol: 'thingmagic', antennas: [1], outputs: LIGHTS }], rfidTerminals: { ...settings.rfidTerminals, [id]: TERMINAL }, gateSilenceMs: 60_000 })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(`${server.url}&terminal=${TERMINAL}`)
    await signInWithPin(page)
    await page.click('[data-testid=nav-gate]')
    await page.waitForSelector('[data-testid=screen-gate]')
  }, 120_000)

  afterAll(async () => {
    events?.close()
    await browser?.close()
    await server?.stop()
    await rig?.close()
  })

  it('reads the shipment, raises the alarm for an unexpected tag, and confirms the load', async () => {
    await page.selectOption('[data-testid=gate-shipment]', 'SH-E2E')
    await page.click('[data-testid=gate-start]')
    await page
      .waitForFunction(() => document.querySelector('[data-testid=gate-count-read]')?.textContent === '5', undefined, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nscreen: ${await page.textContent('[data-testid=screen-gate]')}\ndevices: ${JSON.stringify(await call('devices.list', {}))}\nreaders: ${JSON.stringify(await call('gate.readers', {}))}\nevents: ${JSON.stringify(events.of<GateView>('gate.changed').slice(-1))} n=${events.of('gate.changed').length}\nsim: ${JSON.stringify({ ...rig.sim().stats(), epcs: [...rig.sim().stats().epcs] })}`)
      })
    expect(await count('expected')).toBe('5')
    expect(await count('missing')).toBe('0')
    expect(await page.$('[data-testid=gate-alarm]')).toBeNull()
    const lights = () => rig.sim().outputs()
    await until(() => lights()[LIGHTS.green] === true, { timeoutMs: 10_000, what: 'the green light on the reader' })

    // A monitor that is ours but not on this shipment comes through the door: red flash.
    rig.sim().setTags([...SHIPPED, '100206'].map((s) => ({ epc: epcOf(s) })))
    await page.waitForSelector('[data-testid=gate-alarm]', { timeout: 30_000 })
    expect(await count('unexpected')).toBe('1')
    expect(await page.textContent('[data-testid=gate-unexpected-list]')).toContain('100206')
    await until(() => lights()[LIGHTS.red] === true && lights()[LIGHTS.buzzer] === true && lights()[LIGHTS.green] === false, { timeoutMs: 10_000, what: 'red light and buzzer on the reader' })
    await page.click('[data-testid=gate-confirm]')
    await page.waitForSelector('[data-testid=error-line][data-code="gate.unexpected_present"]', { timeout: 10_000 })

    // The monitor is taken off the forklift; read again and confirm.
    rig.sim().setTags(SHIPPED.map((s) => ({ epc: epcOf(s) })))
    await page.click('[data-testid=gate-reset]')
    await page.selectOption('[data-testid=gate-shipment]', 'SH-E2E')
    await page.click('[data-testid=gate-start]')
    await page.waitForFunction(() => document.querySelector('[data-testid=gate-count-read]')?.textContent === '5', undefined, { timeout: 30_000 })
    expect(await page.$('[data-testid=gate-alarm]')).toBeNull()
    await page.click('[data-testid=gate-end]')
    await page.click('[data-testid=gate-confirm]')
    await page.waitForSelector('[data-testid=gate-done]', { timeout: 15_000 })
    expect(await page.textContent('[data-testid=gate-done]')).toContain('SH-E2E')
    await until(() => Object.values(lights()).every((on) => !on), { timeoutMs: 10_000, what: 'the reader outputs off after the confirm' })

    const found = await call<LookupResult>('lookup.find', { code: '100201' })
    expect(found.kind).toBe('unit')
    if (found.kind === 'unit') expect(found.timeline.map((t) => t.summary.code)).toContain('timeline.unit.shipped')

    // The Devices screen shows the reader's outputs and takes them for a new reader: reader settings are
    // an administrator's (ADR 0015), so the administrator signs in on this screen.
    await page.click('[data-testid=sign-out]')
    await page.waitForSelector('[data-testid=sign-in]')
    await signInAs(page, 'administrator')
    await page.click('[data-testid=nav-devices]')
    await page.waitForSelector('[data-testid=reader-panel]')
    expect(await page.textContent(`[data-testid="reader-rfid:${rig.devicePath}"] [data-testid=reader-outputs]`)).toMatch(/1\D+2\D+3/)
    await page.fill('[data-testid=reader-panel] input[placeholder*="/dev/ttyUSB0"]', '/tmp/dockside-no-such-reader')
    await page.selectOption('[data-testid=reader-panel] select', 'r2000')
    await page.fill('[data-testid=reader-green]', '3')
    await page.fill('[data-testid=reader-red]', '4')
    await page.click('[data-testid=reader-panel] button[type=submit]')
    await until(async () => (await call<StationSettings>('settings.get', {})).rfidReaders.some((r) => r.path === '/tmp/dockside-no-such-reader' && r.outputs?.green === 3 && r.outputs.red === 4), { timeoutMs: 10_000, what: 'the new reader saved with its outputs' })
    expect(pageErrors).toEqual([])
  }, 120_000)
})
