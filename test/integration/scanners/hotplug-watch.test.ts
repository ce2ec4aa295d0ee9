import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { isDeviceNodeName, watchDeviceNodes } from '../../../src/main/devices/hotplug'
import { createDeviceRegistry } from '../../../src/main/devices/registry'
import { createScannerManager } from '../../../src/main/devices/scanners/discovery'
import type { SerialPortInfo } from '../../../src/main/devices/scanners/discovery'
import { makeTempDir } from '../../helpers/store'
import { until } from '../../helpers/wait'

const closers: (() => unknown)[] = []
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
})

it('device-node names: serial and HID nodes count, the rest of /dev does not', () => {
  for (const n of ['ttyUSB0', 'ttyACM3', 'ttyAMA0', 'ttyS4', 'hidraw2', 'serial', 'rfcomm0']) expect(isDeviceNodeName(n), n).toBe(true)
  for (const n of ['null', 'pts', 'shm', 'tty', 'tty7', 'loop0', 'sda1']) expect(isDeviceNodeName(n), n).toBe(false)
})

it('device nodes appearing in a burst (inotify on the folder) make one discovery pass; a removal makes another', async () => {
  const dir = makeTempDir('dockside-dev-')
  let changes = 0
  const w = watchDeviceNodes({ dir, settleMs: 200 })(() => changes++)
  expect(w).not.toBeNull()
  closers.push(() => w!.close())
  writeFileSync(join(dir, 'ttyUSB3'), '')
  writeFileSync(join(dir, 'hidraw7'), '')
  await until(() => changes === 1, { timeoutMs: 10_000, what: 'one coalesced change' })
  rmSync(join(dir, 'ttyUSB3'))
  await until(() => changes === 2, { timeoutMs: 10_000, what: 'the removal' })
})

it('a folder that cannot be watched: null (the manager polls instead)', () => {
  expect(watchDeviceNodes({ dir: '/nonexistent/dockside' })(() => undefined)).toBeNull()
})

it('the scanner manager lists ports on a device-node change, not on a fast poll', async () => {
  const dir = makeTempDir('dockside-dev-')
  let lists = 0
  const ports: SerialPortInfo[] = []
  const registry = createDeviceRegistry()
  const manager = createScannerManager({
    registry,
    onScan: () => undefined,
    onRejected: () => undefined,
    hid: null,
    listSerial: async () => {
      lists++
      return [...ports]
    },
    openSerial: (() => {
      throw new Error('no port in this test')
    }) as never,
    pollMs: 50,
    watch: watchDeviceNodes({ dir, settleMs: 500 }),
    watchedPollMs: 0
  })
  closers.push(() => manager.stop())
  manager.start()
  expect(manager.watching()).toBe(true)
  await until(() => lists === 1, { timeoutMs: 10_000, what: 'the first pass' })
  ports.push({ path: join(dir, 'ttyACM0'), vendorId: '0c2e' })
  writeFileSync(join(dir, 'ttyACM0'), '')
  await until(() => registry.list().some((d) => d.id === `serial:${join(dir, 'ttyACM0')}`), { timeoutMs: 10_000, what: 'the new scanner registered' })
  // The node settled for 500 ms before its pass: a 50 ms poll would have listed ~10 times by now.
  expect(lists).toBe(2)
})
