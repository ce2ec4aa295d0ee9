import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScanResult } from '../../../src/shared/contract-areas/scans'
import { createScanPipeline, decodeScanBytes, type SubmitInput } from '../../../src/main/services/scan-pipeline'
import type { WorkflowStore } from '../../../src/main/services/scan-router'
import { english } from '../../../src/shared/messages/catalog'
import { createEventLog } from '../../../src/main/store/event-log'
import { openStore, type Store } from '../../../src/main/store/db'

let dir: string
let store: Store
let results: ScanResult[]
let disabled: string[]
let workflows: Map<string, string>

/** Each terminal's active workflow, in memory (the station keeps it in the terminals table). */
const workflowStore: WorkflowStore = {
  workflowOf: (terminalId) => workflows.get(terminalId) ?? 'default',
  setWorkflow: (terminalId, workflow) => void workflows.set(terminalId, workflow)
}

const make = () =>
  createScanPipeline({
    db: store.db,
    emit: (r) => results.push(r),
    workflows: workflowStore,
    terminalOfDevice: (deviceId) => (deviceId.startsWith('gate') ? 'gate' : 'main'),
    gsSubstitutes: () => ['<GS>'],
    isDisabled: (id) => disabled.includes(id)
  })

/** A scan for the main terminal unless it says otherwise. */
const scan = (input: Omit<SubmitInput, 'terminalId'> & { terminalId?: string }): SubmitInput => ({ terminalId: 'main', ...input })

const rows = () =>
  store.db.prepare('SELECT device_id, terminal_id, raw, text, symbology, outcome, code, params, message, event_id FROM scan_journal ORDER BY id').all() as {
    device_id: string
    terminal_id: string
    raw: Buffer
    text: string | null
    symbology: string | null
    outcome: string
    code: string
    params: string
    message: string
    event_id: number | null
  }[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-pipeline-'))
  store = openStore({ dataDir: dir })
  results = []
  disabled = []
  workflows = new Map()
})
afterEach(() => {
  store.close()
  // A checkpoint or log write may land while the folder is removed: retry rather than fail the test.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
})

