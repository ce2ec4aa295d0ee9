import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../../src/main/station'
import { makeTempDir, startTestStation } from '../../helpers/store'

let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

describe('choosing the import file in the desktop app', () => {
  it('imports.chooseFile gives the path the system dialog returned (or null when cancelled); the served host has no dialog', async () => {
    const dir = makeTempDir('dockside-choose-')
    const file = join(dir, 'suppliers.csv')
    writeFileSync(file, 'kind,suppliers\ncode,name,gln\nSUP-DLG,From the dialog,\n')
    let answer: string | null = file
    station = await startTestStation({ demo: true, importPaths: true, chooseImportFile: async () => answer })
    expect(await station.dispatch('imports.chooseFile', {})).toEqual({ ok: true, value: { path: file, name: 'suppliers.csv', bytes: 54 } })
    expect(await station.dispatch('imports.preview', { path: file })).toMatchObject({ ok: true, value: { valid: true, kind: 'suppliers' } })
    answer = null
    expect(await station.dispatch('imports.chooseFile', {})).toEqual({ ok: true, value: null })
    await station.close()
    station = await startTestStation({ demo: true })
    expect(await station.dispatch('imports.chooseFile', {})).toMatchObject({ ok: false, error: { code: 'imports.dialog_unavailable' } })
  })

  it('a path that cannot be imported is answered at once with the reason, without starting a worker', async () => {
    station = await startTestStation({ demo: true, importPaths: true })
    const dir = makeTempDir('dockside-refused-')
    mkdirSync(join(dir, 'a-folder.csv'))
    const missing = await station.dispatch('imports.preview', { path: join(dir, 'nope.csv') })
    expect(missing).toMatchObject({ ok: true, value: { valid: false, errors: [{ rule: 'file.not_found', row: 1 }] } })
    const folder = await station.dispatch('imports.run', { path: join(dir, 'a-folder.csv') })
    expect(folder).toMatchObject({ ok: true, value: { valid: false, applied: false, errors: [{ rule: 'file.not_regular' }] } })
  })
})
