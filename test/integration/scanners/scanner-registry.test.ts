import Database from 'better-sqlite3'
import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HONEYWELL_VID } from '../../../src/main/devices/scanners/hid-pos-driver'
import { createSimHidBackend } from '../../../src/main/devices/scanners/hid-sim'
import { silentLogger } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import { migrate } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { migration0010 } from '../../../src/main/store/migrations/0010-scanner-registry'
import type { CallContext } from '../../../src/shared/contract'
import type { RegisteredScannerView } from '../../../src/shared/contract-areas/scanner-registry'
import type { ScanResult } from '../../../src/shared/contract-areas/scans'
import { signInOn } from '../../helpers/auth'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'

const ADMIN: CallContext = { terminalId: 'it-desk', host: 'ws' }
const OPERATOR: CallContext = { terminalId: 'door-1', host: 'ws' }

let station: Station | null = null
const ptys: PtyPair[] = []
afterEach(async () => {
  const s = station
  station = null
  await s?.close()
  await Promise.all(ptys.splice(0).map((p) => p.close()))
})

async function start(hid: ReturnType<typeof createSimHidBackend> | null = null) {
  station = await createStation({ dataDir: makeTempDir(), host: 'headless', version: 'test', logger: silentLogger(), demo: true, backups: false, scanners: { hid, listSerial: null, pollMs: 0, simulated: false } })
  await signInOn(station, 'administrator', ADMIN)
  await signInOn(station, 'operator', OPERATOR)
  const results: ScanResult[] = []
  station.events.on('scans.result', (r) => results.push(r))
  return { s: station, results }
}

async function pty() {
  const p = await openPtyPair()
  ptys.push(p)
  return p
}

const call = async <T>(s: Station, method: string, input: unknown, ctx: CallContext = ADMIN): Promise<T> => {
  const r = await s.dispatch(method, input, ctx)
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
  return r.value as T
}
const refusal = async (s: Station, method: string, input: unknown, ctx: CallContext = ADMIN) => {
  const r = await s.dispatch(method, input, ctx)
  if (r.ok) throw new Error(`${method} was not refused`)
  return r.error
}
const scannerEvents = (s: Station) => s.store.db.prepare("SELECT type, operator_id AS operatorId, payload FROM events WHERE type LIKE 'scanner.%' ORDER BY id").all() as { type: string; operatorId: number | null; payload: string }[]