describe('scan pipeline', () => {
  it('classifies GS1 data, journals the raw bytes and announces the parsed identity', () => {
    const p = make()
    const raw = Buffer.from(']C1011231231231233310ABC123\x1d99TESTING')
    const r = p.submit(scan({ deviceId: 'serial:/dev/ttyACM0', source: 'serial', raw }))
    expect(r).toMatchObject({ outcome: 'accepted', tone: 'good', code: 'scan.gs1', symbology: ']C1', workflow: 'default' })
    expect(r.classification).toMatchObject({ kind: 'gs1', elements: [{ ai: '01', value: '12312312312333' }, { ai: '10', value: 'ABC123' }, { ai: '99', value: 'TESTING' }] })
    expect(results).toEqual([r])
    const [row] = rows()
    expect(row).toMatchObject({ device_id: 'serial:/dev/ttyACM0', terminal_id: 'main', outcome: 'accepted', code: 'scan.gs1', symbology: ']C1', text: ']C1011231231231233310ABC123\x1d99TESTING' })
    expect(row!.raw.equals(raw)).toBe(true)
    expect(r.journalId).toBeGreaterThan(0)
  })

  it('puts an out-of-band HID symbology in front of the data, and applies wedge GS substitutes', () => {
    const p = make()
    const hid = p.submit(scan({ deviceId: 'hid:1', source: 'hid', raw: Buffer.from('0109521234543213'), symbology: ']d2' }))
    expect(hid.classification).toMatchObject({ kind: 'gs1', fields: { gtin: '09521234543213' } })
    const wedge = p.submit(scan({ deviceId: 'wedge', source: 'wedge', raw: Buffer.from(']C10109521234543213' + '10LOT1<GS>21SER') }))
    expect(wedge.classification).toMatchObject({ kind: 'gs1', fields: { lot: 'LOT1', serial: 'SER' } })
  })

  it('plain text stays plain; invalid GS1 is rejected with its reason', () => {
    const p = make()
    expect(p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.from('BIN-A-01') }))).toMatchObject({ outcome: 'accepted', code: 'scan.plain' })
    const bad = p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.from(']C10109521234543214') }))
    expect(bad).toMatchObject({ outcome: 'rejected', tone: 'bad', code: 'gs1.check_digit', params: { ai: '01', expected: '3', got: '4' } })
    expect(rows().map((r) => [r.outcome, r.code])).toEqual([
      ['accepted', 'scan.plain'],
      ['rejected', 'gs1.check_digit']
    ])
    // The journal keeps the code, its parameters and the English beside them (evidence for site IT).
    const journaled = rows()[1]!
    expect(journaled.message).toBe(english({ code: journaled.code, params: JSON.parse(journaled.params) }))
  })

  it('rejects 10 kB scans, binary garbage and empty scans with reasons, journals them, and keeps taking scans', () => {
    const p = make()
    const big = p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.alloc(10_000, 0x41) }))
    expect(big).toMatchObject({ outcome: 'rejected', code: 'scan.too_long', bytes: 10_000, params: { bytes: 10_000, limit: 4096 } })
    const garbage = p.submit(scan({ deviceId: 'd', source: 'serial', raw: Uint8Array.from([0xff, 0x00, 0x13, 0x88]) }))
    expect(garbage).toMatchObject({ outcome: 'rejected', code: 'scan.binary', params: { position: 1 } })
    expect(p.submit(scan({ deviceId: 'd', source: 'serial', raw: new Uint8Array() }))).toMatchObject({ outcome: 'rejected', code: 'scan.empty' })
    expect(p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.from('STILL-OK') }))).toMatchObject({ outcome: 'accepted' })
    const r = rows()
    expect(r.map((x) => x.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'accepted'])
    expect(r[0]!.raw.length).toBe(4096)
    expect(r[0]!.code).toBe('scan.too_long')
    expect(r[0]!.message).toBe(english({ code: 'scan.too_long', params: { bytes: 10_000, limit: 4096 } }))
    expect(Buffer.from(r[1]!.raw).toString('hex')).toBe('ff001388')
  })

  it("journals a driver's rejection (unplug mid-scan) as rejected", () => {
    const p = make()
    const r = p.rejected({ deviceId: 'serial:x', source: 'serial', raw: Buffer.from('01095'), code: 'scan.partial', reason: 'cut off', at: new Date() })
    expect(r).toMatchObject({ outcome: 'rejected', code: 'scan.partial', tone: 'bad', terminalId: 'main' })
    expect(rows()[0]).toMatchObject({ outcome: 'rejected', device_id: 'serial:x', code: 'scan.partial' })
  })

  it('a disabled scanner is journaled as ignored, with no tone', () => {
    disabled = ['hid:x']
    const r = make().submit(scan({ deviceId: 'hid:x', source: 'hid', raw: Buffer.from('ABC') }))
    expect(r).toMatchObject({ outcome: 'ignored', tone: null, code: 'scan.device_disabled' })
  })

  it('routes to the active workflow; its event and the journal row commit together, or neither does', () => {
    const p = make()
    const log = createEventLog(store.db, 'station-1')
    p.router.register('receive', (s) => {
      const event = log.append({ type: 'test.scanned', payload: { text: s.text } })
      if (s.text === 'BOOM') throw new Error('workflow exploded')
      return { outcome: 'warning', code: 'scan.not_taken', params: { workflow: 'receive', text: s.text }, eventId: event.id }
    })
    p.router.activate('main', 'receive')
    const r = p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.from('X1') }))
    expect(r).toMatchObject({ outcome: 'warning', tone: 'warning', workflow: 'receive' })
    const boom = p.submit(scan({ deviceId: 'd', source: 'serial', raw: Buffer.from('BOOM') }))
    expect(boom).toMatchObject({ outcome: 'rejected', code: 'scan.workflow_failed', params: { workflow: 'receive' } })
    const events = store.db.prepare("SELECT payload FROM events WHERE type = 'test.scanned'").all() as { payload: string }[]
    expect(events.map((e) => JSON.parse(e.payload).text)).toEqual(['X1'])
    expect(rows().map((x) => [x.outcome, x.event_id === null])).toEqual([
      ['warning', false],
      ['rejected', true]
    ])
    expect(() => p.router.activate('main', 'nope')).toThrow()
  })

  it('each terminal has its own workflow: a scan goes to the workflow of the terminal it belongs to', () => {
    const p = make()
    const seen: string[] = []
    p.router.register('receive', (s) => (seen.push(`receive:${s.terminalId}`), { outcome: 'accepted', code: 'scan.plain', params: { text: s.text } }))
    p.router.register('gate', (s) => (seen.push(`gate:${s.terminalId}`), { outcome: 'accepted', code: 'scan.plain', params: { text: s.text } }))
    p.router.activate('main', 'receive')
    p.router.activate('gate', 'gate')
    expect(p.submit(scan({ deviceId: 'wedge', source: 'wedge', raw: Buffer.from('A1') })).workflow).toBe('receive')
    expect(p.submit(scan({ deviceId: 'wedge', source: 'wedge', raw: Buffer.from('B1'), terminalId: 'gate' })).workflow).toBe('gate')
    // A driver's scan goes to the terminal its device is assigned to.
    expect(p.fromDriver({ deviceId: 'gate-reader', source: 'serial', raw: Buffer.from('C1'), at: new Date() })).toMatchObject({ terminalId: 'gate', workflow: 'gate' })
    expect(seen).toEqual(['receive:main', 'gate:gate', 'gate:gate'])
    expect(rows().map((r) => r.terminal_id)).toEqual(['main', 'gate', 'gate'])
  })

  it('decodes UTF-8, falls back to Latin-1, and calls control bytes noise', () => {
    expect(decodeScanBytes(Buffer.from('Ñandú'))).toEqual({ text: 'Ñandú' })
    expect(decodeScanBytes(Uint8Array.from([0x43, 0xe9]))).toEqual({ text: 'Cé' })
    expect(decodeScanBytes(Buffer.from('A\x1dB\x1eC\x04'))).toEqual({ text: 'A\x1dB\x1eC\x04' })
    expect(decodeScanBytes(Buffer.from('A\x07B'))).toHaveProperty('error')
  })
})
