/**
 * Demo mode: a simulated ThingMagic reader on a real pty pair (socat) assigned to terminal `door-1`,
 * so the gate screen reads tags with no hardware. Without socat the demo has no reader (one log line).
 */
import { spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { RfidReaderSetting, StationSettings } from '../../../shared/model/station'
import { sampleTags } from '../../devices/rfid/sim/sim-population'
import type { RfidSimulator } from '../../devices/rfid/sim/sim-core'
import { startThingMagicSimulator } from '../../devices/rfid/sim/thingmagic-sim'
import type { Logger } from '../../logging'
import { spawnTiedToParent } from '../../lifecycle/tied-child'

export const DEMO_READER_ID = 'rfid:demo'
export const DEMO_GATE_TERMINAL = 'door-1'

export interface DemoReaderDeps {
  dataDir: string
  logger: Logger
  settings: () => StationSettings
  updateSettings: (patch: Partial<StationSettings>) => void
}

const waitFor = async (check: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

export async function startDemoReader(deps: DemoReaderDeps): Promise<{ close(): Promise<void> } | null> {
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).status !== 0) {
    deps.logger.info('demo RFID reader skipped: socat is not installed')
    return null
  }
  const devicePath = join(deps.dataDir, 'demo-rfid')
  const hostPath = join(deps.dataDir, 'demo-rfid-sim')
  // Links left by a station that was killed (its socat may have died with it) would pass the check below
  // before the new socat replaced them: remove them first.
  rmSync(devicePath, { force: true })
  rmSync(hostPath, { force: true })
  const child: ChildProcess = spawnTiedToParent('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], { stdio: 'ignore' })
  if (!(await waitFor(() => existsSync(devicePath) && existsSync(hostPath), 5000))) {
    child.kill('SIGTERM')
    deps.logger.warn('demo RFID reader skipped: socat did not create its ptys')
    return null
  }
  let sim: RfidSimulator
  try {
    sim = startThingMagicSimulator({ path: hostPath, tags: sampleTags(24, { antennas: 2, withPallet: true }), rate: 100 })
  } catch (error) {
    // A demo nicety must never stop the station from starting.
    child.kill('SIGTERM')
    deps.logger.warn({ err: error }, 'demo RFID reader skipped: its simulator could not open the pty')
    return null
  }
  const current = deps.settings()
  if (!current.rfidReaders.some((r) => (r.id ?? `rfid:${r.path}`) === DEMO_READER_ID)) {
    const reader: RfidReaderSetting = { id: DEMO_READER_ID, path: devicePath, protocol: 'thingmagic', region: 'EU3', antennas: [1, 2], directionAntennas: [1, 2] }
    deps.updateSettings({ rfidReaders: [...current.rfidReaders, reader], rfidTerminals: { ...current.rfidTerminals, [DEMO_READER_ID]: DEMO_GATE_TERMINAL } })
  }
  deps.logger.info({ path: devicePath }, 'demo RFID reader (ThingMagic simulator) on a pty')
  return {
    async close() {
      await sim.close()
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        })
      }
    }
  }
}