describe('scanner registry (issue #10.4, ADR 0017)', () => {
  it('adds a pty scanner with its baud and TAB suffix, sends its scans to its terminal, reconfigures, disables and removes it; each change audited', async () => {
    const { s, results } = await start()
    const port = await pty()
    const added = await call<RegisteredScannerView>(s, 'scanners.add', { port: port.devicePath, name: 'Dock 1 gun', baud: 115200, suffix: 'tab', terminal: 'door-1' })
    expect(added).toMatchObject({ id: 1, name: 'Dock 1 gun', kind: 'serial', port: port.devicePath, baud: 115200, suffix: 'tab', terminal: 'door-1', enabled: true, deviceId: `serial:${port.devicePath}` })
    await until(() => s.devices.list().find((d) => d.id === added.deviceId)?.state === 'connected', { what: 'the registered scanner connected' })
    expect(s.devices.list().find((d) => d.id === added.deviceId)?.name).toBe('Dock 1 gun')
    port.write(']C0TAB-ENDED\t')
    await until(() => results.length === 1, { what: 'the TAB-ended scan' })
    expect(results[0]).toMatchObject({ deviceId: added.deviceId, text: ']C0TAB-ENDED', terminalId: 'door-1' })

    // Change the suffix to CR and the terminal: the driver is reopened with the new settings.
    const changed = await call<RegisteredScannerView>(s, 'scanners.update', { id: added.id, suffix: 'cr', terminal: null })
    expect(changed).toMatchObject({ suffix: 'cr', terminal: null })
    await until(() => s.devices.list().find((d) => d.id === added.deviceId)?.state === 'connected', { what: 'reopened' })
    port.write(']C0CR-ENDED\r')
    await until(() => results.length === 2, { what: 'the CR-ended scan' })
    // Unassigned: to whichever screen was used last (none here: the station's own terminal).
    expect(results[1]).toMatchObject({ text: ']C0CR-ENDED', terminalId: 'station' })
    expect(await call(s, 'scanners.assign', { deviceId: added.deviceId, terminalId: 'door-1' })).toMatchObject({ [added.deviceId]: 'door-1' })
    expect(await call(s, 'terminals.list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'door-1', scanners: [added.deviceId] })]))

    // Off: the port is closed (another program may use it); on again: reopened.
    expect(await call(s, 'scanners.update', { id: added.id, enabled: false })).toMatchObject({ enabled: false, state: 'disabled' })
    expect(s.devices.list().some((d) => d.id === added.deviceId)).toBe(false)
    await call(s, 'scanners.setEnabled', { deviceId: added.deviceId, enabled: true })
    await until(() => s.devices.list().find((d) => d.id === added.deviceId)?.state === 'connected', { what: 'on again' })

    expect(await call(s, 'scanners.remove', { id: added.id })).toEqual({ removed: 1 })
    expect(s.devices.list().some((d) => d.id === added.deviceId)).toBe(false)
    expect(await call(s, 'scanners.registered', {})).toEqual([])

    const audit = scannerEvents(s)
    expect(audit.map((e) => e.type)).toEqual(['scanner.added', 'scanner.changed', 'scanner.changed', 'scanner.changed', 'scanner.changed', 'scanner.removed'])
    expect(audit.every((e) => e.operatorId === 3)).toBe(true)
    expect(JSON.parse(audit[1]!.payload)).toMatchObject({ scanner: 1, before: { suffix: 'tab', terminal: 'door-1' }, after: { suffix: 'cr', terminal: null } })
    expect(JSON.parse(audit[5]!.payload)).toMatchObject({ scanner: 1, before: { name: 'Dock 1 gun', port: port.devicePath } })
    expect(await call(s, 'audit.list', { types: ['scanner.*'] })).toHaveLength(6)
  })

  it('refuses a missing port, a file that is not a port, a duplicate (also by another path), a bad baud, an unknown suffix and an unknown id: each with its code, nothing written', async () => {
    const { s } = await start()
    const port = await pty()
    const dir = makeTempDir()
    const file = join(dir, 'not-a-port')
    writeFileSync(file, 'x')
    const alias = join(dir, 'by-id-link')
    symlinkSync(port.devicePath, alias)
    await call(s, 'scanners.add', { port: port.devicePath })
    const before = scannerEvents(s).length
    expect(await refusal(s, 'scanners.add', { port: '/dev/ttyDOES-NOT-EXIST' })).toMatchObject({ code: 'scanners.port_missing', params: { port: '/dev/ttyDOES-NOT-EXIST' } })
    expect(await refusal(s, 'scanners.add', { port: join(dir, 'dangling') })).toMatchObject({ code: 'scanners.port_missing' })
    expect(await refusal(s, 'scanners.add', { port: 'ttyUSB0' })).toMatchObject({ code: 'scanners.bad_port' })
    expect(await refusal(s, 'scanners.add', { port: file })).toMatchObject({ code: 'scanners.not_a_port' })
    expect(await refusal(s, 'scanners.add', { port: port.devicePath })).toMatchObject({ code: 'scanners.duplicate_port', params: { id: 1 } })
    expect(await refusal(s, 'scanners.add', { port: alias })).toMatchObject({ code: 'scanners.duplicate_port', params: { id: 1 } })
    expect(await refusal(s, 'scanners.add', { port: port.devicePath, baud: 12345 })).toMatchObject({ code: 'scanners.bad_baud', params: { baud: '12345' } })
    expect(await refusal(s, 'scanners.add', { port: port.devicePath, suffix: 'semicolon' })).toMatchObject({ code: 'scanners.unknown_suffix' })
    expect(await refusal(s, 'scanners.update', { id: 99, name: 'x' })).toMatchObject({ code: 'scanners.unknown', params: { id: 99 } })
    expect(await refusal(s, 'scanners.remove', { id: 99 })).toMatchObject({ code: 'scanners.unknown' })
    expect(await refusal(s, 'scanners.update', { id: 1, baud: 7 })).toMatchObject({ code: 'scanners.bad_baud' })
    expect(await refusal(s, 'scanners.add', { kind: 'hid', port: 'hid:0c2e:0b8f:NOPE' })).toMatchObject({ code: 'scanners.hid_missing' })
    expect(scannerEvents(s)).toHaveLength(before)
    expect(await call<RegisteredScannerView[]>(s, 'scanners.registered', {})).toHaveLength(1)
  })

  it('a connected HID POS scanner is listed, and added by its device id for a name and a terminal; turned off, its scans are ignored', async () => {
    const hid = createSimHidBackend()
    const gun = hid.plug({ vendorId: HONEYWELL_VID, productId: 0x0b8f, serialNumber: 'A' })
    const { s, results } = await start(hid)
    await s.scanning.manager.refresh()
    const deviceId = 'hid:0c2e:0b8f:A'
    await until(() => s.devices.list().find((d) => d.id === deviceId)?.state === 'connected', { what: 'the HID scanner connected' })
    expect(await call(s, 'scanners.ports', {})).toMatchObject({ serialPorts: [], hidScanners: [{ deviceId, state: 'connected', registeredId: null }] })
    const added = await call<RegisteredScannerView>(s, 'scanners.add', { kind: 'hid', port: deviceId, name: 'Door 1 HID', terminal: 'door-1' })
    expect(added).toMatchObject({ kind: 'hid', deviceId, state: 'connected', terminal: 'door-1' })
    hid.scan(gun.path, 'HID-SCAN', ']C0')
    await until(() => results.length === 1, { what: 'the HID scan' })
    expect(results[0]).toMatchObject({ deviceId, terminalId: 'door-1', outcome: 'accepted' })
    await call(s, 'scanners.setEnabled', { deviceId, enabled: false })
    expect(await call(s, 'scanners.registered', {})).toMatchObject([{ enabled: false, state: 'disabled' }])
    hid.scan(gun.path, 'IGNORED', ']C0')
    await until(() => results.length === 2, { what: 'the ignored scan' })
    expect(results[1]).toMatchObject({ outcome: 'ignored', code: 'scan.device_disabled' })
  })

  it('only an administrator may change scanners: the core refuses an operator on a screen, and audits it', async () => {
    const { s } = await start()
    const port = await pty()
    for (const [method, input] of [
      ['scanners.add', { port: port.devicePath }],
      ['scanners.update', { id: 1, name: 'x' }],
      ['scanners.remove', { id: 1 }],
      ['scanners.registered', {}],
      ['scanners.ports', {}]
    ] as const) {
      expect(await refusal(s, method, input, OPERATOR)).toMatchObject({ code: 'access.administrator_required' })
    }
    expect(await call(s, 'scanners.registered', {})).toEqual([])
    expect(s.store.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'access.refused'").get()).toEqual({ n: 5 })
  })

  it('migration 0010 moves the serialScannerPorts setting into the registry with its terminal, and retires the setting', () => {
    const at = migrations.indexOf(migration0010)
    const db = new Database(':memory:')
    migrate(db, migrations.slice(0, at), 'memory')
    const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    set.run('serialScannerPorts', JSON.stringify(['/dev/ttyACM0', '/dev/serial/by-id/usb-Honeywell-if00', '/dev/ttyACM0']))
    set.run('scannerTerminals', JSON.stringify({ 'serial:/dev/ttyACM0': 'door-5' }))
    migrate(db, migrations, 'memory')
    expect(db.prepare('SELECT id, name, kind, port, baud, suffix, terminal_id, enabled FROM scanners ORDER BY id').all()).toEqual([
      { id: 1, name: '/dev/ttyACM0', kind: 'serial', port: '/dev/ttyACM0', baud: 9600, suffix: 'crlf', terminal_id: 'door-5', enabled: 1 },
      { id: 2, name: '/dev/serial/by-id/usb-Honeywell-if00', kind: 'serial', port: '/dev/serial/by-id/usb-Honeywell-if00', baud: 9600, suffix: 'crlf', terminal_id: null, enabled: 1 }
    ])
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'serialScannerPorts'").get()).toEqual({ n: 0 })
  })
})
