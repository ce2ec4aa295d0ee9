import { startR2000Simulator, type R2000SimOptions } from '../../src/main/devices/rfid/sim/r2000-sim'
import type { RfidSimulator } from '../../src/main/devices/rfid/sim/sim-core'
import { startThingMagicSimulator, type ThingMagicSimOptions } from '../../src/main/devices/rfid/sim/thingmagic-sim'
import { openPtyPair, type PtyPair } from './pty'

export type SimProtocolName = 'thingmagic' | 'r2000'
export type SimOptions = Omit<ThingMagicSimOptions & R2000SimOptions, 'path'>

/**
 * A simulated reader behind a real socat pty pair: the driver opens `devicePath`, the simulator
 * holds `hostPath`. `unplug()` kills socat (the driver sees its port close); `replug()` brings the
 * pair back at the same paths with a fresh simulator (same options) attached.
 */
export interface RfidSimRig {
  devicePath: string
  pty: PtyPair
  sim(): RfidSimulator
  unplug(): Promise<void>
  replug(): Promise<void>
  close(): Promise<void>
}

export function startSimulator(protocol: SimProtocolName, path: string, options: SimOptions): RfidSimulator {
  return protocol === 'thingmagic' ? startThingMagicSimulator({ ...options, path }) : startR2000Simulator({ ...options, path })
}

export async function startRfidSimRig(protocol: SimProtocolName, options: SimOptions = {}): Promise<RfidSimRig> {
  const pty = await openPtyPair()
  let sim = startSimulator(protocol, pty.hostPath, options)
  return {
    devicePath: pty.devicePath,
    pty,
    sim: () => sim,
    async unplug() {
      await sim.close()
      await pty.unplug()
    },
    async replug() {
      await pty.replug()
      sim = startSimulator(protocol, pty.hostPath, options)
    },
    async close() {
      await sim.close()
      await pty.close()
    }
  }
}

/** Polls `check` every 10 ms until it holds, failing after `ms` with `what`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
