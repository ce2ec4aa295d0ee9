import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import { startTestStation } from '../../helpers/store'
import { dm, MONITOR_GTIN } from './rig'

/** Issue 12, item 7: a scan on a screen that takes none is answered amber with where to go, never green, never silence. */
let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

describe('scans on a screen that does not use them', () => {
  it('the idle workflow (Sync, Settings, Devices, Label) answers every scan amber with a code; nothing is received', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await s.dispatch('session.signIn', { badge: 'OP-0001' })
    expect(await s.dispatch('scans.setWorkflow', { workflow: 'idle' })).toMatchObject({ ok: true, value: { workflow: 'idle' } })
    const units = (s.store.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n
    for (const text of [dm(MONITOR_GTIN, 'MN00004001'), 'ASN-2001', 'hello world']) {
      const r = await s.handlers['scans.submit']({ text, source: 'test' })
      expect(r).toMatchObject({ outcome: 'ignored', tone: 'warning', code: 'scan.screen_takes_no_scans', workflow: 'idle' })
    }
    expect((s.store.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(units)
  })

  it('Gate without a session: amber "no gate session", not silence', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await s.dispatch('session.signIn', { badge: 'OP-0001' })
    await s.dispatch('scans.setWorkflow', { workflow: 'gate' })
    const r = await s.handlers['scans.submit']({ text: 'ASN-2001', source: 'test' })
    expect(r).toMatchObject({ outcome: 'ignored', tone: 'warning', code: 'gate.no_session' })
  })
})
