import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../helpers/store'
import { runCli } from '../../helpers/cli'

const run = (args: string[]) => runCli(args)

describe('dockside CLI', () => {
  it('lists its commands with --help and exits 2 without a command', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: dockside <command>/)
    expect((await run([])).code).toBe(2)
  })

  it('has --help on every command', { timeout: 120_000 }, async () => {
    const commands = [...(await run(['--help'])).stdout.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]!)
    expect(commands).toEqual(expect.arrayContaining(['serve', 'migrate', 'diagnostics', 'gs1', 'epc', 'scan', 'label', 'import', 'lookup']))
    // Two at a time: each call is a fresh Node process (~0.4 s of start-up).
    for (let i = 0; i < commands.length; i += 2) {
      const batch = commands.slice(i, i + 2)
      const results = await Promise.all(batch.map((command) => run([command, '--help'])))
      results.forEach((result, j) => {
        expect(result.code, `${batch[j]} --help`).toBe(0)
        expect(result.stdout, `${batch[j]} --help`).toMatch(/Usage: dockside/)
      })
    }
  })

  it('refuses an unknown command with exit 2 and says what to do', async () => {
    const result = await run(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/unknown command "frobnicate".*--help/)
  })

  it('migrates a data dir and exports diagnostics from it', async () => {
    const dir = makeTempDir()
    const migrated = await run(['migrate', '--data-dir', dir])
    expect(migrated.code).toBe(0)
    expect(JSON.parse(migrated.stdout)).toMatchObject({ from: 0, applied: expect.arrayContaining(['0001-domain']) })
    const diag = await run(['diagnostics', '--data-dir', dir])
    expect(diag.code).toBe(0)
    expect(JSON.parse(diag.stdout).path).toContain(dir)
  })

  it('serve refuses a bad port with exit 2', async () => {
    const result = await run(['serve', '--port', 'abc', '--data-dir', makeTempDir()])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--port must be a number/)
  })
})
