import type { Handler } from '../../shared/contract'
import type { RegisteredScannerView, ScannerRegistryOutputs } from '../../shared/contract-areas/scanner-registry'
import { scannerDeviceId, type RegisteredScanner } from '../../shared/model/scanners'
import type { DeviceRegistry } from '../devices/registry'
import { describeProbeError, type ListSerialPorts, isScannerSerialPort, type ScannerManager } from '../devices/scanners/discovery'
import type { ScannerRegistry } from './scanner-registry'

export type ScannerRegistryHandlers = { [M in keyof ScannerRegistryOutputs]: Handler<M> }

interface Deps {
  registry: ScannerRegistry
  manager: ScannerManager
  devices: DeviceRegistry
  listSerial: ListSerialPorts | null
  /** Who is signed in on the calling terminal (the audit event's operator). */
  actor: (terminalId: string) => number | null
}

/** HID POS scanners (and, in the demo, simulated ones) are found by discovery; these may be registered. */
export const isPickableHid = (transport: string) => transport === 'hid' || transport === 'simulator'

/** Settings → Scanners and `dockside scanners` over the contract: the registry, and the drivers it opens. */
export function createScannerRegistryHandlers(deps: Deps): ScannerRegistryHandlers {
  const view = (s: RegisteredScanner): RegisteredScannerView => {
    const deviceId = scannerDeviceId(s)
    const device = deps.devices.list().find((d) => d.id === deviceId)
    return { ...s, deviceId, state: s.enabled ? (device?.state ?? 'disconnected') : 'disabled', lastError: s.enabled ? (device?.lastError ?? null) : null }
  }
  /** Opens, reopens or closes drivers to match the registry before answering. */
  const applied = async (s: RegisteredScanner): Promise<RegisteredScannerView> => {
    await deps.manager.refresh()
    deps.manager.republish()
    return view(s)
  }

  return {
    'scanners.registered': () => deps.registry.list().map(view),
    'scanners.ports': async () => {
      const registered = deps.registry.list()
      const idOf = (port: string) => registered.find((s) => s.port === port)?.id ?? null
      const errors: Record<string, string> = {}
      const listed: ScannerRegistryOutputs['scanners.ports']['serialPorts'] = []
      if (deps.listSerial) {
        try {
          for (const p of await deps.listSerial()) listed.push({ path: p.path, manufacturer: p.manufacturer ?? null, scanner: isScannerSerialPort(p), registeredId: idOf(p.path) })
        } catch (error) {
          errors.serialPorts = describeProbeError('serial', error)
        }
      }
      const hidScanners = deps.devices
        .list()
        .filter((d) => d.kind === 'scanner' && isPickableHid(d.transport))
        .map((d) => ({ deviceId: d.id, name: d.name, state: d.state, simulated: d.simulated, registeredId: idOf(d.id) }))
      return { serialPorts: listed, hidScanners, errors }
    },
    'scanners.add': (input, ctx) => applied(deps.registry.add(input, deps.actor(ctx.terminalId))),
    'scanners.update': (input, ctx) => applied(deps.registry.update(input, deps.actor(ctx.terminalId))),
    'scanners.remove': async ({ id }, ctx) => {
      const removed = deps.registry.remove(id, deps.actor(ctx.terminalId))
      await deps.manager.refresh()
      return removed
    }
  }
}
