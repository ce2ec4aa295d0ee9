import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { dm, MONITOR_GTIN, openRig, type Rig } from './rig'
import { runCli } from '../../helpers/cli'

const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))

const run = (args: string[]) => runCli(args)

let rig: Rig | undefined
afterEach(() => {
  rig?.close()
  rig = undefined
})

describe('dockside import', () => {
  it('imports a sample (exit 0, JSON summary), refuses a bad file with every bad row as JSON (exit 2)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dockside-cli-import-'))
    const ok = await run(['import', join(SAMPLES, 'suppliers.csv'), '--data-dir', dataDir])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, kind: 'suppliers', rows: 2, applied: true, summary: { suppliersCreated: 2 } })
    const xl = await run(['import', join(SAMPLES, 'locations.xlsx'), '--data-dir', dataDir])
    expect(JSON.parse(xl.stdout)).toMatchObject({ ok: true, kind: 'locations', rows: 9 })

    const bad = join(dataDir, 'bad.csv')
    writeFileSync(bad, 'kind,suppliers\ncode,name,gln\nS-1,One,\nS-2,,1234567890123\n')
    const refused = await run(['import', bad, '--data-dir', dataDir])
    expect(refused.code).toBe(2)
    const report = JSON.parse(refused.stdout)
    expect(report).toMatchObject({ ok: false, kind: 'suppliers', rows: 2, errorCount: 2, truncated: false })
    expect(report.errors.map((e: { row: number; column: string; rule: string }) => [e.row, e.column, e.rule])).toEqual([
      [4, 'name', 'required'],
      [4, 'gln', 'gln']
    ])
    const dry = await run(['import', join(SAMPLES, 'items.csv'), '--data-dir', dataDir, '--dry-run'])
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, applied: false, summary: { itemsCreated: 3 } })
    const wrongKind = await run(['import', join(SAMPLES, 'items.csv'), '--data-dir', dataDir, '--kind', 'po'])
    expect(wrongKind.code).toBe(2)
    expect(JSON.parse(wrongKind.stdout).errors[0]).toMatchObject({ rule: 'kind', value: 'items', message: expect.stringMatching(/kind "items".*kind "po" was asked for/) })
    const supplierHeader = join(dataDir, 'suppliers-no-kind-line.csv')
    writeFileSync(supplierHeader, 'code,name\nS-9,Nine\n')
    const byHeader = await run(['import', supplierHeader, '--data-dir', dataDir, '--kind', 'items'])
    expect(byHeader.code).toBe(2)
    expect(JSON.parse(byHeader.stdout).errors).toEqual([expect.objectContaining({ rule: 'kind', value: 'suppliers', message: expect.stringMatching(/looks like kind "suppliers" from its header \(code, name\), but kind "items" was asked for/) })])
    expect((await run(['import', '--data-dir', dataDir])).code).toBe(2)
    expect((await run(['import', join(dataDir, 'missing.csv'), '--data-dir', dataDir])).stderr).toMatch(/no such file/)
  })

  it('runs beside a station that holds the data dir', async () => {
    rig = openRig() // holds station.lock
    const r = await run(['import', join(SAMPLES, 'suppliers.csv'), '--data-dir', rig.dataDir])
    expect(r.code, r.stderr).toBe(0)
    expect(rig.count("SELECT count(*) AS n FROM suppliers WHERE code = 'SUP-NORD'")).toBe(1)
  })
})

describe('dockside lookup', () => {
  it('prints a unit timeline as JSON; unknown code exits 2', async () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    const r = await run(['lookup', '(01)09521234543213(21)MN00004001', '--data-dir', rig.dataDir])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({ kind: 'unit', unit: { serial: 'MN00004001', order: { number: 'PO-1001' }, supplier: { code: 'SUP-ACME' } } })
    expect(out.timeline[0]).toMatchObject({ type: 'unit.received', operator: { name: 'Ana García' }, stationId: rig.stationId })
    const bin = await run(['lookup', 'DOCK-1', '--data-dir', rig.dataDir])
    expect(JSON.parse(bin.stdout)).toMatchObject({ kind: 'location', location: { units: 1 } })
    const unknown = await run(['lookup', 'NO-SUCH-CODE', '--data-dir', rig.dataDir])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown code "NO-SUCH-CODE"/)
    const { serial, sku, order } = rig.db
      .prepare(
        `SELECT x.serial, i.sku, o.number AS 'order' FROM inbound_expected_units x JOIN items i ON i.id = x.item_id JOIN inbound_orders o ON o.id = x.order_id
          WHERE x.serial IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.serial = x.serial) LIMIT 1`
      )
      .get() as { serial: string; sku: string; order: string }
    const expected = await run(['lookup', serial, '--data-dir', rig.dataDir])
    expect(expected.code).toBe(2)
    expect(expected.stderr).toContain(`Serial ${serial} (${sku}) is expected on ${order} but has not been received yet.`)
    const empty = await run(['lookup', 'X', '--data-dir', mkdtempSync(join(tmpdir(), 'dockside-cli-empty-'))])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/No Dockside database/)
  })
})
