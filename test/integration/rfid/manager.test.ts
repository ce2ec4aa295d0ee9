import { afterEach, expect, it } from 'vitest'
import { createDeviceRegistry } from '../../../src/main/devices/registry'
import { createRfidReaderManager, type RfidReaderManager } from '../../../src/main/devices/rfid/manager'
import { sampleTags } from '../../../src/main/devices/rfid/sim/sim-population'
import type { TagRead } from '../../../src/main/devices/rfid/types'
import { startRfidSimRig, until, type RfidSimRig } from '../../helpers/rfid-sim'

let rig: RfidSimRig | null = null
let manager: RfidReaderManager | null = null
afterEach(async () => {
  await manager?.stop()
  await rig?.close()
})

it('a configured reader is listed in the device registry, reads with a live rate, goes disconnected on unplug and comes back', async () => {
  const tags = sampleTags(8, { antennas: 2 })
  rig = await startRfidSimRig('thingmagic', { tags, rate: 300 })
  const registry = createDeviceRegistry()
  const reads: TagRead[] = []
  manager = createRfidReaderManager({ registry, onTag: (t) => reads.push(t), driver: { backoff: { initialMs: 50, maxMs: 300 } } })
  await manager.configure([{ path: rig.devicePath, protocol: 'thingmagic', settings: { region: 'EU3', antennas: [1, 2] }, autoStart: true }])
  const id = `rfid:${rig.devicePath}`
  expect(registry.list()).toEqual([expect.objectContaining({ id, kind: 'rfid-reader', transport: 'serial', state: 'connected', lastError: null })])
  await until(() => new Set(reads.map((r) => r.epc)).size === tags.length, 15_000, 'every tag')
  const live = manager.live(id)!
  expect(live.readsPerSecond).toBeGreaterThan(0)
  expect(live.readsPerSecond).toBeLessThanOrEqual(reads.length)
  expect(manager.live(id, Date.now() + 5000)!.readsPerSecond).toBe(0) // only the last second counts
  expect(Object.keys(live.rssiByAntenna).sort()).toEqual(['1', '2'])
  await rig.unplug()
  await until(() => registry.list()[0]?.state === 'disconnected', 10_000, 'disconnected in the registry')
  expect(registry.list()[0]?.lastError).toMatch(/^rfid\.(unplugged|port_closed|port_missing)$/)
  await rig.replug()
  await until(() => registry.list()[0]?.state === 'connected', 15_000, 'connected again')
  const before = reads.length
  await until(() => reads.length > before + 20, 10_000, 'reads after the replug')
  await manager.configure([])
  expect(registry.list()).toEqual([])
})
