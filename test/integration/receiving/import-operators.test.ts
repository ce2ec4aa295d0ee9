import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../src/main/import'
import { openRig, type Rig } from './rig'
import { writeXlsx } from './xlsx'

const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))

let rig: Rig
afterEach(() => rig?.close())

const write = (r: Rig, name: string, text: string) => {
  const path = join(r.dataDir, name)
  writeFileSync(path, text)
  return path
}
const operators = (r: Rig) => r.db.prepare('SELECT name, badge, role, pin_hash, active FROM operators ORDER BY id').all()
const snapshot = (r: Rig) => ({ operators: operators(r), events: r.count('SELECT count(*) AS n FROM events') })

describe('import: operators (issue #10.2)', () => {
  it('the sample file creates each operator without a PIN, one audited event per operator naming who imported them', async () => {
    rig = openRig()
    const admin = rig.db.prepare("SELECT id FROM operators WHERE role = 'admin'").pluck().get() as number
    const before = rig.count('SELECT count(*) AS n FROM operators')
    const r = await importFile(rig.db, rig.eventLog, join(SAMPLES, 'operators.csv'), { operatorId: admin })
    expect(r, JSON.stringify(r.errors)).toMatchObject({ kind: 'operators', applied: true, errorCount: 0, rows: 4 })
    expect(r.summary).toMatchObject({ operatorsCreated: 4, operators: 2, supervisors: 1, administrators: 1 })
    expect(rig.count('SELECT count(*) AS n FROM operators')).toBe(before + 4)
    expect(rig.db.prepare("SELECT name, badge, role, pin_hash FROM operators WHERE name = 'Fatima Núñez'").get()).toEqual({ name: 'Fatima Núñez', badge: 'OP-0201', role: 'supervisor', pin_hash: null })
    expect(rig.db.prepare("SELECT badge, role FROM operators WHERE name = 'Gustavo Peña'").get()).toEqual({ badge: null, role: 'admin' })
    const created = rig.events('operator.created')
    expect(created).toHaveLength(4)
    for (const e of created) {
      expect(e.operator_id).toBe(admin)
      expect(e.payload).toMatchObject({ source: 'import', origin: 'operators.csv', pinSet: false })
    }
    expect(created.map((e) => e.payload.name)).toEqual(['Dana Okafor', 'Eli Brandt', 'Fatima Núñez', 'Gustavo Peña'])
    expect(rig.events('import.applied').at(-1)!.payload).toMatchObject({ kind: 'operators', records: 4 })
  })

  it('the XLSX sample gives exactly what the CSV sample gives', async () => {
    rig = openRig({ demo: false })
    expect(await importFile(rig.db, rig.eventLog, join(SAMPLES, 'operators.csv'))).toMatchObject({ applied: true })
    const other = openRig({ demo: false })
    try {
      expect(await importFile(other.db, other.eventLog, join(SAMPLES, 'operators.xlsx'))).toMatchObject({ applied: true, kind: 'operators' })
      expect(operators(other)).toEqual(operators(rig))
    } finally {
      other.close()
    }
  })

  it('the same file as XLSX, the kind told by the header alone', async () => {
    rig = openRig({ demo: false })
    const path = join(rig.dataDir, 'people.xlsx')
    await writeXlsx(path, [['Name', 'Badge', 'Role'], ['Ida Lund', 'B-77', 'Operator'], ['Jon Moe', 12345, 'supervisor']])
    const r = await importFile(rig.db, rig.eventLog, path)
    expect(r, JSON.stringify(r.errors)).toMatchObject({ kind: 'operators', applied: true })
    expect(operators(rig)).toMatchObject([
      { name: 'Ida Lund', badge: 'B-77', role: 'operator' },
      { name: 'Jon Moe', badge: '12345', role: 'supervisor' }
    ])
  })

  it('a PIN column refuses the whole file before any row is read, and no PIN comes back in the report', async () => {
    rig = openRig()
    const before = snapshot(rig)
    const r = await importFile(rig.db, rig.eventLog, write(rig, 'with-pins.csv', 'name,badge,role,PIN\nKim,B-1,operator,8642\nLeo,B-2,operator,9753\n'))
    expect(r.applied).toBe(false)
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, column: 'PIN', rule: 'pin_column' })])
    expect(JSON.stringify(r)).not.toMatch(/8642|9753/)
    expect(snapshot(rig)).toEqual(before)
  })

  it('every bad row is listed (unknown role, empty name, badge twice in the file, badge or name already in the store) and nothing is written', async () => {
    rig = openRig()
    const before = snapshot(rig)
    const csv = ['kind,operators', 'name,badge,role', 'Mia,B-10,operator', 'Noor,B-11,foreman', ',B-12,operator', 'Omar,B-10,supervisor', 'Pia,OP-0002,operator', 'ana martínez,,operator', 'Mia,,operator'].join('\n')
    // The demo's first operator, her name in other letter case: the same person.
    const ana = rig.db.prepare('SELECT name FROM operators WHERE id = 1').pluck().get() as string
    const r = await importFile(rig.db, rig.eventLog, write(rig, 'bad.csv', csv.replace('ana martínez', ana.toLowerCase())))
    expect(r.applied).toBe(false)
    const got = r.errors.map((e) => [e.row, e.column, e.rule])
    expect(got).toEqual(
      expect.arrayContaining([
        [4, 'role', 'enum'],
        [5, 'name', 'required'],
        [6, 'badge', 'unique'],
        [7, 'badge', 'badge_taken'],
        [8, 'name', 'operator_exists'],
        [9, 'name', 'unique']
      ])
    )
    expect(r.errors.find((e) => e.rule === 'badge_taken')!.message).toMatch(/OP-0002 already belongs to /)
    expect(snapshot(rig)).toEqual(before)
  })

  it('--kind operators on a locations file says which kind it looks like', async () => {
    rig = openRig()
    const r = await importFile(rig.db, rig.eventLog, join(SAMPLES, 'locations.csv'), { kind: 'operators' })
    expect(r.errors[0]).toMatchObject({ rule: 'kind', value: 'locations' })
  })
})

