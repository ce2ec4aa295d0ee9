import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPutawayWorkflow } from '../../../src/main/workflows/putaway/workflow'
import { MAPPED_EVENT_TYPES } from '../../../src/shared/epcis'
import { EPCIS_MISSING, epcisFilesPresent, officialValidator } from '../../helpers/epcis-schema'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { dm, MONITOR_GTIN, openRig, PALLET, type Rig } from '../receiving/rig'

vi.setConfig({ testTimeout: 300_000 })

const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

type Doc = { type: string; epcisBody: { eventList: Record<string, unknown>[] } }

let rig: Rig | undefined
afterEach(() => {
  rig?.close()
  rig = undefined
})

/** A station that received a PO unit by unit, an ASN pallet by its SSCC, put it away and printed a label. */
function busyStation(): Rig {
  const r = openRig()
  r.db.prepare("UPDATE locations SET gln = '0614141000005' WHERE code = 'DEMO'").run()
  r.db.prepare("UPDATE locations SET gln = '0614141000012' WHERE code = 'DOCK-1'").run()
  r.svc.open('PO-1001')
  r.svc.setPlate('CASE-1')
  r.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
  r.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
  r.svc.open('ASN-2001')
  r.svc.submit(PALLET)
  const pa = createPutawayWorkflow({ db: r.db, eventLog: r.eventLog, now: () => new Date() })
  const call = { terminalId: 'pa-1', operatorId: r.operatorIds()[0]! }
  pa.submit(call, PALLET)
  pa.submit(call, 'A01-01-01')
  const unitId = (r.db.prepare("SELECT id FROM units WHERE serial = 'MN00004001'").get() as { id: number }).id
  r.eventLog.append({ type: 'label.printed', unitId, payload: { template: 'unit', jobId: 1 } })
  return r
}

describe.skipIf(!epcisFilesPresent())(`dockside export epcis${epcisFilesPresent() ? '' : ` — skipped: ${EPCIS_MISSING}`}`, () => {
  it('writes one EPCISDocument that passes GS1’s official schema, one event per station event that moves an object', async () => {
    rig = busyStation()
    const out = join(rig.dataDir, 'epcis.jsonld')
    const r = await run(['export', 'epcis', '--data-dir', rig.dataDir, '--out', out])
    expect(r.code, r.stderr).toBe(0)
    const summary = JSON.parse(r.stdout) as { ok: boolean; file: string; events: number; skipped: number }
    expect(summary).toMatchObject({ ok: true, file: out })
    const doc = JSON.parse(readFileSync(out, 'utf8')) as Doc
    const check = officialValidator()(doc)
    expect(check.errors).toBe('')
    expect(check.valid).toBe(true)

    const stationEvents = rig.events()
    const mapped = stationEvents.filter((e) => MAPPED_EVENT_TYPES.includes(e.type))
    expect(summary.events).toBe(mapped.length)
    expect(summary.skipped).toBe(stationEvents.length - mapped.length)
    expect(doc.epcisBody.eventList.map((e) => e.eventID)).toEqual(mapped.map((e) => `urn:uuid:${e.uuid}`))

    const of = (type: string) => doc.epcisBody.eventList.filter((e) => e['dockside:stationEventType'] === type)
    const received = of('unit.received')
    expect(received.length).toBe(stationEvents.filter((e) => e.type === 'unit.received').length)
    expect(received[0]).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      epcList: ['urn:epc:id:sgtin:9521234.054321.MN00004001'],
      bizLocation: { id: 'urn:epc:id:sgln:0614141.00001.0' },
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:9521234000008:PO-1001' }] // the supplier's GLN
    })
    expect(of('plate.received')[0]).toMatchObject({ type: 'AggregationEvent', parentID: 'urn:epc:id:sscc:0614141.1234567890', bizStep: 'receiving' })
    expect((of('plate.received')[0]!.childEPCs as string[]).length).toBe(6)
    expect(of('unit.stored')[0]).toMatchObject({ type: 'ObjectEvent', bizStep: 'storing', bizLocation: { id: 'urn:epc:id:sgln:0614141.00000.A01-01-01' } })
    expect(of('plate.moved')[0]).toMatchObject({ type: 'AggregationEvent', bizStep: 'storing' })
    expect(of('label.printed')[0]).toMatchObject({ bizStep: 'encoding' })
  })

  it('--since keeps only later events; without --out the document goes to stdout; bad input exits 2', async () => {
    rig = busyStation()
    const all = JSON.parse((await run(['export', 'epcis', '--data-dir', rig.dataDir])).stdout) as Doc
    expect(all.type).toBe('EPCISDocument')
    const future = await run(['export', 'epcis', '--data-dir', rig.dataDir, '--since', '2999-01-01'])
    expect(future.code).toBe(0)
    const none = JSON.parse(future.stdout) as Doc
    expect(none.epcisBody.eventList).toEqual([])
    expect(officialValidator()(none).valid).toBe(true)
    const cut = String(all.epcisBody.eventList[3]!.eventTime)
    const later = JSON.parse((await run(['export', 'epcis', '--data-dir', rig.dataDir, '--since', cut])).stdout) as Doc
    expect(later.epcisBody.eventList.length).toBeGreaterThan(0)
    expect(later.epcisBody.eventList.every((e) => String(e.eventTime) >= cut)).toBe(true)

    const bad = await run(['export', 'epcis', '--data-dir', rig.dataDir, '--since', 'last tuesday'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--since must be an ISO-8601')
    const missing = await run(['export', 'epcis', '--data-dir', join(rig.dataDir, 'nope')])
    expect(missing.code).toBe(2)
    const noDir = await run(['export', 'epcis', '--data-dir', rig.dataDir, '--out', join(rig.dataDir, 'no', 'such', 'x.jsonld')])
    expect(noDir.code).toBe(2)
    expect(existsSync(join(rig.dataDir, 'no'))).toBe(false)
  })
})
