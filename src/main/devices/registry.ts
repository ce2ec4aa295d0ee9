import type { DeviceStatus } from '../../shared/model/devices'

/**
 * The one list of devices the station knows (scanners, printers, RFID readers), real or simulated.
 * Drivers report their state here; the UI's status bar and Devices screen read it.
 */
export interface DeviceRegistry {
  list(): DeviceStatus[]
  upsert(status: DeviceStatus): void
  update(id: string, change: Partial<Omit<DeviceStatus, 'id' | 'kind'>>): void
  remove(id: string): void
  onChange(listener: (devices: DeviceStatus[]) => void): () => void
}

export function createDeviceRegistry(): DeviceRegistry {
  const devices = new Map<string, DeviceStatus>()
  const listeners = new Set<(devices: DeviceStatus[]) => void>()
  const notify = () => {
    const snapshot = [...devices.values()]
    listeners.forEach((l) => l(snapshot))
  }
  return {
    list: () => [...devices.values()],
    upsert(status) {
      devices.set(status.id, { ...status })
      notify()
    },
    update(id, change) {
      const current = devices.get(id)
      if (!current) return
      devices.set(id, { ...current, ...change })
      notify()
    },
    remove(id) {
      if (devices.delete(id)) notify()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
