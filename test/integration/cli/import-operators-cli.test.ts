import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli'
import { makeTempDir } from '../../helpers/store'

const SAMPLES = fileURLToPath(new URL('../../../resources/import-samples/', import.meta.url))

describe('dockside import of an operators file (issue #10.2)', () => {
  it('imports the sample, then lists the people; a file with a PIN column exits 2 naming the rule; --kind operators on another file says what it is', { timeout: 90_000 }, async () => {
    const dir = makeTempDir()
    const ok = await runCli(['import', join(SAMPLES, 'operators.csv'), '--data-dir', dir, '--kind', 'operators'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, kind: 'operators', applied: true, summary: { operatorsCreated: 4 } })
    const list = await runCli(['operators', 'list', '--data-dir', dir])
    expect((JSON.parse(list.stdout) as { name: string; role: string; badge: string | null }[]).map((o) => [o.name, o.role, o.badge])).toEqual(
      expect.arrayContaining([
        ['Dana Okafor', 'operator', 'OP-0101'],
        ['Fatima Núñez', 'supervisor', 'OP-0201'],
        ['Gustavo Peña', 'administrator', null]
      ])
    )
    const withPins = join(dir, 'pins.csv')
    writeFileSync(withPins, 'name,role,pin\nZoe,operator,1357\n')
    const refused = await runCli(['import', withPins, '--data-dir', dir])
    expect(refused.code).toBe(2)
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, errors: [{ row: 1, column: 'pin', rule: 'pin_column' }] })
    expect(refused.stdout).not.toContain('1357')
    const wrong = await runCli(['import', join(SAMPLES, 'suppliers.csv'), '--data-dir', dir, '--kind', 'operators'])
    expect(wrong.code).toBe(2)
    expect(JSON.parse(wrong.stdout).errors[0]).toMatchObject({ rule: 'kind' })
  })
})
