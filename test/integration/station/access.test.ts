import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import type { CallContext } from '../../../src/shared/contract'
import { DEMO_PEOPLE, signInOn } from '../../helpers/auth'
import { testNow } from '../../helpers/clock'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'

const DOOR: CallContext = { terminalId: 'door-1', host: 'ws' }
const OFFICE: CallContext = { terminalId: 'office', host: 'electron' }

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

/** A demo station whose clock the test can move forward. */
async function start(): Promise<{ s: Station; advance: (ms: number) => void }> {
  let offset = 0
  station = await createStation({ dataDir: makeTempDir(), host: 'headless', version: 'test', logger: silentLogger(), demo: true, now: () => new Date(testNow().getTime() + offset), backups: false })
  return { s: station, advance: (ms) => (offset += ms) }
}

const events = (s: Station, type: string) =>
  (s.store.db.prepare('SELECT operator_id AS op, payload FROM events WHERE type = ? ORDER BY id').all(type) as { op: number | null; payload: string }[]).map((e) => ({ op: e.op, ...(JSON.parse(e.payload) as object) }))

describe('access per method (ADR 0015), through the same dispatch as IPC and WebSocket', () => {
  it('refuses state-changing calls with nobody signed in, and audits the refusal', async () => {
    const { s } = await start()
    expect(await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)).toMatchObject({ ok: false, error: { code: 'access.sign_in_required', params: { method: 'receiving.open' } } })
    expect(await s.dispatch('settings.update', { stationName: 'X' }, OFFICE)).toMatchObject({ ok: false, error: { code: 'access.sign_in_required' } })
    // Public before sign-in: the station's face and the names to choose from (names only).
    expect(await s.dispatch('station.info', {}, DOOR)).toMatchObject({ ok: true })
    const names = await s.dispatch('operators.list', {}, DOOR)
    expect(names).toEqual({ ok: true, value: expect.arrayContaining([{ id: 1, name: 'Ana García', hasPin: true }]) })
    expect(JSON.stringify(names)).not.toMatch(/role|badge|OP-000/)
    expect(events(s, 'access.refused')).toEqual([
      expect.objectContaining({ op: null, method: 'receiving.open', terminal: 'door-1', host: 'ws', needs: 'operator', role: null }),
      expect.objectContaining({ method: 'settings.update', terminal: 'office', host: 'electron', needs: 'administrator' })
    ])
    expect(await s.dispatch('settings.get', {}, DOOR)).toMatchObject({ ok: true, value: { stationName: 'Demo station' } })
  })

  it('an operator cannot call a supervisor or administrator method over WebSocket or IPC; an administrator can', async () => {
    const { s } = await start()
    await signInOn(s, 'operator', DOOR)
    await signInOn(s, 'operator', OFFICE)
    expect(await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)).toMatchObject({ ok: true })
    for (const ctx of [DOOR, OFFICE]) {
      expect(await s.dispatch('settings.update', { stationName: 'Hacked' }, ctx)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
      expect(await s.dispatch('imports.preview', { path: '/etc/passwd', kind: 'items' }, ctx)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
      expect(await s.dispatch('operators.create', { name: 'Eve', role: 'administrator' }, ctx)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
      expect(await s.dispatch('sync.resolveConflict', { id: 1, resolution: 'keep' }, ctx)).toMatchObject({ ok: false, error: { code: 'access.supervisor_required' } })
    }
    expect(events(s, 'access.refused').filter((e) => (e as { method?: string }).method === 'settings.update')).toEqual([
      expect.objectContaining({ op: 1, terminal: 'door-1', role: 'operator', needs: 'administrator' }),
      expect.objectContaining({ op: 1, terminal: 'office', role: 'operator', needs: 'administrator' })
    ])
    // A supervisor is still no administrator.
    await signInOn(s, 'supervisor', DOOR)
    expect(await s.dispatch('settings.update', { stationName: 'Hacked' }, DOOR)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
    await signInOn(s, 'administrator', OFFICE)
    expect(await s.dispatch('settings.update', { stationName: 'Office' }, OFFICE)).toMatchObject({ ok: true, value: { stationName: 'Office' } })
    expect(events(s, 'settings.changed').at(-1)).toMatchObject({ op: DEMO_PEOPLE.administrator.id })
  })

  it('keeps one session per terminal: signing in at the office does not unlock the door screen', async () => {
    const { s } = await start()
    await signInOn(s, 'administrator', OFFICE)
    expect(await s.dispatch('session.current', {}, DOOR)).toMatchObject({ ok: true, value: { operator: null, terminalId: 'door-1' } })
    expect(await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)).toMatchObject({ ok: false, error: { code: 'access.sign_in_required' } })
    await s.dispatch('session.signOut', {}, OFFICE)
    expect(await s.dispatch('settings.update', { stationName: 'Y' }, OFFICE)).toMatchObject({ ok: false, error: { code: 'access.sign_in_required' } })
  })

  it('events name the operator signed in on the calling terminal, also from printing (call context)', async () => {
    const { s } = await start()
    await signInOn(s, 'operator', DOOR)
    await signInOn(s, 'supervisor', OFFICE)
    const mark = (s.store.db.prepare('SELECT max(id) AS n FROM events').get() as { n: number }).n
    await s.dispatch('receiving.open', { order: 'PO-1001' }, DOOR)
    const received = await s.dispatch('receiving.receiveTyped', { item: 'MON-27-BLK', serial: 'MN00004009' }, DOOR)
    expect(received).toMatchObject({ ok: true })
    const unitId = (s.store.db.prepare("SELECT id FROM units WHERE serial = 'MN00004009'").get() as { id: number }).id
    expect(await s.dispatch('labels.printUnits', { unitIds: [unitId] }, DOOR)).toMatchObject({ ok: true })
    const written = () => s.store.db.prepare('SELECT type, operator_id AS op FROM events WHERE id > ? AND operator_id IS NOT NULL').all(mark) as { type: string; op: number }[]
    // The print worker writes label.printed after the call returned: still Ana's.
    await until(() => written().some((e) => e.type === 'label.printed'), { what: 'the label printed on the demo printer', timeoutMs: 20_000 })
    expect(new Set(written().map((e) => e.op))).toEqual(new Set([1]))
  })

  it('a badge alone signs in only operators, and only where the site allows it', async () => {
    const { s } = await start()
    expect(await s.dispatch('session.signIn', { badge: DEMO_PEOPLE.supervisor.badge }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.badge_not_allowed' } })
    expect(await s.dispatch('session.signIn', { badge: DEMO_PEOPLE.administrator.badge }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.badge_not_allowed' } })
    expect(await s.dispatch('session.signIn', { badge: DEMO_PEOPLE.operator.badge }, DOOR)).toMatchObject({ ok: true, value: { operator: { id: 1 } } })
    await s.dispatch('settings.update', { badgeSignIn: false })
    expect(await s.dispatch('session.signIn', { badge: DEMO_PEOPLE.operator.badge }, OFFICE)).toMatchObject({ ok: false, error: { code: 'auth.badge_not_allowed' } })
  })

  it('locks an operator after 5 wrong PINs for a growing delay, audited', async () => {
    const { s, advance } = await start()
    const wrong = () => s.dispatch('session.signIn', { operatorId: 2, pin: '0000' }, DOOR)
    for (let i = 0; i < 5; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(await s.dispatch('session.signIn', { operatorId: 2, pin: '4321' }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.locked', params: { seconds: 30 } } })
    expect(events(s, 'operator.pin_refused')).toHaveLength(4)
    expect(events(s, 'operator.locked')).toEqual([expect.objectContaining({ op: null, operator: 2, failedPins: 5, terminal: 'door-1' })])
    advance(31_000)
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(await s.dispatch('session.signIn', { operatorId: 2, pin: '4321' }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.locked', params: { seconds: 60 } } })
    advance(61_000)
    expect(await s.dispatch('session.signIn', { operatorId: 2, pin: '4321' }, DOOR)).toMatchObject({ ok: true })
    expect(s.store.db.prepare('SELECT failed_pins, locked_until FROM operators WHERE id = 2').get()).toEqual({ failed_pins: 0, locked_until: null })
  })

  it('signs a terminal out after the configured idle time', async () => {
    const { s, advance } = await start()
    await s.dispatch('settings.update', { idleSignOutMinutes: 2 })
    await signInOn(s, 'operator', DOOR)
    advance(60_000)
    expect(await s.dispatch('receiving.orders', {}, DOOR)).toMatchObject({ ok: true })
    advance(119_000)
    expect(await s.dispatch('receiving.orders', {}, DOOR)).toMatchObject({ ok: true })
    advance(121_000)
    expect(await s.dispatch('receiving.orders', {}, DOOR)).toMatchObject({ ok: false, error: { code: 'access.sign_in_required' } })
    expect(events(s, 'operator.signed_out')).toEqual([expect.objectContaining({ op: 1, terminal: 'door-1', reason: 'idle' })])
  })
})

describe('operators and roles', () => {
  it('administrators create, edit and deactivate operators; badges are unique; the last administrator stays', async () => {
    const { s } = await start()
    await signInOn(s, 'administrator', OFFICE)
    const created = await s.dispatch('operators.create', { name: 'Dmitri Ivanov', role: 'supervisor', badge: 'OP-0100' }, OFFICE)
    expect(created).toMatchObject({ ok: true, value: { name: 'Dmitri Ivanov', role: 'supervisor', badge: 'OP-0100', active: true, hasPin: false } })
    const id = (created as { value: { id: number } }).value.id
    expect(await s.dispatch('operators.create', { name: 'Copy', role: 'operator', badge: 'OP-0100' }, OFFICE)).toMatchObject({ ok: false, error: { code: 'operators.badge_taken', params: { badge: 'OP-0100', name: 'Dmitri Ivanov' } } })
    expect(await s.dispatch('operators.update', { id, role: 'operator', badge: null }, OFFICE)).toMatchObject({ ok: true, value: { role: 'operator', badge: null } })
    // The first PIN typed becomes theirs; the next sign-in needs it.
    expect(await s.dispatch('session.signIn', { operatorId: id, pin: '5555' }, DOOR)).toMatchObject({ ok: true, value: { operator: { id, hasPin: true } } })
    expect(await s.dispatch('session.signIn', { operatorId: id, pin: '6666' }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(await s.dispatch('operators.update', { id, active: false }, OFFICE)).toMatchObject({ ok: true, value: { active: false } })
    expect(await s.dispatch('session.signIn', { operatorId: id, pin: '5555' }, DOOR)).toMatchObject({ ok: false, error: { code: 'auth.wrong_pin' } })
    expect(((await s.dispatch('operators.all', {}, OFFICE)) as { value: { id: number }[] }).value.map((o) => o.id)).toContain(id)
    // The last active administrator can be neither demoted nor deactivated.
    expect(await s.dispatch('operators.update', { id: 3, role: 'supervisor' }, OFFICE)).toMatchObject({ ok: false, error: { code: 'operators.last_administrator', params: { name: 'Carmen Díaz' } } })
    expect(await s.dispatch('operators.update', { id: 3, active: false }, OFFICE)).toMatchObject({ ok: false, error: { code: 'operators.last_administrator' } })
    // PIN reset: never in an event.
    expect(await s.dispatch('operators.resetPin', { id: 1, pin: '9876' }, OFFICE)).toMatchObject({ ok: true })
    expect(await s.dispatch('session.signIn', { operatorId: 1, pin: '9876' }, DOOR)).toMatchObject({ ok: true })
    const audit = await s.dispatch('audit.list', { types: ['operator.*'] }, OFFICE)
    expect(JSON.stringify(audit)).not.toContain('9876')
    expect((audit as { value: { type: string }[] }).value.map((e) => e.type)).toEqual(
      expect.arrayContaining(['operator.created', 'operator.changed', 'operator.pin_reset', 'operator.pin_set'])
    )
    const change = (audit as { value: { type: string; operatorName: string | null; payload: Record<string, unknown> }[] }).value.find((e) => e.type === 'operator.changed')!
    expect(change).toMatchObject({ operatorName: 'Carmen Díaz', payload: { before: { active: true }, after: { active: false } } })
    expect(await s.dispatch('audit.verify', {}, OFFICE)).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('first-run setup: until an administrator exists only setup is offered, then it is closed', async () => {
    station = await createStation({ dataDir: makeTempDir(), host: 'headless', version: 'test', logger: silentLogger(), now: testNow, backups: false })
    const s = station
    expect(await s.dispatch('setup.state', {}, OFFICE)).toEqual({ ok: true, value: { needsAdministrator: true } })
    expect(await s.dispatch('setup.createAdministrator', { name: 'Site Admin', pin: '1357', badge: 'ADM-1' }, OFFICE)).toMatchObject({ ok: true, value: { operator: { name: 'Site Admin', role: 'administrator' }, terminalId: 'office' } })
    expect(await s.dispatch('settings.update', { stationName: 'Door 5', site: 'Leeds' }, OFFICE)).toMatchObject({ ok: true })
    expect(await s.dispatch('setup.state', {}, DOOR)).toEqual({ ok: true, value: { needsAdministrator: false } })
    expect(await s.dispatch('setup.createAdministrator', { name: 'Intruder', pin: '0000' }, DOOR)).toMatchObject({ ok: false, error: { code: 'setup.done' } })
  })
})
