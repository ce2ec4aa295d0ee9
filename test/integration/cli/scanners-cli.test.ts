import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logging'
import { createStation, type Station } from '../../../src/main/station'
import type { ScanResult } from '../../../src/shared/contract-areas/scans'
import { runCli } from '../../helpers/cli'
import { openPtyPair, type PtyPair } from '../../helpers/pty'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'

const ptys: PtyPair[] = []
let station: Station | null = null
afterEach(async () => {
  await station?.close()
  station = null
  await Promise.all(ptys.splice(0).map((p) => p.close()))
})

describe('dockside scanners (exact CLI contract, issue #10.4)', () => {
  it('adds a pty scanner, lists it, refuses bad input with exit 2 and the reason, removes it; a station opens what the CLI added', { timeout: 120_000 }, async () => {
    const dir = makeTempDir()
    const pty = await openPtyPair()
    ptys.push(pty)
    const added = await runCli(['scanners', 'add', pty.devicePath, '--name', 'Door 5 gun', '--baud', '115200', '--suffix', 'tab', '--data-dir', dir])
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(added.stdout)).toEqual({ id: 1, port: pty.devicePath })

    const file = join(dir, 'not-a-port')
    writeFileSync(file, '')
    const refusals: [string[], RegExp][] = [
      [['add', '/dev/ttyNO-SUCH-PORT'], /Port \/dev\/ttyNO-SUCH-PORT does not exist/],
      [['add', file], /is not a serial port/],
      [['add', pty.devicePath], /is already scanner 1 \(Door 5 gun\)/],
      [['add', pty.devicePath, '--baud', 'fast'], /Baud fast is not one a scanner runs at/],
      [['add', pty.devicePath, '--baud', '1234'], /Baud 1234 is not one/],
      [['add', pty.devicePath, '--suffix', 'semicolon'], /Unknown suffix "semicolon"/],
      [['remove', '7'], /There is no scanner 7/],
      [['remove', 'abc'], /There is no scanner abc/],
      [['add'], /exactly one port/],
      [['frobnicate'], /unknown subcommand/]
    ]
    for (const [args, reason] of refusals) {
      const r = await runCli(['scanners', ...args, '--data-dir', dir])
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' })
      expect(r.stderr).toMatch(reason)
    }

    const list = await runCli(['scanners', 'list', '--data-dir', dir])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual([{ id: 1, name: 'Door 5 gun', kind: 'serial', port: pty.devicePath, baud: 115200, suffix: 'tab', terminal: null, enabled: true }])

    // A station on that folder opens the scanner with the settings the CLI gave it.
    station = await createStation({ dataDir: dir, host: 'headless', version: 'test', logger: silentLogger(), demo: false, backups: false, scanners: { hid: null, listSerial: null, pollMs: 0 } })
    const results: ScanResult[] = []
    station.events.on('scans.result', (r) => results.push(r))
    const deviceId = `serial:${pty.devicePath}`
    await until(() => station!.devices.list().find((d) => d.id === deviceId)?.state === 'connected', { what: 'the CLI-added scanner connected' })
    pty.write('TAB-SCAN-1\t')
    await until(() => results.length === 1, { what: 'the scan' })
    expect(results[0]).toMatchObject({ deviceId, text: 'TAB-SCAN-1' })
    await station.close()
    station = null

    const removed = await runCli(['scanners', 'remove', '1', '--data-dir', dir])
    expect(removed).toMatchObject({ code: 0 })
    expect(JSON.parse(removed.stdout)).toEqual({ removed: 1 })
    expect(JSON.parse((await runCli(['scanners', 'list', '--data-dir', dir])).stdout)).toEqual([])
    const audit = await runCli(['audit', 'verify', '--data-dir', dir])
    expect(audit.code).toBe(0)
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true })
  })
})
