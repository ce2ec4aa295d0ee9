import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'

const run = async (args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT })
    return { code: 0, stdout }
  } catch (error) {
    const e = error as { code: number; stdout: string }
    return { code: e.code, stdout: e.stdout }
  }
}

it('dockside shipments import is the importer with --kind shipment; list prints the shipments', async () => {
  const dataDir = makeTempDir()
  const dir = makeTempDir()
  const locations = join(dir, 'locations.csv')
  writeFileSync(locations, 'code,name,kind\nDOOR-2,Door 2,door\n')
  const items = join(dir, 'items.csv')
  writeFileSync(items, 'sku,gtin,description,tracking\nPEN,80614141123458,Pen,serial\n')
  expect((await run(['import', locations, '--data-dir', dataDir])).code).toBe(0)
  expect((await run(['import', items, '--data-dir', dataDir])).code).toBe(0)
  const ship = join(dir, 'ship.csv')
  writeFileSync(ship, 'shipment,customer,door,item,serial\nSH-7,ACME,DOOR-2,PEN,1\nSH-7,ACME,,PEN,2\n')
  const ok = await run(['shipments', 'import', ship, '--data-dir', dataDir])
  expect(ok.code).toBe(0)
  expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, kind: 'shipment', applied: true, summary: { shipments: 1, expectedUnits: 2 } })
  // A PO file is refused: the kind is forced.
  const po = join(dir, 'po.csv')
  writeFileSync(po, 'order,item,line,qty\nPO-1,PEN,1,2\n')
  const refused = await run(['shipments', 'import', po, '--data-dir', dataDir])
  expect(refused.code).toBe(2)
  const again = await run(['shipments', 'import', ship, '--data-dir', dataDir])
  expect(again.code).toBe(2)
  expect(JSON.parse(again.stdout).errors[0]).toMatchObject({ row: 2, column: 'shipment', rule: 'exists' })
  const list = await run(['shipments', 'list', '--data-dir', dataDir])
  expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ number: 'SH-7', status: 'open', customer: 'ACME', door: 'DOOR-2', expected_units: 2 })])
}, 90_000)