describe('import: the hold column of locations (issue #12.1)', () => {
  it('sets and clears hold bins in bulk; an empty cell or no column keeps a bin as it was', async () => {
    rig = openRig({ demo: false })
    const csv = ['kind,locations', 'code,name,kind,parent,hold', 'WH,Warehouse,site,,', 'Q-01,Quarantine 1,bin,WH,yes', 'Q-02,Quarantine 2,bin,WH,TRUE', 'Q-03,Quarantine 3,bin,WH,1', 'A-01,Bin A-01,bin,WH,no', 'A-02,Bin A-02,bin,WH,0', 'A-03,Bin A-03,bin,WH,false', 'A-04,Bin A-04,bin,WH,']
    const r = await importFile(rig.db, rig.eventLog, write(rig, 'locations.csv', csv.join('\n')))
    expect(r, JSON.stringify(r.errors)).toMatchObject({ applied: true, summary: { locationsCreated: 8, holdLocations: 3 } })
    const held = () => rig.db.prepare('SELECT code FROM locations WHERE hold = 1 ORDER BY code').pluck().all()
    expect(held()).toEqual(['Q-01', 'Q-02', 'Q-03'])
    // Q-01 released, A-04 made a hold bin; Q-02 has an empty cell and Q-03 is not in the file: both stay held.
    const again = ['code,name,kind,parent,hold', 'Q-01,Quarantine 1,bin,WH,no', 'Q-02,Quarantine 2,bin,WH,', 'A-04,Bin A-04,bin,WH,yes']
    expect(await importFile(rig.db, rig.eventLog, write(rig, 'again.csv', again.join('\n')))).toMatchObject({ applied: true })
    expect(held()).toEqual(['A-04', 'Q-02', 'Q-03'])
    // A file without the column (the sample of earlier versions) changes no hold flag.
    expect(await importFile(rig.db, rig.eventLog, write(rig, 'nohold.csv', 'code,name,kind,parent\nA-04,Bin A-04 renamed,bin,WH\n'))).toMatchObject({ applied: true })
    expect(held()).toEqual(['A-04', 'Q-02', 'Q-03'])
  })

  it('bad hold values are each listed with row and column, and nothing is written', async () => {
    rig = openRig({ demo: false })
    const r = await importFile(rig.db, rig.eventLog, write(rig, 'bad-hold.csv', 'code,name,kind,hold\nX-1,X 1,bin,maybe\nX-2,X 2,bin,yes\nX-3,X 3,bin,2\n'))
    expect(r.applied).toBe(false)
    expect(r.errors.map((e) => [e.row, e.column, e.rule, e.value])).toEqual([
      [2, 'hold', 'boolean', 'maybe'],
      [4, 'hold', 'boolean', '2']
    ])
    expect(rig.count('SELECT count(*) AS n FROM locations')).toBe(0)
  })

  it('the flags the import set are what put-away reads (the locations repository)', async () => {
    rig = openRig({ demo: false })
    const r = await importFile(rig.db, rig.eventLog, write(rig, 'l.csv', 'code,name,kind,parent,hold\nWH,W,site,,\nQ-9,Quarantine 9,bin,WH,yes\nG-9,Good 9,bin,WH,no\n'))
    expect(r.applied).toBe(true)
    const { createLocationRepository } = await import('../../../src/main/store/repositories/locations')
    const locations = createLocationRepository(rig.db)
    expect(locations.byCode('Q-9')).toMatchObject({ hold: 1 })
    expect(locations.byCode('G-9')).toMatchObject({ hold: 0 })
  })
})

describe('import: operators through the station (administrators only)', () => {
  it('an operator or a supervisor is refused; an administrator imports, each operator audited as created by them, listed to sign in', async () => {
    const { startTestStation } = await import('../../helpers/store')
    const { signInOn } = await import('../../helpers/auth')
    const station = await startTestStation({ demo: true, importPaths: true })
    try {
      const file = join(SAMPLES, 'operators.csv')
      // A screen's call (the served UI), where the role checks apply.
      const screen = { terminalId: 'it-1', host: 'ws' } as const
      await signInOn(station, 'operator', screen)
      expect(await station.dispatch('imports.run', { path: file }, screen)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
      await signInOn(station, 'supervisor', screen)
      expect(await station.dispatch('imports.run', { path: file }, screen)).toMatchObject({ ok: false, error: { code: 'access.administrator_required' } })
      await signInOn(station, 'administrator', screen)
      expect(await station.dispatch('imports.run', { path: file }, screen)).toMatchObject({ ok: true, value: { kind: 'operators', applied: true } })
      const created = station.store.db.prepare("SELECT operator_id AS op, json_extract(payload, '$.name') AS name FROM events WHERE type = 'operator.created' ORDER BY id").all()
      expect(created).toEqual(['Dana Okafor', 'Eli Brandt', 'Fatima Núñez', 'Gustavo Peña'].map((name) => ({ op: 3, name })))
      const names = await station.dispatch('operators.list', {}, screen)
      expect(names).toMatchObject({ ok: true })
      expect((names as { ok: true; value: { name: string; hasPin: boolean }[] }).value.filter((o) => !o.hasPin).map((o) => o.name)).toEqual(expect.arrayContaining(['Dana Okafor', 'Gustavo Peña']))
    } finally {
      await station.close()
    }
  })
})
